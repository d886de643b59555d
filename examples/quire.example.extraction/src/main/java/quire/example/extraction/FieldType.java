package quire.example.extraction;

import java.util.Arrays;
import java.util.Optional;

/** What a field of the extraction form holds, by the name the form's JSON gives it. */
public enum FieldType {
    TEXT("text"),
    NUMBER("number"),
    INTEGER("integer"),
    CHOICE("choice"),
    MULTI_CHOICE("multi-choice"),
    BOOLEAN("boolean"),
    DATE("date");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in form.json, e.g. {@code multi-choice}. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether the field offers a list of allowed values. */
    public boolean hasChoices() {
        return this == CHOICE || this == MULTI_CHOICE;
    }

    public static Optional<FieldType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    /** The names, for error messages: {@code text, number, ...}. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::jsonName).toList());
    }
}
