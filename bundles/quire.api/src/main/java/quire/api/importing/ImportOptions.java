package quire.api.importing;

import java.util.Map;
import java.util.Optional;

/**
 * Options for an import, by name. Names are prefixed with the format id they concern, e.g. {@code listing.year};
 * an importer ignores names it does not know.
 *
 * @param values option values by name
 */
public record ImportOptions(Map<String, String> values) {

    /** No options. */
    public static final ImportOptions NONE = new ImportOptions(Map.of());

    public ImportOptions {
        values = Map.copyOf(values);
    }

    /** The value of the option, if it was given. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
