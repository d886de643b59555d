package quire.example.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an extraction form from JSON:
 *
 * <pre>{@code
 * {"title": "Trial characteristics",
 *  "fields": [
 *    {"id": "design", "label": "Study design", "type": "choice", "values": ["RCT", "cohort"], "required": true,
 *     "help": "as the authors report it"},
 *    {"id": "n", "label": "Participants", "type": "integer", "required": true}]}
 * }</pre>
 *
 * Types: {@code text, number, integer, choice, multi-choice, boolean, date}. The form is read with Jackson's
 * streaming parser rather than bound to classes so that every problem can be reported where it is, as
 * {@code file:line:column: field 'id': what}; all problems are collected, not only the first.
 */
public final class FormReader {

    /** Field ids become CSV columns and keys in the store: keep them plain. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private FormReader(String file) {
        this.file = file;
    }

    /**
     * Parses and checks a form.
     *
     * @param file what to call the file in messages, e.g. {@code extraction/form.json}
     * @throws FormException naming every problem with its line and column
     */
    public static ExtractionForm read(String file, byte[] json) throws FormException {
        FormReader reader = new FormReader(file);
        Optional<ExtractionForm> form = Optional.empty();
        try (JsonParser parser = JSON.createParser(json)) {
            form = reader.form(parser);
        } catch (JsonProcessingException e) {
            reader.problem(e.getLocation(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            reader.problems.add(file + ": cannot be read: " + e.getMessage());
        }
        if (!reader.problems.isEmpty() || form.isEmpty()) {
            throw new FormException(reader.problems);
        }
        return form.get();
    }

    private Optional<ExtractionForm> form(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problem(parser.currentTokenLocation(), "a form is a JSON object with \"fields\": [...]");
            return Optional.empty();
        }
        String title = "";
        List<FormField> fields = new ArrayList<>();
        boolean sawFields = false;
        JsonLocation start = parser.currentTokenLocation();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "title" -> title = string(parser, "the form", "title").orElse("");
                case "fields" -> {
                    sawFields = true;
                    if (value != JsonToken.START_ARRAY) {
                        problem(parser.currentTokenLocation(), "\"fields\" must be a list of fields [...]");
                        parser.skipChildren();
                    } else {
                        fields(parser, fields);
                    }
                }
                default -> {
                    problem(parser.currentTokenLocation(), "unknown property '" + name
                            + "' (a form has \"title\" and \"fields\")");
                    parser.skipChildren();
                }
            }
        }
        if (!sawFields) {
            problem(start, "the form has no \"fields\"");
        } else if (fields.isEmpty() && problems.isEmpty()) {
            problem(start, "the form has no fields: add at least one to \"fields\"");
        }
        if (parser.nextToken() != null) {
            problem(parser.currentTokenLocation(), "unexpected content after the form");
        }
        return Optional.of(new ExtractionForm(title, file, fields));
    }

    private void fields(JsonParser parser, List<FormField> fields) throws IOException {
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            number++;
            if (token != JsonToken.START_OBJECT) {
                problem(parser.currentTokenLocation(), "field " + number + " is not an object {\"id\": ...}");
                parser.skipChildren();
                continue;
            }
            field(parser, "field " + number, ids).ifPresent(fields::add);
        }
    }

    private Optional<FormField> field(JsonParser parser, String position, Set<String> ids) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        Optional<String> id = Optional.empty();
        Optional<String> label = Optional.empty();
        Optional<String> help = Optional.empty();
        Optional<FieldType> type = Optional.empty();
        Optional<List<String>> values = Optional.empty();
        JsonLocation valuesAt = start;
        boolean required = false;
        boolean broken = false;
        String what = position;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            JsonLocation at = parser.currentTokenLocation();
            switch (name) {
                case "id" -> {
                    id = string(parser, what, "id");
                    if (id.isPresent()) {
                        if (!ID.matcher(id.get()).matches()) {
                            problem(at, what + ": id '" + id.get() + "' must start with a letter and hold only "
                                    + "letters, digits, '_', '-' and '.'");
                            broken = true;
                        } else if (!ids.add(id.get())) {
                            problem(at, what + ": id '" + id.get() + "' is used by another field");
                            broken = true;
                        }
                        what = "field '" + id.get() + "'";
                    }
                }
                case "label" -> label = string(parser, what, "label");
                case "help" -> help = string(parser, what, "help");
                case "type" -> {
                    Optional<String> typeName = string(parser, what, "type");
                    type = typeName.flatMap(FieldType::named);
                    if (typeName.isPresent() && type.isEmpty()) {
                        problem(at, what + ": type '" + typeName.get() + "' is not one of " + FieldType.names());
                    }
                    broken |= type.isEmpty();
                }
                case "required" -> {
                    if (parser.currentToken() == JsonToken.VALUE_TRUE
                            || parser.currentToken() == JsonToken.VALUE_FALSE) {
                        required = parser.getBooleanValue();
                    } else {
                        problem(at, what + ": \"required\" must be true or false");
                        parser.skipChildren();
                        broken = true;
                    }
                }
                case "values" -> {
                    valuesAt = at;
                    values = choices(parser, what);
                    broken |= values.isEmpty();
                }
                default -> {
                    problem(at, what + ": unknown property '" + name
                            + "' (a field has id, label, type, values, required, help)");
                    parser.skipChildren();
                    broken = true;
                }
            }
        }
        if (id.isEmpty()) {
            problem(start, what + ": has no \"id\"");
            return Optional.empty();
        }
        if (type.isEmpty()) {
            if (!broken) {
                problem(start, what + ": has no \"type\" (one of " + FieldType.names() + ")");
            }
            return Optional.empty();
        }
        if (type.get().hasChoices() && values.isPresent() && values.get().isEmpty()) {
            problem(valuesAt, what + ": a " + type.get().jsonName() + " field needs at least one value in \"values\"");
            return Optional.empty();
        }
        if (type.get().hasChoices() && values.isEmpty() && !broken) {
            problem(start, what + ": a " + type.get().jsonName() + " field needs its allowed \"values\": [...]");
            return Optional.empty();
        }
        if (!type.get().hasChoices() && values.isPresent()) {
            problem(valuesAt, what + ": only choice and multi-choice fields take \"values\", not "
                    + type.get().jsonName());
            return Optional.empty();
        }
        if (broken) {
            return Optional.empty();
        }
        return Optional.of(new FormField(id.get(), label.filter(l -> !l.isBlank()).orElse(id.get()), type.get(),
                values.orElse(List.of()), required, help.filter(h -> !h.isBlank())));
    }

    private Optional<List<String>> choices(JsonParser parser, String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            problem(parser.currentTokenLocation(), what + ": \"values\" must be a list of strings [...]");
            parser.skipChildren();
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        boolean ok = true;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonLocation at = parser.currentTokenLocation();
            if (token != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                problem(at, what + ": every allowed value must be a non-empty string");
                parser.skipChildren();
                ok = false;
            } else if (!values.add(parser.getText())) {
                problem(at, what + ": the value '" + parser.getText() + "' is listed twice");
                ok = false;
            }
        }
        return ok ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    private Optional<String> string(JsonParser parser, String what, String property) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            problem(parser.currentTokenLocation(), what + ": \"" + property + "\" must be a string");
            parser.skipChildren();
            return Optional.empty();
        }
        return Optional.of(parser.getText());
    }

    private void problem(JsonLocation at, String message) {
        problems.add(at == null ? file + ": " + message
                : file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
    }
}
