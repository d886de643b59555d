package quire.importer.pubmed;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;

/**
 * Reads MEDLINE records (PubMed's "PubMed" text format, saved as {@code .nbib} or {@code .txt}) line by line and
 * hands references and problems to an {@link ImportSink}. Plain Java, testable without a framework.
 *
 * <p>A record is a run of tag lines ({@link MedlineField}) and continuation lines (indented, nominally by six
 * spaces). Records are separated by blank lines; a {@code PMID} line also starts a new record, since some tools
 * write records back to back. Text outside a record is reported once per run as a warning and skipped.
 */
final class MedlineParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "medline";

    /** The database every MEDLINE record comes from. */
    static final String DATABASE = "PubMed";

    private static final int QUOTE_LIMIT = 60;

    private final String sourceName;

    /** @param sourceName the file name for provenance and messages */
    MedlineParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Reads every record from {@code in}, stopping early when the sink is cancelled. */
    void parse(BufferedReader in, ImportSink sink) throws IOException {
        MedlineRecord record = null;
        int position = 0;
        int number = 0;
        boolean inStrayText = false;
        String text;
        while ((text = in.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                if (record != null) {
                    record.toReference(sourceName, position++, sink).ifPresent(sink::reference);
                    record = null;
                }
                inStrayText = false;
                continue;
            }
            Optional<MedlineField> field = MedlineField.parse(text, number);
            if (field.isPresent()) {
                if (record != null && field.get().tag().equals("PMID") && record.has("PMID")) {
                    record.toReference(sourceName, position++, sink).ifPresent(sink::reference);
                    record = null;
                }
                if (record == null) {
                    if (sink.cancelled()) {
                        return;
                    }
                    record = new MedlineRecord(number);
                }
                record.add(field.get());
                inStrayText = false;
            } else if (record != null) {
                if (!Character.isWhitespace(text.charAt(0))) {
                    // not indented: a damaged wrap rather than a new field, so the text is kept where it belongs
                    sink.problem(ImportProblem.warning(sourceName, number, "the line \"" + quote(text)
                            + "\" is neither a tag line (\"TAG - value\") nor an indented continuation; read it as "
                            + "part of " + record.lastTag()));
                }
                record.continueLast(text);
            } else if (!inStrayText) {
                sink.problem(ImportProblem.warning(sourceName, number, "the text \"" + quote(text)
                        + "\" is outside any MEDLINE record (records start with a tag such as \"PMID- \"); "
                        + "skipped it up to the next blank line"));
                inStrayText = true;
            }
        }
        if (record != null) {
            record.toReference(sourceName, position, sink).ifPresent(sink::reference);
        }
    }

    private static String quote(String text) {
        String s = text.strip();
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
    }
}
