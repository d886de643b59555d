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

    /**
     * A source for a UTF-8 file (a BOM is skipped), without progress: for an importer's own tests and tools. The
     * {@link ImportService} gives importers sources that find the encoding and report progress.
     */
    static ImportSource ofUtf8File(Path file, ImportOptions options) {
        return new ImportSource() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public ImportOptions options() {
                return options;
            }

            @Override
            public Charset charset() {
                return java.nio.charset.StandardCharsets.UTF_8;
            }

            @Override
            public long size() {
                try {
                    return java.nio.file.Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public BufferedReader openReader() throws IOException {
                BufferedReader reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                return reader;
            }

            @Override
            public InputStream openStream() throws IOException {
                return new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
            }
        };
    }
}
