package quire.importer.csv;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a table's delimiter from its header line: comma, semicolon or tab, whichever separates most fields. */
final class Delimiters {

    // Excel writes "sep=;" as the first line to say which delimiter follows
    private static final Pattern EXCEL_HINT = Pattern.compile("(?i)\"?sep=(.)\"?\\s*");

    private Delimiters() {
    }

    /** The delimiter an Excel {@code sep=} line names, if {@code line} is one. */
    static Optional<Character> excelHint(String line) {
        Matcher m = EXCEL_HINT.matcher(line.replace("\uFEFF", ""));
        return m.matches() ? Optional.of(m.group(1).charAt(0)) : Optional.empty();
    }

    /**
     * The delimiter that occurs most often outside quotes in {@code headerLine}; {@code fallback} when none
     * occurs. A tie goes to the comma, then the tab.
     */
    static char of(String headerLine, char fallback) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (commas == 0 && semicolons == 0 && tabs == 0) {
            return fallback;
        }
        if (commas >= semicolons && commas >= tabs) {
            return ',';
        }
        return tabs >= semicolons ? '\t' : ';';
    }
}
