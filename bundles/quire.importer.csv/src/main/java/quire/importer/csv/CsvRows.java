package quire.importer.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text record by record as RFC 4180 describes it: a field in double quotes may hold the delimiter,
 * doubled quotes and line breaks, so one record can span several physical lines. Only the current record is held
 * in memory. Lenient where real files are: a quote inside an unquoted field is just a character, text after a
 * closing quote joins the field, and CR, LF and CRLF all end a line.
 *
 * <p>A record whose quotes never close would swallow the rest of the file. It is returned marked
 * {@linkplain Row#broken() broken} once the input ends or it grows past {@link #LONGEST_RECORD} characters, and
 * the caller can {@linkplain #resumeAfterFirstLine(Row) resume} reading on the line after the one it started on.
 */
final class CsvRows {

    /** The most characters one record may have; an abstract is some thousands, a broken record is the file. */
    static final int LONGEST_RECORD = 4 << 20;

    /**
     * One record.
     *
     * @param cells  the fields, unquoted
     * @param line   the physical line it starts on, from 1
     * @param lines  how many physical lines it spans
     * @param broken true when a quoted field never closed
     * @param raw    the text it was read from, to resume after a broken record
     */
    record Row(List<String> cells, int line, int lines, boolean broken, String raw) {

        /** Whether this is a broken record because of a quote that never closed (else: one line too long). */
        boolean unterminated() {
            return broken && !raw.isEmpty();
        }

        /** Whether every field is empty: a blank line, or a row of delimiters only. */
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final int NONE = -2;

    private final Reader in;
    private final char delimiter;
    private String replay = "";
    private int replayAt;
    private int pushed = NONE;
    private int line;
    private StringBuilder raw = new StringBuilder();

    /**
     * @param in        the text, positioned at the start of a record
     * @param delimiter the field delimiter
     * @param firstLine the number of the line {@code in} is positioned at
     */
    CsvRows(Reader in, char delimiter, int firstLine) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
    }

    /** Reads {@code text} before the rest of the input, as if it were the file's text from line {@code at}. */
    void replay(String text, int at) {
        StringBuilder b = new StringBuilder(text);
        if (pushed >= 0) {
            b.append((char) pushed);
        }
        pushed = NONE;
        b.append(replay, replayAt, replay.length());
        replay = b.toString();
        replayAt = 0;
        line = at;
    }

    /** Drops the first line of a broken record and reads on from its second line. */
    void resumeAfterFirstLine(Row broken) {
        String text = broken.raw();
        int cr = text.indexOf('\r');
        int lf = text.indexOf('\n');
        int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        if (end < 0) {
            return; // one line only: nothing to read again
        }
        int next = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
        replay(text.substring(next), broken.line() + 1);
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        raw = new StringBuilder();
        int start = line;
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean atFieldStart = true;
        while (true) {
            if (raw.length() > LONGEST_RECORD) {
                return tooLong(cells, field, start, inQuotes);
            }
            if (inQuotes) {
                if (c < 0) {
                    cells.add(field.toString());
                    return new Row(cells, start, line - start + 1, true, raw.toString());
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                        c = read();
                    } else {
                        inQuotes = false;
                        c = after; // the closing quote: look at what follows it as unquoted text
                    }
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    endOfLine(c);
                    field.append('\n');
                } else {
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == delimiter) {
                cells.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (c < 0 || c == '\r' || c == '\n') {
                if (c >= 0) {
                    endOfLine(c);
                }
                cells.add(field.toString());
                return new Row(cells, start, Math.max(1, line - start), false, raw.toString());
            } else if (c == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else {
                field.append((char) c);
                atFieldStart = false;
            }
            c = read();
        }
    }

    /**
     * A record past the limit: inside quotes it is broken (the caller resumes after its first line); outside
     * quotes it is one enormous line, skipped to its end.
     */
    private Row tooLong(List<String> cells, StringBuilder field, int start, boolean inQuotes) throws IOException {
        cells.add(field.toString());
        if (inQuotes) {
            return new Row(cells, start, line - start + 1, true, raw.toString());
        }
        int c;
        do {
            c = readWithoutKeeping();
        } while (c >= 0 && c != '\r' && c != '\n');
        if (c >= 0) {
            int after = readWithoutKeeping();
            if (!(c == '\r' && after == '\n') && after >= 0) {
                pushed = after;
            }
            line++;
        }
        return new Row(List.of(), start, 1, true, "");
    }

    /** Counts a line break; CR LF is one. */
    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                unread(after);
            }
        }
    }

    private int read() throws IOException {
        int c = readWithoutKeeping();
        if (c >= 0) {
            raw.append((char) c);
        }
        return c;
    }

    private int readWithoutKeeping() throws IOException {
        if (pushed != NONE) {
            int c = pushed;
            pushed = NONE;
            return c;
        }
        if (replayAt < replay.length()) {
            int c = replay.charAt(replayAt++);
            if (replayAt == replay.length()) {
                replay = ""; // let the replayed text be collected
                replayAt = 0;
            }
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        if (c >= 0) {
            raw.setLength(raw.length() - 1);
        }
        pushed = c < 0 ? NONE : c;
    }
}
