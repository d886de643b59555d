package quire.importer.csv;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides from the beginning of a file whether it is a table of references: its first line must be a header
 * that names a title column and at least one other known column, so that a table of numbers, a RIS or MEDLINE
 * file or prose is not taken for one.
 */
final class TableSniffer {

    // RIS ("TY  - ") and MEDLINE ("PMID- ", "FAU - ") tagged lines
    private static final Pattern TAGGED = Pattern.compile("[A-Z][A-Z0-9]{1,3} {0,2}- .*");

    private TableSniffer() {
    }

    /** The delimiter of the table {@code head} begins, if it begins one of references. */
    static Optional<Character> delimiter(String head) {
        try {
            String text = head.replace("\uFEFF", "");
            String[] lines = text.split("\r\n|\r|\n", -1);
            int i = 0;
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                return Optional.empty();
            }
            String first = lines[i];
            if (TAGGED.matcher(first).matches() || first.startsWith("@") || first.startsWith("{")
                    || first.startsWith("[") || first.startsWith("<")) {
                return Optional.empty();
            }
            Optional<Character> hint = Delimiters.excelHint(first);
            if (hint.isPresent()) {
                i++;
                if (i >= lines.length) {
                    return Optional.empty();
                }
            }
            char delimiter = hint.orElse(Delimiters.of(lines[i], '\0'));
            if (delimiter == '\0') {
                return Optional.empty();
            }
            String rest = String.join("\n", java.util.Arrays.asList(lines).subList(i, lines.length));
            CsvRows.Row row = new CsvRows(new StringReader(rest), delimiter, 1).next();
            if (row == null || row.cells().size() < 2) {
                return Optional.empty();
            }
            TableHeader header = TableHeader.of(row.cells());
            return header.has(Column.TITLE) && header.known() >= 2 ? Optional.of(delimiter) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // recognises() must not throw, whatever the head holds
        }
    }
}
