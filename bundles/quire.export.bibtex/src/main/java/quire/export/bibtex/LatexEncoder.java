package quire.export.bibtex;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes text from a reference as the value of a classic BibTeX field: pure ASCII, LaTeX that compiles with the
 * default (OT1) font encoding, and data only.
 *
 * <ul>
 * <li>The ASCII characters LaTeX treats specially are escaped ({@code \&}, {@code \%}, {@code \$}, {@code \#},
 *     {@code \_}) or written as commands that print them ({@code {\textbackslash}}, {@code {\textbraceleft}},
 *     {@code {\textasciitilde}}, ...). A backslash or brace in the data therefore never reaches TeX as one, so no
 *     field can run a command, and every brace in the output is one written here, so braces balance.</li>
 * <li>Accented letters become LaTeX accents ({@code {\"o}}, {@code {\H{o}}}, {@code {\c{c}}}): the letter is
 *     decomposed (NFD) and each combining mark looked up; letters that are not a base letter plus marks come from
 *     {@link SpecialLetters}. Each accented letter is braced as a whole, which BibTeX treats as one "special
 *     character" when it changes case, sorts or abbreviates.</li>
 * <li>Typographic quotes and dashes become their TeX ligatures; a few symbols and the Greek letters become math.</li>
 * <li>Whatever is left (scripts LaTeX cannot set without packages) is written as {@value #UNENCODABLE}, never as
 *     raw bytes. Runs of white space become one space; control characters are dropped.</li>
 * </ul>
 */
final class LatexEncoder {

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

    /** Non-letters outside ASCII. Symbols go to math rather than to text commands that need the TS1 fonts. */
    private static final Map<Integer, String> SYMBOLS = symbols();

    private LatexEncoder() {
    }

    /** The text as a field value; blank in, empty out. */
    static String text(String text) {
        return encode(Normalizer.normalize(text, Normalizer.Form.NFC), true);
    }

    /**
     * A title as a field value, with the words whose capitals must survive BibTeX's change of case braced: words
     * with a capital after their first letter ({@code {LLMs}}, {@code {GPT-4}}, {@code {iPhone}}), judged part by
     * part in a hyphenated compound ("Multi-Agent" stays open), and single capitals other than the first word
     * ("Vitamin {D}"). The title as a whole is not braced, so a style can still set it in sentence case.
     */
    static String title(String title) {
        List<String> words = words(Normalizer.normalize(title, Normalizer.Form.NFC));
        List<String> encoded = new ArrayList<>();
        for (String word : words) {
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
            String value;
            if (!core.isEmpty() && needsProtection(core, encoded.isEmpty())) {
                value = text(word.substring(0, start)) + "{" + text(core) + "}" + text(word.substring(end));
            } else {
                value = text(word);
            }
            if (!value.isEmpty()) {
                encoded.add(value);
            }
        }
        return String.join(" ", encoded);
    }

    /**
     * A URL or DOI as a field value. Styles that print these put them in <code>&#92;url</code> or {@code \href},
     * which set their argument nearly verbatim, so LaTeX escapes would show up in the link; instead every character
     * that a URL does not need and TeX could read as markup ({@code \ { } ^ "} space, {@code < > |} and backquote,
     * anything outside ASCII) is percent-encoded. Without backslash, braces or {@code ^^} no command can be formed.
     * A {@code %} stays when it already starts an escape such as {@code %20}.
     */
    static String url(String url) {
        byte[] bytes = url.strip().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean escapeStart = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escapeStart || (b != '%' && isUrlSafe(b))) {
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

    /** Encodes NFC text cluster by cluster (a base character and the marks that follow it). */
    private static String encode(String text, boolean compatibilityFallback) {
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
            if (isSpace(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            String encoded = cluster(cluster, compatibilityFallback);
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

    private static String cluster(String cluster, boolean compatibilityFallback) {
        int cp = cluster.codePointAt(0);
        boolean single = cluster.length() == Character.charCount(cp);
        if (isMark(cp)) {
            return ""; // a mark with nothing to sit on
        }
        if (single) {
            if (cp < 0x80) {
                return ascii((char) cp);
            }
            String symbol = SYMBOLS.get(cp);
            if (symbol != null) {
                return symbol;
            }
            Optional<SpecialLetters.Letter> special = SpecialLetters.of(cp);
            if (special.isPresent()) {
                return special.get().latex().isEmpty() ? special.get().ascii() : "{" + special.get().latex() + "}";
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                return ""; // soft hyphens, zero-width spaces, direction marks, C1 controls
            }
        }
        String decomposed = Normalizer.normalize(cluster, Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        List<Integer> marks = new ArrayList<>();
        for (int j = Character.charCount(base); j < decomposed.length(); ) {
            int mark = decomposed.codePointAt(j);
            if (!isMark(mark)) {
                return fallback(cluster, compatibilityFallback); // e.g. a Hangul syllable: not a letter with marks
            }
            marks.add(mark);
            j += Character.charCount(mark);
        }
        String letter;
        if (isAsciiLetter(base)) {
            boolean above = marks.stream().anyMatch(m -> ACCENTS.containsKey(m) && !BELOW.contains(m));
            letter = above && (base == 'i' || base == 'j') ? "\\" + (char) base : String.valueOf((char) base);
        } else if (base < 0x80) {
            return ascii((char) base); // a digit or punctuation under a mark: the mark is dropped
        } else if (SYMBOLS.containsKey(base)) {
            return SYMBOLS.get(base); // a Greek letter with a tonos: math has no such accent
        } else if (SpecialLetters.of(base).isPresent()) {
            SpecialLetters.Letter special = SpecialLetters.of(base).get();
            if (special.latex().isEmpty()) {
                return special.ascii();
            }
            letter = special.latex();
        } else {
            return fallback(cluster, compatibilityFallback);
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

    /** {@code \"o}, {@code \'\i}, {@code \c{c}}, {@code \={\"u}}: accent commands named by a letter need braces. */
    private static String accent(String accent, String letter) {
        boolean symbolAccent = !Character.isLetter(accent.charAt(1));
        boolean oneToken = letter.length() == 1 || letter.matches("\\\\[A-Za-z]+");
        return symbolAccent && oneToken ? accent + letter : accent + "{" + letter + "}";
    }

    /** Compatibility forms (ligatures, full-width and circled letters) are tried once; else {@value #UNENCODABLE}. */
    private static String fallback(String cluster, boolean compatibilityFallback) {
        if (compatibilityFallback) {
            String compatible = Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            if (!compatible.equals(cluster)) {
                String encoded = encode(compatible, false);
                if (!encoded.isEmpty()) {
                    return encoded;
                }
            }
        }
        return UNENCODABLE;
    }

    private static String ascii(char c) {
        String special = ASCII_SPECIALS.get(c);
        if (special != null) {
            return special;
        }
        return c < 0x20 || c == 0x7F ? "" : String.valueOf(c);
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
        if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F) {
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
        map.put(0x00A9, "(c)");
        map.put(0x00AE, "(R)");
        map.put(0x2122, "(TM)");
        map.put(0x20AC, "EUR");
        map.put(0x00A7, "{$\\S$}");
        map.put(0x00B6, "{$\\P$}");
        map.put(0x00A3, "{$\\pounds$}");
        map.put(0x00B0, "{$^\\circ$}");
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
