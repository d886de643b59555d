package quire.priority;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by commas, records by CR LF or LF, fields in double quotes may hold
 * commas, line breaks and doubled quotes. A leading byte order mark is dropped. Each record knows the line it
 * starts on, so errors can say where.
 */
final class CsvTable {

    /** One record: its fields and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    /** A malformed file, with the line where the problem is. */
    static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        FormatException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvTable() {
    }

    /** Reads every record, the header first. */
    static List<Row> read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean atStart = true; // nothing read yet in this field
        boolean first = true;
        int c;
        while ((c = in.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    if (next == -1) {
                        break;
                    }
                    c = next; // fall through to handle the character after the closing quote
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                    continue;
                }
            }
            if (c == '"') {
                if (!atStart) {
                    throw new FormatException(line, "a quote inside an unquoted field (quote the whole field)");
                }
                quoted = true;
                wasQuoted = true;
                atStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atStart = true;
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (!(fields.isEmpty() && atStart)) { // blank lines are skipped
                    fields.add(field.toString());
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                atStart = true;
                wasQuoted = false;
                line++;
                recordLine = line;
            } else {
                if (wasQuoted) {
                    throw new FormatException(line, "text after the closing quote of a field");
                }
                field.append((char) c);
                atStart = false;
            }
        }
        if (quoted) {
            throw new FormatException(recordLine, "a quoted field is not closed before the end of the file");
        }
        if (!(fields.isEmpty() && atStart)) {
            fields.add(field.toString());
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        return rows;
    }
}
