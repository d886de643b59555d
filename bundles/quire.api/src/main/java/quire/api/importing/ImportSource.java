package quire.api.importing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to import and the options the user gave.
 *
 * @param file    the file to read
 * @param name    the name to record in provenance and error messages (usually the file name as given)
 * @param options format options
 */
public record ImportSource(Path file, String name, ImportOptions options) {
    public ImportSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
    }
}
