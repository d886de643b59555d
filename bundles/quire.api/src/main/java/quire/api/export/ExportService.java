package quire.api.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Exports references of the library with whichever {@link Exporter}s are installed: what commands and the window
 * call to write a bibliography.
 *
 * <p>Citation keys are stable. Before writing, every selected reference without a key (the further field
 * {@link CitationKeyGenerator#FIELD}) gets one from the installed {@link CitationKeyGenerator}, made unique among
 * all keys in the library (without regard to case) by a suffix {@code a}, {@code b}, ..., and stored in the library
 * in one transaction. A reference that has a key, given by an earlier export or read from an imported BibTeX
 * entry, keeps it: editing a title or adding references never changes a key that was given out.
 */
@ProviderType
public interface ExportService {

    /** The format ids of the exporters installed now, sorted. */
    List<String> formats();

    /**
     * Selects references, gives those without a citation key one (and stores it), and writes them in the format.
     *
     * @param selection which references
     * @param format    the format id, one of {@link #formats()}
     * @param options   options for the exporter
     * @param out       where to write; not closed
     * @throws ExportException when the format is not installed, or the selection cannot be made (the search
     *                         service is missing, or the query does not parse); nothing is written then
     * @throws IOException     when the keys cannot be stored or the output cannot be written
     */
    ExportReport export(ExportSelection selection, String format, ExportOptions options, Writer out)
            throws ExportException, IOException;
}
