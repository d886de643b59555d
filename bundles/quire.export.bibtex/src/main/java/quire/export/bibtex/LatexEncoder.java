package quire.export.bibtex;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes text from a reference as the value of a BibTeX or biblatex field: LaTeX that compiles with the default
 * (OT1) font encoding, and data only. How characters outside ASCII are written depends on the {@link Encoding}:
 * classic BibTeX gets pure ASCII, biblatex gets UTF-8.
 *
 * <ul>
 * <li>The ASCII characters LaTeX treats specially are escaped ({@code \&}, {@code \%}, {@code \$}, {@code \#},
 *     {@code \_}) or written as commands that print them ({@code {\textbackslash}}, {@code {\textbraceleft}},
 *     {@code {\textasciitilde}}, ...). A backslash or brace in the data therefore never reaches TeX as one, so no
 *     field can run a command, and every brace in the output is one written here, so braces balance.</li>
 * <li>In ASCII, accented letters become LaTeX accents ({@code {\"o}}, {@code {\H{o}}}, {@code {\c{c}}}): the
 *     letter is decomposed (NFD) and each combining mark looked up; letters that are not a base letter plus marks
 *     come from {@link SpecialLetters}. Each accented letter is braced as a whole, which BibTeX treats as one
 *     "special character" when it changes case, sorts or abbreviates. In UTF-8 the letters stay as they are, as
 *     far as the {@link Encoding} says LaTeX can set them.</li>
 * <li>Typographic quotes and dashes become their TeX ligatures; the Greek letters and the mathematical symbols
 *     become math; a few symbols become the LaTeX kernel's text commands ({@code {\textdegree}},
 *     {@code {\texteuro}}), in forms that importers read back as the same characters.</li>
 * <li>Name parts for biblatex avoid what breaks biber's initials, and titles are protected in units that read back
 *     as the same protected words (see {@link #namePart} and {@link #title(String, Encoding, List)}).</li>
 * <li>Whatever is left (scripts LaTeX cannot set without packages) is written as {@value #UNENCODABLE}, never as
 *     raw bytes. Runs of white space become one space; control characters are dropped.</li>
 * </ul>
 */
final class LatexEncoder {

    /** How characters outside ASCII are written. The ASCII specials are escaped in every encoding. */
    enum Encoding {
        /** Pure ASCII, for classic BibTeX: accents as LaTeX accents, symbols in math, the rest as {@code ?}. */
        ASCII,
        /**
         * UTF-8 for biblatex with biber, typeset by pdflatex with the default fonts: letters that pdflatex sets from
         * UTF-8 input stay as they are ({@code é}, {@code ő}, {@code ł}, {@code ß}); others lose the accents that
         * have no precomposed, settable form ({@code ị} becomes {@code i}) or become their ASCII form, like in
         * {@link #ASCII}. Writing a LaTeX accent instead would not help: biber turns {@code \d{i}} back into
         * {@code ị}, which pdflatex then cannot set. Symbols go to math as in {@link #ASCII}.
         */
        UTF8_PDFLATEX,
        /** UTF-8 for xelatex and lualatex: every character except the ASCII specials and controls as it is. */
        UTF8
    }

    /** What a character is written as when nothing better is possible. */
    static final String UNENCODABLE = "?";

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /** Combining marks, by code point, and the accent command that sets them. */
    private static final Map<Integer, String> ACCENTS = Map.ofEntries(
            Map.entry(0x0300, "\\`"), Map.entry(0x0301, "\\'"), Map.entry(0x0302, "\\^"),
            Map.entry(0x0303, "\\~"), Map.entry(0x0304, "\\="), Map.entry(0x0306, "\\u"),
            Map.entry(0x0307, "\\."), Map.entry(0x0308, "\\\""), Map.entry(0x030A, "\\r"),
            Map.entry(0x030B, "\\H"), Map.entry(0x030C, "\\v"), Map.entry(0x0323, "\\d"),
            // Comma below (Romanian s and t) has no OT1 command; the cedilla is the traditional stand-in.
            Map.entry(0x0326, "\\c"), Map.entry(0x0327, "\\c"), Map.entry(0x0331, "\\b"));
    // Not here, so dropped with the letter kept: the ogonek (\k exists only in T1, and an undefined accent stops
    // pdflatex), the hook above and horn of Vietnamese, and every other mark.

    /** Marks set below the letter: an i or j under them keeps its dot. */
    private static final Set<Integer> BELOW = Set.of(0x0323, 0x0326, 0x0327, 0x0328, 0x0331);

    /** ASCII characters that TeX or BibTeX would read as markup, and what prints them instead. */
    private static final Map<Character, String> ASCII_SPECIALS = Map.ofEntries(
            Map.entry('&', "\\&"), Map.entry('%', "\\%"), Map.entry('$', "\\$"), Map.entry('#', "\\#"),
            Map.entry('_', "\\_"),
            Map.entry('\\', "{\\textbackslash}"), Map.entry('{', "{\\textbraceleft}"),
            Map.entry('}', "{\\textbraceright}"), Map.entry('~', "{\\textasciitilde}"),
            Map.entry('^', "{\\textasciicircum}"),
            // In OT1 these three are ligatures for other glyphs: < prints an inverted exclamation mark.
            Map.entry('<', "{\\textless}"), Map.entry('>', "{\\textgreater}"), Map.entry('|', "{\\textbar}"));

    /**
     * In biblatex output, {@code < > |} as math: biber turns {@code \textless} back into {@code <}, which the
     * default (OT1) fonts print as an inverted exclamation mark.
     */
    private static final Map<Character, String> BIBLATEX_SPECIALS = Map.of(
            '<', "{$<$}", '>', "{$>$}", '|', "{$|$}");

    /**
     * The ASCII specials in a name, in biblatex output. Biber takes a name's initials from the first character of
     * each word after removing letter commands such as {@code \textbackslash}, with or without an empty argument,
     * and leading braces: {@code {\textbackslash}} would leave a lone closing brace, which breaks the {@code .bbl}.
     * These forms leave the next character. {@code & % # $} keep their escapes, from which biber takes a backslash
     * as the initial; that prints oddly but breaks nothing, and every form biber would remove is one it turns into the
     * bare character or one that importers do not read back.
     */
    private static final Map<Character, String> NAME_SPECIALS = Map.ofEntries(
            Map.entry('\\', "\\textbackslash{}"), Map.entry('{', "\\textbraceleft{}"),
            Map.entry('}', "\\textbraceright{}"), Map.entry('~', "\\textasciitilde{}"),
            Map.entry('^', "\\textasciicircum{}"), Map.entry('_', "\\textunderscore{}"),
            Map.entry('<', "\\ensuremath<{}"), Map.entry('>', "\\ensuremath>{}"), Map.entry('|', "\\ensuremath|{}"),
            // an = could make biber read the name as its extended format (family=..., given=...)
            Map.entry('=', "{=}"));

    /** A symbol set in math as one command, e.g. <code>{$\beta$}</code>. */
    private static final Pattern MATH_COMMAND = Pattern.compile("\\{\\$(\\\\[A-Za-z]+)\\$\\}");

    /** Non-letters outside ASCII. Symbols go to math rather than to text commands that need the TS1 fonts. */
    private static final Map<Integer, String> SYMBOLS = symbols();

    /**
     * Dashes and quotes, written as TeX's ligatures ({@code --}, {@code ``}) in every encoding: that is how BibTeX
     * files write them and how importers read them back, so an export read back and exported again is the same file.
     */
    private static final Set<Integer> TEX_TYPOGRAPHY = Set.of(0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018,
            0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2212);

    /** Where a cluster stands: in text, or in a name in biblatex output. */
    private enum Place {
        TEXT, NAME
    }

    /**
     * The characters beyond ASCII that pdflatex sets from UTF-8 input with the default (OT1) font encoding, as found
     * by typesetting each one: the Latin letters LaTeX composes from OT1 accents, punctuation, and the Latin-1 and a
     * few other symbols it sets with the TS1 fonts, which come with every TeX Live. Sorted, for the search.
     */
    private static final int[][] PDFLATEX_UTF8 = {
        {0x00A0, 0x00AA}, {0x00AC, 0x00BA}, {0x00BC, 0x00CF}, {0x00D1, 0x00DD}, {0x00DF, 0x00EF}, {0x00F1, 0x00FD},
        {0x00FF, 0x0103}, {0x0106, 0x010F}, {0x0112, 0x0117}, {0x011A, 0x0125}, {0x0128, 0x012D}, {0x0130, 0x0137},
        {0x0139, 0x013E}, {0x0141, 0x0148}, {0x014C, 0x0165}, {0x0168, 0x0171}, {0x0174, 0x017E}, {0x0192, 0x0192},
        {0x01C4, 0x01D4}, {0x01E2, 0x01E3}, {0x01E6, 0x01E9}, {0x01F0, 0x01F0}, {0x01F4, 0x01F5}, {0x0218, 0x021B},
        {0x0232, 0x0233}, {0x0237, 0x0237}, {0x1E02, 0x1E03}, {0x1E0D, 0x1E0D}, {0x1E1E, 0x1E21}, {0x1E25, 0x1E25},
        {0x1E30, 0x1E31}, {0x1E37, 0x1E37}, {0x1E43, 0x1E43}, {0x1E45, 0x1E45}, {0x1E47, 0x1E47}, {0x1E5B, 0x1E5B},
        {0x1E63, 0x1E63}, {0x1E6D, 0x1E6D}, {0x1E8E, 0x1E91}, {0x1E9E, 0x1E9E}, {0x1EF2, 0x1EF3}, {0x2010, 0x2016},
        {0x2018, 0x2019}, {0x201C, 0x201D}, {0x2020, 0x2022}, {0x2026, 0x2026}, {0x2030, 0x2031}, {0x2044, 0x2044},
        {0x20AC, 0x20AC}, {0x2122, 0x2122}, {0x2190, 0x2193}};

    private LatexEncoder() {
    }

    /** The text as a classic BibTeX field value; blank in, empty out. */
    static String text(String text) {
        return text(text, Encoding.ASCII);
    }

    /** The text as a field value in the given encoding; blank in, empty out. */
    static String text(String text, Encoding encoding) {
        return encode(trim(Normalizer.normalize(text, Normalizer.Form.NFC)), encoding, false, true);
    }

    /**
     * The text without what means nothing at either end: spaces, no-break ones included, the controls and format
     * characters that are dropped anyway, and at the start marks with no letter to sit on.
     */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && ignorableAtEdge(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && ignorableAtEdge(text.codePointBefore(end)) && !isMark(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Whether the encoder drops the character: a control or format character (zero-width space, soft hyphen). */
    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean ignorableAtEdge(int cp) {
        return isSpace(cp) || isNoBreakSpace(cp) || dropped(cp) || isMark(cp);
    }

    /**
     * One part of a name (family or given names) as written in a name list: as {@link #text}, but no-break spaces
     * are spaces (BibTeX and importers split names at ties anyway), and in biblatex the ASCII specials and math
     * symbols are written in forms from which biber can take an initial, and {@code =} is braced so that biber does
     * not read the name as its extended name format ({@code family=..., given=...}).
     */
    static String namePart(String text, Encoding encoding) {
        return encode(Normalizer.normalize(text, Normalizer.Form.NFC), encoding, true, true);
    }

    /** A title as a classic BibTeX field value, with capitals protected as {@link #title(String, Encoding)} says. */
    static String title(String title) {
        return title(title, Encoding.ASCII);
    }

    /**
     * A title as a field value, with the words whose capitals must survive BibTeX's change of case braced: words
     * with a capital after their first letter ({@code {LLMs}}, {@code {GPT-4}}, {@code {iPhone}}), judged part by
     * part in a hyphenated compound ("Multi-Agent" stays open), and single capitals other than the first word
     * ("Vitamin {D}"). The title as a whole is not braced, so a style can still set it in sentence case.
     */
    static String title(String title, Encoding encoding) {
        List<String> words = words(compatible(trim(Normalizer.normalize(title, Normalizer.Form.NFC)), encoding));
        List<String> encoded = new ArrayList<>();
        for (String word : words) {
            // a comma ends a word for protection: importers keep protected words in a comma-separated list
            StringBuilder value = new StringBuilder();
            for (String part : word.split("(?<=,)|(?=,)")) {
                value.append(part.equals(",") ? "," : protectedWord(part, encoded.isEmpty() && value.isEmpty(),
                        encoding));
            }
            if (!value.isEmpty()) {
                encoded.add(value.toString());
            }
        }
        return String.join(" ", encoded);
    }

    /** One word of a title with its core braced if it needs protecting (see {@link #title(String, Encoding)}). */
    private static String protectedWord(String word, boolean first, Encoding encoding) {
        int start = 0;
        while (start < word.length() && !Character.isLetterOrDigit(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        int end = start;
        for (int i = start; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
            int cp = word.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || (end > start && end == i && isMark(cp))) {
                end = i + Character.charCount(cp);
            }
        }
        String core = word.substring(start, end);
        if (!core.isEmpty() && needsProtection(core, first)) {
            String inner = piece(core, encoding);
            // a letter set in math ({$\Omega$}) is one group already, which BibTeX leaves alone
            return piece(word.substring(0, start), encoding) + (isMathGroup(inner) ? inner : "{" + inner + "}")
                    + piece(word.substring(end), encoding);
        }
        return withMathRunsBraced(word, encoding);
    }

    /**
     * The text with every character that can only be written through its compatibility form ({@code ①}: 1,
     * {@code ﬁ}: fi) replaced by that form, so that what decides protection is what the file will say.
     */
    private static String compatible(String text, Encoding encoding) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i + Character.charCount(text.codePointAt(i));
            while (end < text.length() && isMark(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            String cluster = text.substring(i, end);
            String compatible = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            boolean viaCompatibility = !compatible.equals(cluster) && !isSpace(cluster.codePointAt(0))
                    && UNENCODABLE.equals(cluster(cluster, encoding, Place.TEXT, false));
            out.append(viaCompatibility ? compatible : cluster);
            i = end;
        }
        return out.toString();
    }

    /** A piece of a value, encoded as it stands (not trimmed: its spaces belong to the value around it). */
    private static String piece(String text, Encoding encoding) {
        return encode(text, encoding, false, true);
    }

    /**
     * A word with every run of letters and digits that holds a letter set in math ({@code γδ}, {@code øα}) braced
     * whole. BibTeX keeps the math group's case anyway; importers read a math group as protecting the letters and
     * digits around it, so braced here, the run reads back as the protected word it then is.
     */
    private static String withMathRunsBraced(String word, Encoding encoding) {
        String whole = piece(word, encoding);
        if (!whole.contains("{$")) {
            return whole;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            boolean letters = Character.isLetterOrDigit(word.codePointAt(i));
            int end = i;
            // a run of clusters of one kind: letters and digits with their marks, or anything else
            while (end < word.length() && (Character.isLetterOrDigit(word.codePointAt(end)) == letters
                    || dropped(word.codePointAt(end)))) {
                end += Character.charCount(word.codePointAt(end));
                // marks stay with their letter; controls and format characters vanish, and join nothing
                while (end < word.length() && (isMark(word.codePointAt(end)) || dropped(word.codePointAt(end)))) {
                    end += Character.charCount(word.codePointAt(end));
                }
            }
            String value = piece(word.substring(i, end), encoding);
            boolean mathLetter = letters && value.contains("{$") && !isMathGroup(value);
            out.append(mathLetter ? "{" + value + "}" : value);
            i = end;
        }
        return out.toString();
    }

    /**
     * A title with exactly the given words or phrases braced, wherever they stand as whole words (not inside a longer
     * word), and nothing else: for a title read from BibTeX, whose author chose what to protect. A longer phrase wins
     * over a shorter one starting at the same place. A single capital that starts the title is left open, as
     * {@link #title(String, Encoding)} leaves it: BibTeX never lowers the first letter of a title.
     */
    static String title(String title, Encoding encoding, List<String> protectedWords) {
        String text = collapseSpaces(compatible(trim(Normalizer.normalize(title, Normalizer.Form.NFC)), encoding));
        List<String> phrases = protectedWords.stream()
                .map(p -> collapseSpaces(Normalizer.normalize(p, Normalizer.Form.NFC)))
                .filter(p -> p.codePoints().anyMatch(Character::isLetterOrDigit)) // nothing to keep from case
                .distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .toList();
        StringBuilder out = new StringBuilder();
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            String match = null;
            if (i == 0 || !Character.isLetterOrDigit(text.codePointBefore(i))) {
                for (String phrase : phrases) {
                    int end = i + phrase.length();
                    if (text.startsWith(phrase, i)
                            && (end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end)))) {
                        match = phrase;
                        break;
                    }
                }
                // BibTeX never lowers the first letter of a title: a capital alone there needs no braces
                if (match != null && i == 0 && needsProtection(match, false) && !needsProtection(match, true)) {
                    match = null;
                }
            }
            if (match == null) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            appendPlain(out, text.substring(plainStart, i), encoding);
            String value = encode(match, encoding, false, true);
            if (!value.isEmpty()) {
                // a symbol in math ({$\beta$}) is one group already, which BibTeX leaves alone; an accent group
                // ({\"U}) is not: BibTeX changes the case of what it holds
                out.append(isMathGroup(value) ? value : "{" + value + "}");
            }
            i += match.length();
            plainStart = i;
        }
        appendPlain(out, text.substring(plainStart), encoding);
        return out.toString().strip();
    }

    /** Whether the text is one brace group holding math: it opens with a brace only its last character closes. */
    private static boolean isMathGroup(String text) {
        if (!text.startsWith("{$") || !text.endsWith("}")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** Appends text between protected phrases, keeping the single spaces that separate it from them. */
    private static void appendPlain(StringBuilder out, String plain, Encoding encoding) {
        if (plain.isEmpty()) {
            return;
        }
        // not trimmed: a no-break space next to a protected word belongs to the title
        String value = encode(plain, encoding, false, true);
        boolean spaceBefore = plain.startsWith(" ");
        boolean spaceAfter = plain.endsWith(" ");
        if (value.isEmpty()) {
            if ((spaceBefore || spaceAfter) && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
            return;
        }
        if (spaceBefore && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(value);
        if (spaceAfter) {
            out.append(' ');
        }
    }

    /** White space runs as one space, none at the ends (no-break spaces are kept). */
    private static String collapseSpaces(String text) {
        return String.join(" ", words(text));
    }

    /**
     * A URL or DOI as a field value. Styles that print these put them in <code>&#92;url</code> or {@code \href},
     * which set their argument nearly verbatim, so LaTeX escapes would show up in the link; instead every character
     * that a URL does not need and TeX could read as markup ({@code \ { } ^ "} space, {@code < > |} and backquote,
     * anything outside ASCII) is percent-encoded. Without backslash, braces or {@code ^^} no command can be formed.
     * A {@code %} stays when it already starts an escape such as {@code %20}, whose hex digits are written in upper
     * case.
     */
    static String url(String url) {
        byte[] bytes = url.strip().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean escapeStart = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escapeStart) {
                // in upper case, as RFC 3986 normalises it: a DOI read back in lower case gives the same text
                out.append('%').append(Character.toUpperCase((char) bytes[i + 1]))
                        .append(Character.toUpperCase((char) bytes[i + 2]));
                i += 2;
            } else if (b != '%' && isUrlSafe(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUrlSafe(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-._~:/?#[]@!$&'()*+,;=%".indexOf(b) >= 0;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    /** The text split at white space (not at no-break spaces, which keep "GPT 4" one word). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isSpace(cp)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean needsProtection(String word, boolean first) {
        // Each part of a compound is judged alone: title case writes "Multi-Agent", which sentence case may lower,
        // but "GPT-4" and "LLM-based" have a part whose capitals must stay.
        for (String part : word.split("[-\u2010\u2011]")) {
            int[] letters = part.codePoints().filter(Character::isLetter).toArray();
            for (int i = 1; i < letters.length; i++) {
                if (Character.isUpperCase(letters[i]) || Character.isTitleCase(letters[i])) {
                    return true;
                }
            }
        }
        int[] letters = word.codePoints().filter(Character::isLetter).toArray();
        // BibTeX keeps the first letter of a title; a capital standing alone elsewhere ("Vitamin D", "Type A")
        // is a name or a symbol, not a word to lower.
        return letters.length == 1 && !first && Character.isUpperCase(letters[0]);
    }

    /**
     * Encodes NFC text cluster by cluster (a base character and the marks that follow it).
     *
     * @param name                  whether the text is part of a name in biblatex output, whose words must give
     *                              biber something to take an initial from
     * @param compatibilityFallback whether to try the compatibility form of what cannot be encoded
     */
    private static String encode(String text, Encoding encoding, boolean name, boolean compatibilityFallback) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean pendingSpace = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            boolean symbol = Character.getType(cp) == Character.OTHER_SYMBOL;
            while (end < text.length()) {
                int next = text.codePointAt(end);
                if (isMark(next) || (symbol && isEmojiModifier(next))) {
                    end += Character.charCount(next);
                } else if (symbol && next == ZERO_WIDTH_JOINER && end + 1 < text.length()) {
                    // an emoji sequence such as a family is one picture, and becomes one placeholder
                    end += 1 + Character.charCount(text.codePointAt(end + 1));
                } else {
                    break;
                }
            }
            String cluster = text.substring(i, end);
            i = end;
            if (isSpace(cp) || name && isNoBreakSpace(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            Place place = name ? Place.NAME : Place.TEXT;
            String encoded = cluster(cluster, encoding, place, compatibilityFallback);
            if (encoded.isEmpty()) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(encoded);
        }
        return out.toString();
    }

    /**
     * One cluster.
     *
     * @param place where the cluster stands
     */
    private static String cluster(String cluster, Encoding encoding, Place place, boolean compatibilityFallback) {
        int cp = cluster.codePointAt(0);
        boolean single = cluster.length() == Character.charCount(cp);
        if (isMark(cp)) {
            return ""; // a mark with nothing to sit on
        }
        if (single) {
            if (cp < 0x80) {
                return ascii((char) cp, encoding, place);
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                return ""; // soft hyphens, zero-width spaces, direction marks, C1 controls
            }
            if (encoding != Encoding.ASCII && rawInUtf8(cp, encoding) && !TEX_TYPOGRAPHY.contains(cp)) {
                return cluster;
            }
            String symbol = SYMBOLS.get(cp);
            if (symbol != null) {
                return encoding == Encoding.ASCII ? symbol : biblatexSymbol(symbol, place);
            }
            Optional<SpecialLetters.Letter> special = SpecialLetters.of(cp);
            if (special.isPresent()) {
                return special.get().latex().isEmpty() || encoding != Encoding.ASCII ? special.get().ascii()
                        : "{" + special.get().latex() + "}";
            }
        } else if (encoding == Encoding.UTF8 && Character.getType(cp) != Character.SURROGATE
                && !TEX_TYPOGRAPHY.contains(cp)) {
            return cluster; // letters with marks, emoji sequences: all UTF-8
        }
        String decomposed = Normalizer.normalize(cluster, Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        List<Integer> marks = new ArrayList<>();
        for (int j = Character.charCount(base); j < decomposed.length(); ) {
            int mark = decomposed.codePointAt(j);
            if (!isMark(mark)) {
                // e.g. a Hangul syllable: not a letter with marks
                return fallback(cluster, encoding, place != Place.TEXT, compatibilityFallback);
            }
            marks.add(mark);
            j += Character.charCount(mark);
        }
        if (encoding == Encoding.UTF8_PDFLATEX) {
            return settableLetter(base, marks, place, compatibilityFallback, cluster);
        }
        // marks LaTeX cannot set are dropped; what is left may be a letter of its own (A, ogonek, ring: Å)
        List<Integer> settable = marks.stream().filter(ACCENTS::containsKey).toList();
        if (settable.size() < marks.size()) {
            StringBuilder kept = new StringBuilder().appendCodePoint(base);
            settable.forEach(kept::appendCodePoint);
            String composed = Normalizer.normalize(kept, Normalizer.Form.NFC);
            if (!composed.equals(cluster)) {
                return cluster(composed, encoding, place, compatibilityFallback);
            }
        }
        String letter;
        if (isAsciiLetter(base)) {
            boolean above = marks.stream().anyMatch(m -> ACCENTS.containsKey(m) && !BELOW.contains(m));
            letter = above && (base == 'i' || base == 'j') ? "\\" + (char) base : String.valueOf((char) base);
        } else if (base < 0x80) {
            return ascii((char) base, encoding, place); // a digit or punctuation under a mark: dropped
        } else if (SYMBOLS.containsKey(base)) {
            return SYMBOLS.get(base); // a Greek letter with a tonos: math has no such accent
        } else if (SpecialLetters.of(base).isPresent()) {
            SpecialLetters.Letter special = SpecialLetters.of(base).get();
            if (special.latex().isEmpty()) {
                return special.ascii();
            }
            letter = special.latex();
        } else {
            return fallback(cluster, encoding, place != Place.TEXT, compatibilityFallback);
        }
        boolean accented = false;
        for (int mark : marks) {
            String accent = ACCENTS.get(mark);
            if (accent != null) {
                letter = accent(accent, letter);
                accented = true;
            }
        }
        return accented || letter.startsWith("\\") ? "{" + letter + "}" : letter;
    }

    /**
     * A letter with marks for pdflatex's UTF-8 input: the base letter with as many of its marks, in order, as still
     * give a letter pdflatex sets; a mark that does not is dropped ({@code ễ} gives {@code ê}).
     */
    private static String settableLetter(int base, List<Integer> marks, Place place, boolean compatibilityFallback,
            String cluster) {
        String letter;
        if (TEX_TYPOGRAPHY.contains(base)) {
            return SYMBOLS.get(base); // a dash or quote under a mark: the mark is dropped
        } else if (base < 0x80) {
            if (!isAsciiLetter(base)) {
                return ascii((char) base, Encoding.UTF8_PDFLATEX, place); // the mark is dropped
            }
            letter = Character.toString(base);
        } else if (rawInUtf8(base, Encoding.UTF8_PDFLATEX)) {
            letter = Character.toString(base);
        } else if (SYMBOLS.containsKey(base)) {
            return biblatexSymbol(SYMBOLS.get(base), place); // a Greek letter with a tonos
        } else if (SpecialLetters.of(base).isPresent()) {
            return SpecialLetters.of(base).get().ascii();
        } else {
            return fallback(cluster, Encoding.UTF8_PDFLATEX, place != Place.TEXT, compatibilityFallback);
        }
        for (int mark : marks) {
            String composed = Normalizer.normalize(letter + Character.toString(mark), Normalizer.Form.NFC);
            if (composed.codePointCount(0, composed.length()) == 1
                    && rawInUtf8(composed.codePointAt(0), Encoding.UTF8_PDFLATEX)) {
                letter = composed;
            }
        }
        return letter;
    }

    /** Whether a character beyond ASCII is written as it is in a UTF-8 encoding. */
    private static boolean rawInUtf8(int cp, Encoding encoding) {
        if (encoding == Encoding.UTF8) {
            int type = Character.getType(cp);
            return type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
        }
        for (int[] range : PDFLATEX_UTF8) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
            if (cp < range[0]) {
                return false;
            }
        }
        return false;
    }

    /**
     * A symbol in biblatex output: as in BibTeX output, but a math command in a name is written
     * {@code \ensuremath\beta{}}, which biber removes before taking an initial, not leaving a lone {@code $}.
     */
    private static String biblatexSymbol(String symbol, Place place) {
        if (place != Place.TEXT) {
            Matcher math = MATH_COMMAND.matcher(symbol);
            if (math.matches()) {
                return "\\ensuremath" + math.group(1) + "{}";
            }
        }
        return symbol;
    }

    /** {@code \"o}, {@code \'\i}, {@code \c{c}}, {@code \={\"u}}: accent commands named by a letter need braces. */
    private static String accent(String accent, String letter) {
        boolean symbolAccent = !Character.isLetter(accent.charAt(1));
        boolean oneToken = letter.length() == 1 || letter.matches("\\\\[A-Za-z]+");
        return symbolAccent && oneToken ? accent + letter : accent + "{" + letter + "}";
    }

    /** Compatibility forms (ligatures, full-width and circled letters) are tried once; else {@value #UNENCODABLE}. */
    private static String fallback(String cluster, Encoding encoding, boolean name,
            boolean compatibilityFallback) {
        if (compatibilityFallback) {
            String compatible = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            if (!compatible.equals(cluster)) {
                String encoded = encode(compatible, encoding, name, false);
                if (!encoded.isEmpty()) {
                    return encoded;
                }
            }
        }
        return UNENCODABLE;
    }

    private static String ascii(char c, Encoding encoding, Place place) {
        if (encoding != Encoding.ASCII) {
            String special = place == Place.NAME ? NAME_SPECIALS.get(c) : BIBLATEX_SPECIALS.get(c);
            if (special != null) {
                return special;
            }
        }
        String special = ASCII_SPECIALS.get(c);
        if (special != null) {
            return special;
        }
        return c < 0x20 || c == 0x7F ? "" : String.valueOf(c);
    }

    private static boolean isNoBreakSpace(int cp) {
        return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F;
    }

    private static boolean isEmojiModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF; // skin tones
    }

    private static boolean isAsciiLetter(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** White space, including the Unicode spaces, but not the no-break spaces, which become ties. */
    private static boolean isSpace(int cp) {
        if (isNoBreakSpace(cp)) {
            return false;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static Map<Integer, String> symbols() {
        Map<Integer, String> map = new HashMap<>();
        // spaces that must not break, and characters that only steer line breaking
        map.put(0x00A0, "~");
        map.put(0x2007, "~");
        map.put(0x202F, "~");
        // dashes and minus
        map.put(0x2010, "-");
        map.put(0x2011, "-");
        map.put(0x2012, "--");
        map.put(0x2013, "--");
        map.put(0x2014, "---");
        map.put(0x2015, "---");
        map.put(0x2212, "-");
        // quotes, as TeX's ligatures
        map.put(0x2018, "`");
        map.put(0x2019, "'");
        map.put(0x201A, ",");
        map.put(0x201B, "`");
        map.put(0x201C, "``");
        map.put(0x201D, "''");
        map.put(0x201E, ",,");
        map.put(0x201F, "``");
        map.put(0x2032, "'");
        map.put(0x2033, "''");
        map.put(0x00AB, "``"); // guillemets are T1 only
        map.put(0x00BB, "''");
        map.put(0x2039, "`");
        map.put(0x203A, "'");
        map.put(0x2026, "{\\ldots}");
        map.put(0x00A1, "{\\textexclamdown}");
        map.put(0x00BF, "{\\textquestiondown}");
        // symbols whose text commands need the TS1 fonts: math, or plain ASCII
        // commands the LaTeX kernel has for the default fonts (the euro from TS1, loaded by itself since 2020), and
        // that importers read back: an ASCII stand-in such as (TM) would change which words need protecting
        map.put(0x00A9, "{\\textcopyright}");
        map.put(0x00AE, "{\\textregistered}");
        map.put(0x2122, "{\\texttrademark}");
        map.put(0x20AC, "{\\texteuro}");
        map.put(0x00A7, "{$\\S$}");
        map.put(0x00B6, "{$\\P$}");
        map.put(0x00A3, "{$\\pounds$}");
        // the degree sign from TS1, which every LaTeX since 2020 loads by itself: importers read $^\\circ$ as a
        // superscript ring, not as a degree sign
        map.put(0x00B0, "{\\textdegree}");
        map.put(0x00B5, "{$\\mu$}");
        map.put(0x00B9, "{$^1$}");
        map.put(0x00B2, "{$^2$}");
        map.put(0x00B3, "{$^3$}");
        map.put(0x00D7, "{$\\times$}");
        map.put(0x00F7, "{$\\div$}");
        map.put(0x00B1, "{$\\pm$}");
        map.put(0x00AC, "{$\\neg$}");
        map.put(0x00B7, "{$\\cdot$}");
        map.put(0x2022, "{$\\bullet$}");
        map.put(0x2219, "{$\\cdot$}");
        map.put(0x2020, "{$\\dagger$}");
        map.put(0x2021, "{$\\ddagger$}");
        map.put(0x2190, "{$\\leftarrow$}");
        map.put(0x2192, "{$\\rightarrow$}");
        map.put(0x2194, "{$\\leftrightarrow$}");
        map.put(0x21D2, "{$\\Rightarrow$}");
        map.put(0x21D4, "{$\\Leftrightarrow$}");
        map.put(0x2202, "{$\\partial$}");
        map.put(0x2206, "{$\\Delta$}");
        map.put(0x2208, "{$\\in$}");
        map.put(0x2211, "{$\\sum$}");
        map.put(0x221A, "{$\\surd$}");
        map.put(0x221E, "{$\\infty$}");
        map.put(0x223C, "{$\\sim$}");
        map.put(0x2248, "{$\\approx$}");
        map.put(0x2260, "{$\\neq$}");
        map.put(0x2264, "{$\\leq$}");
        map.put(0x2265, "{$\\geq$}");
        // Greek: the letters that look Latin in capitals are written as Latin letters
        String[] lower = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
            "lambda", "mu", "nu", "xi", "", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi",
            "omega"};
        for (int i = 0; i < lower.length; i++) {
            map.put(0x03B1 + i, lower[i].isEmpty() ? "o" : "{$\\" + lower[i] + "$}");
        }
        String[] upper = {"A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N",
            "\\Xi", "O", "\\Pi", "P", "", "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega"};
        for (int i = 0; i < upper.length; i++) {
            if (!upper[i].isEmpty()) { // 0x03A2 is unassigned
                map.put(0x0391 + i, upper[i].startsWith("\\") ? "{$" + upper[i] + "$}" : upper[i]);
            }
        }
        map.put(0x03D1, "{$\\vartheta$}");
        map.put(0x03D5, "{$\\phi$}");
        map.put(0x03F5, "{$\\epsilon$}");
        return Map.copyOf(map);
    }
}
