package quire.importer.clipping;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title a reviewer can scan for a newsletter item, which has none of its own: the paper's title when a bullet
 * gives it ({@code Single-Turn Debate Does Not Help ...: “We do not find ...”}) or is only a quotation from the
 * paper, else the item's first sentence; at most {@value #MAX_LENGTH} characters, cut at a clause boundary rather
 * than inside a word.
 *
 * <p>A title quoted inside an item's prose and followed by a year ({@code the seminal paper “Man is to Computer
 * Programmer as Woman is to Homemaker? ...” (2016)}) is another work the item cites, not the item's subject: it is
 * returned by {@link #citedWork} and kept apart.
 */
final class ItemTitle {

    /** The longest title made. */
    static final int MAX_LENGTH = 150;

    /** A clause boundary nearer the start than this makes too short a title; cut at a word instead. */
    private static final int MIN_CUT = 40;

    private static final Pattern WHOLE_QUOTE = Pattern.compile("[“\"]([^”\"]{3,})[”\"]\\.?");
    private static final Pattern LABEL_THEN_QUOTE = Pattern.compile("([^“\"]{8,}?):\\s+[“\"].*");
    private static final Pattern CITED = Pattern.compile("“([^”]{10,300})”\\s*\\((\\d{4})\\)");

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "al", "cf", "fig", "figs",
            "eq", "dr", "mr", "ms", "mrs", "prof", "no", "vol", "approx", "ca", "st", "jr", "sr", "inc", "ltd", "co");

    private static final Set<String> DANGLING = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on",
            "for", "with", "by", "at", "from", "that", "which", "as", "is", "are", "its", "their", "this", "these");

    private ItemTitle() {
    }

    /**
     * The title for an item whose text starts with {@code firstParagraph}.
     *
     * @param bullet whether the item is a one-line {@code - [Link] ...} bullet, whose text often starts with the
     *               paper's title or is a quotation from it
     */
    static String of(String firstParagraph, boolean bullet) {
        String text = firstParagraph.strip();
        if (bullet) {
            Matcher whole = WHOLE_QUOTE.matcher(text);
            if (whole.matches()) {
                return trim(whole.group(1).strip());
            }
            Matcher label = LABEL_THEN_QUOTE.matcher(text);
            if (label.matches() && label.group(1).strip().split("\\s+").length >= 2) {
                return trim(label.group(1).strip());
            }
        }
        return trim(firstSentence(text));
    }

    /** A work the text cites by its quoted title and year, as {@code Title (2016)}. */
    static Optional<String> citedWork(String text) {
        if (text.indexOf('“') < 0) {
            return Optional.empty();
        }
        Matcher m = CITED.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip() + " (" + m.group(2) + ")") : Optional.empty();
    }

    /** The text up to the end of its first sentence; a sentence does not end inside a “quotation”. */
    static String firstSentence(String text) {
        int quoteDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“') {
                quoteDepth++;
            } else if (c == '”' && quoteDepth > 0) {
                quoteDepth--;
                // a quotation that ends the sentence: “... training set.” Models ...
                if (quoteDepth == 0 && i > 0 && ".?!".indexOf(text.charAt(i - 1)) >= 0 && endsSentence(text, i)) {
                    return text.substring(0, i + 1);
                }
            } else if (quoteDepth == 0 && (c == '.' || c == '?' || c == '!' || c == '…') && endsSentence(text, i)) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    private static boolean endsSentence(String text, int i) {
        int next = i + 1;
        // closing quotes and brackets after the full stop belong to the sentence
        while (next < text.length() && "”’\")".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false; // 2.7, e.g., arxiv.org
        }
        int after = next;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        if (after < text.length()) {
            char start = text.charAt(after);
            if (!(Character.isUpperCase(start) || Character.isDigit(start) || "“‘\"([".indexOf(start) >= 0)) {
                return false;
            }
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        String word = wordBefore(text, i).toLowerCase(Locale.ROOT);
        return !(ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static String wordBefore(String text, int i) {
        int start = i;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') {
            start--;
        }
        return text.substring(start, i);
    }

    /** The text as a title: no closing full stop, at most {@value #MAX_LENGTH} characters. */
    static String trim(String text) {
        String t = text.strip();
        if (t.endsWith(".") && !t.endsWith("..")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() <= MAX_LENGTH) {
            return t;
        }
        // a title before a colon or dash is whole; a clause before a comma is marked as cut
        for (String strong : new String[] {": ", " — ", " – ", " -- ", " - ", " → "}) {
            int at = lastOutsideBrackets(t, strong, MAX_LENGTH);
            if (at >= MIN_CUT) {
                return t.substring(0, at).strip();
            }
        }
        for (String weak : new String[] {"; ", ", ", " (" }) {
            int at = lastOutsideBrackets(t, weak, MAX_LENGTH - 1);
            if (at >= MIN_CUT) {
                return withoutDangling(t.substring(0, at)) + "…";
            }
        }
        int space = t.lastIndexOf(' ', MAX_LENGTH - 1);
        String cut = space >= MIN_CUT ? t.substring(0, space) : t.substring(0, MAX_LENGTH - 1);
        return withoutDangling(cut) + "…";
    }

    /** The last {@code separator} at or before {@code from} that is not inside brackets or a quotation; or -1. */
    private static int lastOutsideBrackets(String text, String separator, int from) {
        for (int at = text.lastIndexOf(separator, from); at >= 0; at = text.lastIndexOf(separator, at - 1)) {
            int depth = 0;
            for (int i = 0; i < at; i++) {
                char c = text.charAt(i);
                if (c == '(' || c == '[' || c == '“') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '”') && depth > 0) {
                    depth--;
                }
            }
            if (depth == 0) {
                return at;
            }
            if (at == 0) {
                break;
            }
        }
        return -1;
    }

    /** The text without the articles and conjunctions a cut leaves hanging at its end. */
    private static String withoutDangling(String text) {
        String t = text.strip();
        while (true) {
            int space = t.lastIndexOf(' ');
            if (space < MIN_CUT / 2 || !DANGLING.contains(t.substring(space + 1).toLowerCase(Locale.ROOT))) {
                return t.replaceAll("[\\s,;:–—-]+$", "");
            }
            t = t.substring(0, space).strip();
        }
    }
}
