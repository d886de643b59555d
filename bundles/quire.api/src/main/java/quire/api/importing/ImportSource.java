package quire.api.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A file to import, as the {@link ImportService} hands it to an {@link Importer}. Read it through
 * {@link #openReader()} (text formats) or {@link #openStream()} (XML and other byte formats): both count the bytes
 * read, which is how the user sees progress, and the reader has already found the file's encoding.
 */
@ProviderType
public interface ImportSource {

    /** The file. */
    Path file();

    /** The name to record in provenance and in problems (the file name). */
    String name();

    /** Format options the user gave. */
    ImportOptions options();

    /**
     * The text encoding found: the byte order mark's (UTF-8, UTF-16LE/BE), else UTF-8 when the whole file is valid
     * UTF-8, else windows-1252 (a superset of Latin-1, what older Windows tools write).
     */
    Charset charset();

    /** The file's size in bytes. */
    long size();

    /** The text of the file in {@link #charset()}, without a byte order mark, buffered. */
    BufferedReader openReader() throws IOException;

    /** The bytes of the file, byte order mark included, buffered. */
    InputStream openStream() throws IOException;
}
