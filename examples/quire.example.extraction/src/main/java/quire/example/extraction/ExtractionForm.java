package quire.example.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The extraction form a team defined: its fields in the order the reviewer fills them.
 *
 * @param title  what the form is called, e.g. "Trial characteristics"
 * @param source where it was read from, for messages ({@code extraction/form.json}, or the built-in example)
 * @param fields the fields, ids unique
 */
public record ExtractionForm(String title, String source, List<FormField> fields) {

    public ExtractionForm {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * What is wrong with a set of answers, each as {@code field: what}: an unknown field, a value of the wrong
     * type or not among the allowed ones. Missing required answers are not problems: a reviewer may save half a
     * form and come back ({@link #missing}).
     */
    public List<String> problems(Map<String, List<String>> answers) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            Optional<FormField> field = field(answer.getKey());
            if (field.isEmpty()) {
                problems.add(answer.getKey() + ": no such field in " + source);
            } else {
                field.get().problem(answer.getValue()).ifPresent(p -> problems.add(answer.getKey() + ": " + p));
            }
        }
        return problems;
    }

    /** The required fields without an answer. */
    public List<FormField> missing(Map<String, List<String>> answers) {
        return fields.stream().filter(FormField::required)
                .filter(f -> answers.getOrDefault(f.id(), List.of()).isEmpty()).toList();
    }

    /** Whether the answers fill the form: every required field answered, every answer fitting its field. */
    public boolean complete(Map<String, List<String>> answers) {
        return missing(answers).isEmpty() && problems(answers).isEmpty();
    }
}
