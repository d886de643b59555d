package quire.example.extraction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one reviewer extracted from one study, as saved at one moment; the latest save of a study by a reviewer is
 * the one that counts.
 *
 * @param study    the reference id of the study
 * @param reviewer the reviewer's initials
 * @param at       when it was saved
 * @param answers  the values by field id: one value for most fields, several for multi-choice; fields left empty
 *                 are absent
 */
public record Extraction(String study, String reviewer, Instant at, Map<String, List<String>> answers) {

    public Extraction {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        answers.forEach((field, values) -> {
            if (!values.isEmpty()) {
                copy.put(field, List.copyOf(values));
            }
        });
        answers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The same extraction with one field's answer replaced (an empty list clears it). */
    public Extraction with(String field, List<String> values, Instant when) {
        Map<String, List<String>> changed = new LinkedHashMap<>(answers);
        changed.put(field, values);
        return new Extraction(study, reviewer, when, changed);
    }

    /** The key the latest extraction is kept under. */
    public record Key(String study, String reviewer) {
    }

    public Key key() {
        return new Key(study, reviewer);
    }
}
