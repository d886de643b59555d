package quire.importer.ris;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Reference;

/**
 * Reads RIS records line by line and hands each reference and problem to an {@link ImportSink}: one record in
 * memory at a time, however large the file. Plain Java, testable without a framework.
 *
 * <p>A tagged line is two characters, one or two spaces, a hyphen and the value ({@code AU  - Smith, J.}); the
 * hyphen may end the line ({@code ER  -}). {@code TY} starts a record and {@code ER} ends it, but neither is
 * trusted to be there: a tag after {@code ER} starts a record without a type, a {@code TY} inside a record ends the
 * one before it, and the end of the file ends the last one. A line without a tag continues the value before it.
 */
final class RisParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "ris";

    // leading blanks are tolerated because some tools indent; the value may be absent ("ER  -")
    static final Pattern TAGGED = Pattern.compile("\\s{0,3}([A-Z][A-Z0-9]) {1,2}-(?:[ \\t](.*)|\\s*)");
    private static final Pattern BARE_END = Pattern.compile("\\s*ER\\s*");

    private final String sourceName;
    private final RisMapping mapping;

    RisParser(String sourceName) {
        this.sourceName = sourceName;
        this.mapping = new RisMapping(sourceName);
    }

    /** Reads every record from {@code in}, stopping before the next record when the sink is cancelled. */
    void parse(BufferedReader in, ImportSink sink) throws IOException {
        RisRecord record = null;
        int position = 0;
        int lineNumber = 0;
        int strayFrom = 0; // first line of a run of text outside any record, 0 when not in one
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            Matcher tagged = TAGGED.matcher(line);
            if (tagged.matches() || BARE_END.matcher(line).matches()) {
                strayFrom = reportStray(strayFrom, lineNumber, sink);
                String tag = tagged.matches() ? tagged.group(1) : "ER";
                String value = tagged.matches() && tagged.group(2) != null ? tagged.group(2).strip() : "";
                if (tag.equals("ER")) {
                    if (record != null) {
                        finish(record, sink);
                        record = null;
                    }
                    continue;
                }
                if (record == null || tag.equals("TY") && !record.isEmpty()) {
                    if (record != null) {
                        finish(record, sink); // a TY before the ER of the record before: that record ends here
                    }
                    if (sink.cancelled()) {
                        return;
                    }
                    record = new RisRecord(lineNumber, position++);
                }
                record.add(tag, value, lineNumber);
            } else if (!line.isBlank()) {
                if (record != null) {
                    record.continueValue(line.strip());
                } else if (strayFrom == 0) {
                    strayFrom = lineNumber;
                }
            }
        }
        reportStray(strayFrom, lineNumber + 1, sink);
        if (record != null) {
            finish(record, sink); // no ER at the end of the file: the record still counts
        }
    }

    private void finish(RisRecord record, ImportSink sink) {
        Optional<Reference> reference = mapping.map(record, sink);
        reference.ifPresent(sink::reference);
    }

    /** Reports a run of untagged text outside any record, which cannot belong to a value, once. */
    private int reportStray(int strayFrom, int next, ImportSink sink) {
        if (strayFrom > 0) {
            int last = next - 1;
            sink.problem(ImportProblem.warning(sourceName, strayFrom, "text outside a record (before TY or after ER)"
                    + (last > strayFrom ? " on lines " + strayFrom + "-" + last : "") + " is not RIS; ignored it"));
        }
        return 0;
    }
}
