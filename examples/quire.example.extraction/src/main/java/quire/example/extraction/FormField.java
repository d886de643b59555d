package quire.example.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One field of the extraction form.
 *
 * @param id       stable, a CSV column and the key values are stored under, e.g. {@code sample_size}
 * @param label    what the reviewer reads, e.g. "Sample size"
 * @param type     what it holds
 * @param values   the allowed values of a choice or multi-choice field (empty for other types)
 * @param required whether a study's extraction is complete only with a value here
 * @param help     a hint shown beside the field
 */
public record FormField(String id, String label, FieldType type, List<String> values, boolean required,
        Optional<String> help) {

    public FormField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        Objects.requireNonNull(help, "help");
    }

    /**
     * What is wrong with an answer for this field, or empty when it fits. An answer is a list of values: one for
     * most types, any number of distinct allowed values for multi-choice, none when the field is left empty.
     */
    public Optional<String> problem(List<String> answer) {
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (type != FieldType.MULTI_CHOICE && answer.size() > 1) {
            return Optional.of("takes one value, not " + answer.size());
        }
        Set<String> seen = new HashSet<>();
        for (String value : answer) {
            Optional<String> problem = valueProblem(value);
            if (problem.isPresent()) {
                return problem;
            }
            if (!seen.add(value)) {
                return Optional.of("'" + value + "' is given twice");
            }
        }
        return Optional.empty();
    }

    private Optional<String> valueProblem(String value) {
        switch (type) {
            case TEXT:
                return value.isBlank() ? Optional.of("is blank (leave it empty instead)") : Optional.empty();
            case NUMBER:
                try {
                    new BigDecimal(value.strip());
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("'" + value + "' is not a number");
                }
            case INTEGER:
                try {
                    Long.parseLong(value.strip());
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("'" + value + "' is not a whole number");
                }
            case BOOLEAN:
                return value.equals("true") || value.equals("false") ? Optional.empty()
                        : Optional.of("'" + value + "' is not true or false");
            case DATE:
                try {
                    LocalDate.parse(value.strip());
                    return Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.of("'" + value + "' is not a date YYYY-MM-DD");
                }
            default:
                return values.contains(value) ? Optional.empty()
                        : Optional.of("'" + value + "' is not one of " + String.join(", ", values));
        }
    }
}
