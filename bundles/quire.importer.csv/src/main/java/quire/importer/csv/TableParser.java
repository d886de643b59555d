package quire.importer.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Reference;

/**
 * Reads a delimited table with a header row, row by row, and hands each reference and problem to an
 * {@link ImportSink}. Plain Java, testable without a framework.
 *
 * <p>The delimiter is found from the header line (an Excel {@code sep=} line before it says it outright). Blank
 * rows are skipped. A row with more or fewer fields than the header is kept with a warning, except that empty
 * fields past the header's end (Web of Science ends its rows with a tab) are no problem. A quoted field that
 * runs over several lines and leaves the row with the wrong number of fields, or never closes, means the quotes
 * do not balance: the row's first line is reported and reading resumes on the line after it, so the rows that
 * follow are kept.
 */
final class TableParser {

    private final String sourceName;
    private final String format;
    private final char defaultDelimiter;

    /**
     * @param sourceName       the file name for provenance and messages
     * @param format           the importer's format id, for provenance
     * @param defaultDelimiter the delimiter when the header line has none of them (a one-column table)
     */
    TableParser(String sourceName, String format, char defaultDelimiter) {
        this.sourceName = sourceName;
        this.format = format;
        this.defaultDelimiter = defaultDelimiter;
    }

    /** Reads every row from {@code in}, stopping before the next row when the sink is cancelled. */
    void parse(BufferedReader in, ImportSink sink) throws IOException {
        int lineNumber = 0;
        String first;
        do {
            first = in.readLine();
            lineNumber++;
        } while (first != null && first.isBlank());
        if (first == null) {
            return;
        }
        Optional<Character> hint = Delimiters.excelHint(first);
        CsvRows rows;
        if (hint.isPresent()) {
            rows = new CsvRows(in, hint.get(), lineNumber + 1);
        } else {
            rows = new CsvRows(in, Delimiters.of(first, defaultDelimiter), lineNumber);
            rows.replay(first.replace("\uFEFF", "") + "\n", lineNumber);
        }
        CsvRows.Row headerRow = rows.next();
        while (headerRow != null && headerRow.blank()) {
            headerRow = rows.next();
        }
        if (headerRow == null) {
            return;
        }
        TableHeader header = TableHeader.of(headerRow.cells());
        if (!header.has(Column.TITLE) && !header.has(Column.DOI) && !header.has(Column.PMID)) {
            sink.problem(ImportProblem.error(sourceName, headerRow.line(), "the header names no column of titles "
                    + "(Title, TI, Document Title...) or identifiers (DOI, PMID); imported nothing. Check that "
                    + "the first line is the header row"));
            return;
        }
        RowMapping mapping = new RowMapping(sourceName, format, header);
        int position = 0;
        while (!sink.cancelled()) {
            CsvRows.Row row = rows.next();
            if (row == null) {
                return;
            }
            if (row.broken()) {
                brokenRow(row, rows, sink);
                position++;
                continue;
            }
            if (row.blank()) {
                continue;
            }
            int count = significantCount(row.cells(), header.size());
            if (count != header.size()) {
                if (row.lines() > 1) {
                    sink.problem(ImportProblem.error(sourceName, row.line(), "the quotes of this row do not "
                            + "balance: read as a field spanning lines " + row.line() + "-"
                            + (row.line() + row.lines() - 1) + ", the row has " + count + " fields instead of "
                            + header.size() + "; skipped line " + row.line() + " and read on from the next"));
                    rows.resumeAfterFirstLine(row);
                    position++;
                    continue;
                }
                sink.problem(ImportProblem.warning(sourceName, row.line(), "the row has " + count
                        + " fields but the header " + header.size() + "; kept the fields that have a column"));
            }
            Optional<Reference> reference = mapping.map(row.cells(), row.line(), position++, sink);
            reference.ifPresent(sink::reference);
        }
    }

    private void brokenRow(CsvRows.Row row, CsvRows rows, ImportSink sink) {
        if (row.unterminated()) {
            sink.problem(ImportProblem.error(sourceName, row.line(), "a quoted field on this line never closes "
                    + "(a \" is missing or one too many); skipped the line and read on from the next"));
            rows.resumeAfterFirstLine(row);
        } else {
            sink.problem(ImportProblem.error(sourceName, row.line(), "the line is longer than "
                    + CsvRows.LONGEST_RECORD + " characters, so it cannot be a row of this table; skipped it"));
        }
    }

    /** The number of fields, not counting empty ones past the header's end. */
    private static int significantCount(List<String> cells, int headerSize) {
        int count = cells.size();
        while (count > headerSize && cells.get(count - 1).isBlank()) {
            count--;
        }
        return count;
    }
}
