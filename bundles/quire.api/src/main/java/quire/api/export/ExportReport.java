package quire.api.export;

import java.util.Map;
import java.util.Objects;

/**
 * What an export did.
 *
 * @param format       the format written
 * @param exported     how many references were written
 * @param assignedKeys the citation keys given in this export to references that had none, by reference id, in
 *                     export order; these keys are now stored in the library and will not change
 */
public record ExportReport(String format, int exported, Map<String, String> assignedKeys) {

    public ExportReport {
        Objects.requireNonNull(format, "format");
        if (exported < 0) {
            throw new IllegalArgumentException("exported must not be negative");
        }
        assignedKeys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignedKeys));
    }
}
