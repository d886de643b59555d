package quire.api.export;

import java.util.Map;
import java.util.Optional;

/**
 * Options for an export, by name (prefixed with the format id, e.g. {@code bibtex.mode}); exporters ignore names
 * they do not know.
 *
 * @param values option values by name
 */
public record ExportOptions(Map<String, String> values) {

    /** No options. */
    public static final ExportOptions NONE = new ExportOptions(Map.of());

    public ExportOptions {
        values = Map.copyOf(values);
    }

    /** The value of the option, if it was given. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
