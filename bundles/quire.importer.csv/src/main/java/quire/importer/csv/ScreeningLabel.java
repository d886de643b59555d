package quire.importer.csv;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A prior screening decision from a label column (ASReview's {@code label_included}, SYNERGY's
 * {@code label_included}): stored in the field {@value #FIELD} as {@value #INCLUDE} or {@value #EXCLUDE}.
 */
final class ScreeningLabel {

    /** The field that holds the label. */
    static final String FIELD = "screeningLabel";
    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";

    private static final Set<String> INCLUDED = Set.of("1", "1.0", "yes", "y", "true", "included", "include");
    private static final Set<String> EXCLUDED = Set.of("0", "0.0", "no", "n", "false", "excluded", "exclude");
    // ASReview writes -1 and pandas writes nan for a record not labelled yet
    private static final Set<String> UNLABELLED = Set.of("", "-1", "nan", "na", "n/a", "none", "null");

    private ScreeningLabel() {
    }

    /**
     * The label {@code value} stands for: empty when the record is not labelled, and null when the value is no
     * label at all (the caller warns).
     */
    static Optional<String> read(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (INCLUDED.contains(v)) {
            return Optional.of(INCLUDE);
        }
        if (EXCLUDED.contains(v)) {
            return Optional.of(EXCLUDE);
        }
        return UNLABELLED.contains(v) ? Optional.empty() : null;
    }
}
