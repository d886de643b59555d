package quire.importer.ris;

import java.util.ArrayList;
import java.util.List;

/**
 * The tagged lines of one RIS record, in file order, with untagged continuation lines joined to the value of the
 * tag before them. Mutable while {@link RisParser} reads the record, then only read.
 */
final class RisRecord {

    /** One tag and its value. */
    record Entry(String tag, String value, int line) {
    }

    /** The most text one value may collect from continuation lines, so a file of junk cannot fill the heap. */
    static final int LONGEST_VALUE = 1 << 20;

    private final int line;
    private final int position;
    private final List<String> tags = new ArrayList<>();
    private final List<StringBuilder> values = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private boolean truncated;

    RisRecord(int line, int position) {
        this.line = line;
        this.position = position;
    }

    /** The line the record starts on, from 1. */
    int line() {
        return line;
    }

    /** The record's index in the file, from 0. */
    int position() {
        return position;
    }

    void add(String tag, String value, int lineNumber) {
        tags.add(tag);
        values.add(new StringBuilder(value));
        lines.add(lineNumber);
    }

    boolean isEmpty() {
        return tags.isEmpty();
    }

    /**
     * An untagged line: more of the last tag's value (Scopus writes notes and addresses over several lines, with
     * blank lines between them). It starts a new line of the value.
     */
    void continueValue(String text) {
        StringBuilder value = values.getLast();
        if (value.length() + text.length() > LONGEST_VALUE) {
            truncated = true;
            return;
        }
        if (!value.isEmpty()) {
            value.append('\n');
        }
        value.append(text);
    }

    /** Whether continuation text was dropped because a value grew beyond {@link #LONGEST_VALUE}. */
    boolean truncated() {
        return truncated;
    }

    /** Every entry in file order. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            entries.add(new Entry(tags.get(i), values.get(i).toString().strip(), lines.get(i)));
        }
        return entries;
    }
}
