package quire.importer.bibtex;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import quire.api.importing.ImportProblem;

/**
 * Reads the entries of a BibTeX file one at a time, from a {@link Reader} through its own character buffer: a
 * hand-written scanner, since a regular expression over the whole text would need the whole text in memory.
 *
 * <p>Follows BibTeX: text outside entries is a comment; {@code @comment} and {@code @preamble} are skipped;
 * {@code @string} defines a macro (names ignore case, {@code jan} to {@code dec} are predefined as the English
 * month names); an entry is delimited by braces or parentheses; a value is a braced text, a quoted text, a number
 * or a macro name, joined with {@code #}. Braces must balance inside values, and a {@code "} inside braces does not
 * end a quoted value. Two liberties, both for files that people edited by hand: {@code %} starts a comment between
 * fields (never inside a value), and a missing comma between two fields is a warning rather than an error.
 *
 * <p>A broken entry (no key, unbalanced braces, a character where none is expected) is reported as an error with
 * its line and column and skipped; reading carries on at the next line that starts with {@code @}. An entry
 * that is not closed before such a line is broken too: that is how a missing brace shows.
 *
 * <p>The value of a field is only built when the {@code capture} test accepts the entry's key (or the field is a
 * {@code crossref} or {@code xdata}); otherwise it is skipped over, which makes a quick first pass cheap.
 */
final class BibtexScanner {

    /** How far to look ahead, at a line break inside a value, for an entry starting on the next line. */
    private static final int LOOKAHEAD = 96;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** A syntax error: where, and what. Thrown inside the scanner only; no stack trace needed. */
    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        /** True when the scanner already stands at the start of the line where the next entry begins. */
        final boolean atNextEntry;

