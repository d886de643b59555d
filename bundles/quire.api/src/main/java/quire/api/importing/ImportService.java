package quire.api.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import quire.api.work.Progress;

/**
 * Imports files into the workspace's library with whichever {@link Importer}s are installed. Each record gets
 * an id derived from the file's content and the record's position, so importing the same file again adds
 * nothing twice. References are stored in batches; a batch is durable before the next is read, so a crash
 * mid-import keeps every batch already reported.
 */
@ProviderType
public interface ImportService {

    /** The importers installed now. */
    List<ImporterInfo> importers();

    /** The format of the first importer that recognises the file, if any. */
    Optional<String> detect(Path file) throws IOException;

    /**
     * Imports one file.
     *
     * @param file    the file
     * @param format  the format to read it as, or empty to detect it
     * @param options format options
     * @param progress where to report progress (bytes read) and learn of cancellation
     * @throws UnrecognisedFormatException when no importer recognises the file or the format is unknown
     * @throws IOException when the file cannot be read or the library cannot be written
     */
    ImportReport importFile(Path file, Optional<String> format, ImportOptions options, Progress progress)
            throws IOException;
}
