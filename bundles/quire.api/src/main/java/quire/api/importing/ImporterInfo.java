package quire.api.importing;

import java.util.List;

/**
 * An installed importer, as listed to the user.
 *
 * @param format     its format id
 * @param label      its name for people
 * @param extensions its usual file name extensions
 * @param bundle     the symbolic name of the bundle that contributes it
 */
public record ImporterInfo(String format, String label, List<String> extensions, String bundle) {
    public ImporterInfo {
        extensions = List.copyOf(extensions);
    }
}