        SyntaxError(int line, int column, String message, boolean atNextEntry) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
            this.atNextEntry = atNextEntry;
        }
    }

    private final Reader in;
    private final String fileName;
    private final Consumer<ImportProblem> problems;
    private final Predicate<String> capture;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    /** The offset in the file of {@code buf[0]}. */
    private long base;
    private int line = 1;
    /** The offset in the file of the first character of the current line. */
    private long lineStart;
    /** Whether only blanks came since the last line break. */
    private boolean lineBlank = true;

    private final Map<String, String> macros = new HashMap<>();
    private final StringBuilder value = new StringBuilder(256);
    /** Line and column of each open brace of the value being read, by depth. */
    private int[] openLine = new int[16];
    private int[] openColumn = new int[16];
    /**
     * Where a value of the entry being read seems to have swallowed the next field (a line inside it starts like
     * {@code name =}): the likely place of a missing closing brace, should the entry turn out not to close.
     */
    private SyntaxError suspect;
    /** Warnings about the entry being read; reported when the entry turns out well-formed. */
    private final List<ImportProblem> pendingWarnings = new ArrayList<>();
    private int entries;

    /**
     * @param in       the text
     * @param fileName the name for problems
     * @param problems receives errors and warnings, in file order
     * @param capture  whether to build every field value of the entry with this key; other entries give only
     *                 their {@code crossref} and {@code xdata} fields
     */
    BibtexScanner(Reader in, String fileName, Consumer<ImportProblem> problems, Predicate<String> capture) {
        this.in = in;
        this.fileName = fileName;
        this.problems = problems;
        this.capture = capture;
        for (int m = 0; m < MONTHS.length; m++) {
            macros.put(MONTHS[m].substring(0, 3).toLowerCase(Locale.ROOT), MONTHS[m]);
        }
    }

    /** The next well-formed entry, or null at the end of the file. */
    RawEntry next() throws IOException {
        while (findAt()) {
            boolean atLineStart = lineBlank;
            int atLine = line;
            int atColumn = column(pos);
            pos++; // '@'
            lineBlank = false;
            skipBlanks();
            String type = readWhile(IDENTIFIER).toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue; // an '@' in free text
            }
            try {
                skipWhiteSpace();
                int open = peek();
                if (open != '{' && open != '(') {
                    if (atLineStart && !type.equals("comment")) {
                        throw error(line, column(pos), "expected { or ( after @" + type, false);
                    }
                    continue;
                }
                char close = open == '{' ? '}' : ')';
                switch (type) {
                    case "comment" -> skipComment(close);
                    case "preamble" -> readPreamble(close);
                    case "string" -> readStrings(close);
                    default -> {
                        pos++;
                        RawEntry entry = readEntry(type, close, entries++, atLine, atColumn);
                        pendingWarnings.forEach(problems);
                        pendingWarnings.clear();
                        return entry;
                    }
                }
            } catch (SyntaxError e) {
                pendingWarnings.clear();
                problems.accept(ImportProblem.error(fileName, e.line, e.column, e.getMessage()));
                if (!e.atNextEntry) {
                    resynchronise();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- entries

    /** Reads an entry after its opening delimiter. */
    private RawEntry readEntry(String type, char close, int position, int atLine, int atColumn)
            throws IOException, SyntaxError {
        skipWhiteSpaceAndComments();
        int keyLine = line;
        int keyColumn = column(pos);
        String key = readKey(close);
        skipWhiteSpaceAndComments();
        int c = peek();
        if (key.isEmpty() || c == '=') {
            throw error(keyLine, keyColumn, "the entry @" + type + " has no citation key; write one after the "
                    + (close == '}' ? "{" : "(") + ", followed by a comma", false);
        }
        boolean all = capture.test(key);
        suspect = null;
        List<RawEntry.Field> fields = new ArrayList<>();
        String entryName = "@" + type + "{" + key;
        if (c == close) {
            pos++;
            return new RawEntry(type, key, position, atLine, atColumn, fields);
        }
        if (c != ',') {
            throw unexpected(c, "a comma after the citation key " + key);
        }
        pos++;
        boolean separated = true;
        while (true) {
            skipWhiteSpaceAndComments();
            c = peek();
            if (c < 0) {
                throw suspectOr(error(atLine, atColumn, "the entry " + entryName + " is not closed before the end of "
                        + "the file; add the missing " + close, false), false);
            }
            if (c == close) {
                pos++;
                lineBlank = false;
                return new RawEntry(type, key, position, atLine, atColumn, fields);
            }
            if (c == ',') {
                pos++;
                separated = true;
                continue;
            }
            if (c == '@' && lineBlank) {
                throw suspectOr(error(atLine, atColumn, "the entry " + entryName + " is not closed before the next "
                        + "entry (line " + line + "); add the missing " + close, true), true);
            }
            int nameLine = line;
            int nameColumn = column(pos);
            String name = readWhile(NAME).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw unexpected(c, "a field name or the end of the entry " + entryName);
            }
            if (!separated) {
                pendingWarnings.add(ImportProblem.warning(fileName, nameLine, nameColumn,
                        "a comma is missing before the field " + name));
            }
            skipWhiteSpaceAndComments();
            c = peek();
            if (c != '=') {
                throw unexpected(c, "= after the field name " + name);
            }
            pos++;
            skipWhiteSpaceAndComments();
            int valueLine = line;
            int valueColumn = column(pos);
            boolean wanted = all || name.equals("crossref") || name.equals("xdata");
            String text = readValue(wanted, name, close);
            if (wanted && !text.isEmpty()) {
                if (has(fields, name)) {
                    pendingWarnings.add(ImportProblem.warning(fileName, nameLine, nameColumn,
                            "the field " + name + " appears twice in " + entryName + "; the first value is kept"));
                } else {
                    fields.add(new RawEntry.Field(name, text, valueLine, valueColumn));
                }
            }
            separated = false;
        }
    }

    private static boolean has(List<RawEntry.Field> fields, String name) {
        for (RawEntry.Field field : fields) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The key: up to a comma, white space or the end of the entry. */
    private String readKey(char close) throws IOException {
        StringBuilder key = new StringBuilder();
        while (true) {
            int c = peek();
            if (c < 0 || c <= ' ' || c == ',' || c == '=' || c == '{' || c == '}' || c == '"' || c == '#'
                    || c == '%' || (c == ')' && close == ')')) {
                return key.toString();
            }
            key.append((char) c);
            pos++;
        }
    }

    /** A value: parts joined by {@code #}; the text of captured values, white space collapsed and stripped. */
    private String readValue(boolean wanted, String field, char close) throws IOException, SyntaxError {
        return readValue(wanted, field, close, true);
    }

    /**
     * A value; {@code strip} false keeps a macro's outer spaces, which matter where it is concatenated
     * ({@code pre # "the "}).
     */
    private String readValue(boolean wanted, String field, char close, boolean strip)
            throws IOException, SyntaxError {
        value.setLength(0);
        while (true) {
            int c = peek();
            if (c == '{') {
                readDelimited(wanted, false);
            } else if (c == '"') {
                readDelimited(wanted, true);
            } else if (c >= 0 && NAME.test((char) c)) {
                int partLine = line;
                int partColumn = column(pos);
                String word = readWhile(NAME);
                if (c >= '0' && c <= '9') {
                    if (wanted) {
                        value.append(word);
                    }
                } else {
                    String expansion = macros.get(word.toLowerCase(Locale.ROOT));
                    if (expansion == null && wanted) {
                        pendingWarnings.add(ImportProblem.warning(fileName, partLine, partColumn, "the macro " + word
                                + " is not defined (no @string); its name is kept as the value of " + field));
                    }
                    if (wanted) {
                        value.append(expansion == null ? word : expansion);
                    }
                }
            } else {
                throw unexpected(c, "a value for the field " + field + " ({...}, \"...\", a number or a macro)");
            }
            skipWhiteSpaceAndComments();
            if (peek() != '#') {
                break;
            }
            pos++;
            skipWhiteSpaceAndComments();
        }
        if (!wanted) {
            return "";
        }
        return strip ? value.toString().strip() : value.toString();
    }

    /**
     * A braced or quoted part, appended to {@link #value} when {@code wanted}. Braces must balance; a line break
     * followed by the start of an entry means one was never closed.
     */
    private void readDelimited(boolean wanted, boolean quoted) throws IOException, SyntaxError {
        int depth = 0;
        if (!quoted) {
            open(0, line, column(pos));
            depth = 1;
        }
        int startLine = line;
        int startColumn = column(pos);
        pos++;
        StringBuilder sb = value;
        while (true) {
            if (pos >= limit && !fill()) {
                throw unclosed(depth, quoted, startLine, startColumn, "the end of the file", false);
            }
            char[] b = buf;
            int p = pos;
            int lim = limit;
            int start = p;
            // the run of ordinary characters, appended at once; a single space after one of them is ordinary too
            if (quoted) {
                while (p < lim) {
                    char c = b[p];
                    if (c > ' ' ? c == '{' || c == '}' || c == '"' || c == '\\'
                            : c != ' ' || p == start || b[p - 1] == ' ') {
                        break;
                    }
                    p++;
                }
            } else {
                while (p < lim) {
                    char c = b[p];
                    if (c > ' ' ? c == '{' || c == '}' : c != ' ' || p == start || b[p - 1] == ' ') {
                        break;
                    }
                    p++;
                }
            }
            if (wanted && p > start) {
                sb.append(b, start, p - start);
            }
            pos = p;
            if (p == lim) {
                continue;
            }
            char c = b[p];
            pos = p + 1;
            switch (c) {
                case '{' -> {
                    open(depth++, line, column(p));
                    if (wanted) {
                        sb.append('{');
                    }
                }
                case '}' -> {
                    if (depth == 0) {
                        // a closing brace with no opening one inside a quoted value
                        throw error(line, column(p), "unbalanced braces: this } has no matching {", false);
                    }
                    if (--depth == 0 && !quoted) {
                        return;
                    }
                    if (wanted) {
                        sb.append('}');
                    }
                }
                case '"' -> {
                    if (depth == 0) {
                        return;
                    }
                    if (wanted) {
                        sb.append('"');
                    }
                }
                case '\\' -> {
                    if (wanted) {
                        sb.append('\\');
                    }
                    // \" inside a quoted value is an umlaut, not the end (BibTeX would end there; people mean ä)
                    if (peek() == '"') {
                        pos++;
                        if (wanted) {
                            sb.append('"');
                        }
                    }
                }
                default -> {
                    if (c == '\n') {
                        newline();
                        if (entryStartsHere()) {
                            throw unclosed(depth, quoted, startLine, startColumn,
                                    "the next entry (line " + line + ")", true);
                        }
                        if (suspect == null && fieldStartsHere()) {
                            suspect = unclosed(depth, quoted, startLine, startColumn,
                                    "the field on line " + line, false);
                        }
                    }
                    if (wanted) {
                        int n = sb.length();
                        if (n > 0 && sb.charAt(n - 1) != ' ') {
                            sb.append(' ');
                        }
                    }
                }
            }
        }
    }

    private void open(int depth, int atLine, int atColumn) {
        if (depth == openLine.length) {
            openLine = java.util.Arrays.copyOf(openLine, depth * 2);
            openColumn = java.util.Arrays.copyOf(openColumn, depth * 2);
        }
        openLine[depth] = atLine;
        openColumn[depth] = atColumn;
    }

    private SyntaxError unclosed(int depth, boolean quoted, int startLine, int startColumn, String before,
            boolean atNextEntry) {
        if (depth > 0) {
            int innermost = depth - 1;
            return error(openLine[innermost], openColumn[innermost], "unbalanced braces: this { is not closed before "
                    + before + "; add the missing } or remove this {", atNextEntry);
        }
        return error(startLine, startColumn, "this quoted value is not closed before " + before
                + "; add the missing \"", atNextEntry);
    }

    // ---------------------------------------------------------------------------------------------- directives

    /** {@code @string{name = value, ...}}: defines macros, whatever the capture test says. */
    private void readStrings(char close) throws IOException, SyntaxError {
        pos++;
        while (true) {
            skipWhiteSpaceAndComments();
            int c = peek();
            if (c == close) {
                pos++;
                lineBlank = false;
                return;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            String name = readWhile(NAME);
            if (name.isEmpty()) {
                throw unexpected(c, "a macro name in @string");
            }
            skipWhiteSpaceAndComments();
            if (peek() != '=') {
                throw unexpected(peek(), "= after the macro name " + name);
            }
            pos++;
            skipWhiteSpaceAndComments();
            String text = readValue(true, name, close, false);
            pendingWarnings.forEach(problems);
            pendingWarnings.clear();
            macros.put(name.toLowerCase(Locale.ROOT), text);
        }
    }

    /** {@code @preamble{"..." # ...}}: LaTeX for the document, not data; read over. */
    private void readPreamble(char close) throws IOException, SyntaxError {
        pos++;
        skipWhiteSpaceAndComments();
        if (peek() != close) {
            readValue(false, "@preamble", close);
            skipWhiteSpaceAndComments();
        }
        if (peek() != close) {
            throw unexpected(peek(), close + " at the end of @preamble");
        }
        pos++;
        lineBlank = false;
    }

    /** {@code @comment{...}} (JabRef keeps its settings there): skipped with its balanced braces. */
    private void skipComment(char close) throws IOException, SyntaxError {
        if (close == '}') {
            readDelimited(false, false);
        } else {
            pos++;
            int depth = 0;
            while (true) {
                int c = peek();
                if (c < 0) {
                    return;
                }
                pos++;
                if (c == '\n') {
                    newline();
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (c == ')' && depth == 0) {
                    break;
                }
            }
        }
        lineBlank = false;
    }

    // ---------------------------------------------------------------------------------------------- characters

    private static final CharTest IDENTIFIER = c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
            || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ':' || c == '.';

    /** Field and macro names: what BibTeX allows, which is nearly everything. */
    private static final CharTest NAME = c -> c > ' ' && c != '=' && c != ',' && c != '{' && c != '}' && c != '('
            && c != ')' && c != '"' && c != '#' && c != '%' && c != '@' && c != '\'' && c != '~' && c != '\\';

    @FunctionalInterface
    private interface CharTest {
        boolean test(char c);
    }

    private String readWhile(CharTest test) throws IOException {
        int start = pos;
        while (pos < limit && test.test(buf[pos])) {
            pos++;
        }
        if (pos < limit || eof) {
            return new String(buf, start, pos - start);
        }
        // the word runs over the end of the buffer
        StringBuilder word = new StringBuilder().append(buf, start, pos - start);
        int c;
        while ((c = peek()) >= 0 && test.test((char) c)) {
            word.append((char) c);
            pos++;
        }
        return word.toString();
    }

    /** Skips spaces and tabs. */
    private void skipBlanks() throws IOException {
        int c;
        while ((c = peek()) == ' ' || c == '\t') {
            pos++;
        }
    }

    private void skipWhiteSpace() throws IOException {
        int c;
        while ((c = peek()) >= 0 && c <= ' ') {
            pos++;
            if (c == '\n') {
                newline();
            }
        }
    }

    /** White space and {@code %} comments between the parts of an entry. */
    private void skipWhiteSpaceAndComments() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0) {
                return;
            }
            if (c == '\n') {
                pos++;
                newline();
            } else if (c <= ' ') {
                pos++;
            } else if (c == '%') {
                while ((c = peek()) >= 0 && c != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Moves to the next {@code @} outside entries; false at the end of the file. */
    private boolean findAt() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char[] b = buf;
            int p = pos;
            int lim = limit;
            while (p < lim) {
                char c = b[p];
                if (c == '@') {
                    pos = p;
                    return true;
                }
                p++;
                if (c == '\n') {
                    pos = p;
                    newline();
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    lineBlank = false;
                }
            }
            pos = p;
        }
    }

    /** After an error: on to the next line whose first character other than a blank is {@code @}. */
    private void resynchronise() throws IOException {
        while (true) {
            int c;
            while ((c = peek()) >= 0 && c != '\n') {
                pos++;
            }
            if (c < 0) {
                return;
            }
            pos++;
            newline();
            skipBlanks();
            if (peek() == '@') {
                return;
            }
        }
    }

    /** Whether the line that starts at {@link #pos} looks like a field: blanks, a name, {@code =}. */
    private boolean fieldStartsHere() throws IOException {
        ensure(LOOKAHEAD);
        int p = pos;
        while (p < limit && (buf[p] == ' ' || buf[p] == '\t')) {
            p++;
        }
        int start = p;
        while (p < limit && IDENTIFIER.test(buf[p])) {
            p++;
        }
        if (p == start || !Character.isLetter(buf[start])) {
            return false;
        }
        while (p < limit && (buf[p] == ' ' || buf[p] == '\t')) {
            p++;
        }
        return p < limit && buf[p] == '=';
    }

    /** The suspected missing brace if there is one, else {@code error}; positioned as {@code atNextEntry} says. */
    private SyntaxError suspectOr(SyntaxError error, boolean atNextEntry) {
        if (suspect == null) {
            return error;
        }
        return new SyntaxError(suspect.line, suspect.column, suspect.getMessage(), atNextEntry);
    }

    /** Whether the line that starts at {@link #pos} starts an entry: blanks, {@code @}, a type, a brace. */
    private boolean entryStartsHere() throws IOException {
        if (pos < limit) {
            char first = buf[pos];
            if (first != '@' && first != ' ' && first != '\t') {
                return false;
            }
        }
        ensure(LOOKAHEAD);
        int p = pos;
        while (p < limit && (buf[p] == ' ' || buf[p] == '\t')) {
            p++;
        }
        if (p >= limit || buf[p] != '@') {
            return false;
        }
        int start = ++p;
        while (p < limit && IDENTIFIER.test(buf[p])) {
            p++;
        }
        if (p == start || !Character.isLetter(buf[start])) {
            return false;
        }
        while (p < limit && (buf[p] == ' ' || buf[p] == '\t')) {
            p++;
        }
        return p < limit && (buf[p] == '{' || buf[p] == '(');
    }

    private void newline() {
        line++;
        lineStart = base + pos;
        lineBlank = true;
    }

    private int column(int p) {
        return (int) (base + p - lineStart) + 1;
    }

    private int peek() throws IOException {
        if (pos < limit || fill()) {
            char c = buf[pos];
            if (c > ' ' && c != '@') {
                lineBlank = false;
            }
            return c;
        }
        return -1;
    }

    /** Refills an exhausted buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        base += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    /** Makes {@code k} characters available from {@link #pos} if the file has them. */
    private void ensure(int k) throws IOException {
        if (limit - pos >= k || eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < k) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    private SyntaxError unexpected(int c, String expected) {
        String found = c < 0 ? "the end of the file" : c == '\n' ? "a line break" : "'" + (char) c + "'";
        return error(line, column(pos), "expected " + expected + ", found " + found, false);
    }

    private static SyntaxError error(int line, int column, String message, boolean atNextEntry) {
        return new SyntaxError(line, column, message, atNextEntry);
    }
}
