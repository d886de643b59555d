package quire.example.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormReaderTest {

    static ExtractionForm read(String json) throws FormException {
        return FormReader.read("extraction/form.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> problems(String json) {
        return assertThrows(FormException.class, () -> read(json)).problems();
    }

    @Test
    void readsEveryTypeWithItsValuesRequiredFlagAndHelp() throws Exception {
        ExtractionForm form = read("""
                {"title": "Trials",
                 "fields": [
                   {"id": "design", "label": "Design", "type": "choice", "values": ["RCT", "cohort"],
                    "required": true, "help": "as reported"},
                   {"id": "n", "label": "Participants", "type": "integer", "required": true},
                   {"id": "age", "label": "Mean age", "type": "number"},
                   {"id": "outcomes", "label": "Outcomes", "type": "multi-choice", "values": ["death", "pain"]},
                   {"id": "blinded", "label": "Blinded", "type": "boolean"},
                   {"id": "start", "label": "Start", "type": "date"},
                   {"id": "notes", "type": "text"}]}
                """);
        assertEquals("Trials", form.title());
        assertEquals("extraction/form.json", form.source());
        assertEquals(List.of("design", "n", "age", "outcomes", "blinded", "start", "notes"),
                form.fields().stream().map(FormField::id).toList());
        assertEquals(new FormField("design", "Design", FieldType.CHOICE, List.of("RCT", "cohort"), true,
                Optional.of("as reported")), form.fields().get(0));
        assertEquals(FieldType.MULTI_CHOICE, form.field("outcomes").orElseThrow().type());
        assertEquals("notes", form.field("notes").orElseThrow().label(), "a field without a label shows its id");
        assertFalse(form.field("age").orElseThrow().required());
    }

    @Test
    void anUnknownTypeIsReportedWithFileLineColumnAndField() {
        List<String> problems = problems("""
                {"fields": [
                  {"id": "n", "label": "N", "type": "integer"},
                  {"id": "age", "label": "Age",
                   "type": "numbr"}]}
                """);
        assertEquals(List.of("extraction/form.json:4:12: field 'age': type 'numbr' is not one of text, number, "
                + "integer, choice, multi-choice, boolean, date"), problems);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<String> problems = problems("""
                {"fields": [
                  {"id": "design", "type": "choice"},
                  {"id": "design", "type": "text"},
                  {"id": "n", "type": "integer", "values": ["1"]},
                  {"id": "ok", "type": "boolean", "required": "yes"},
                  {"id": "x", "type": "choice", "values": ["a", "a"]},
                  {"label": "no id", "type": "text"},
                  {"id": "2bad", "type": "text", "colour": "red"}]}
                """);
        assertEquals(List.of(
                "extraction/form.json:2:3: field 'design': a choice field needs its allowed \"values\": [...]",
                "extraction/form.json:3:10: field 2: id 'design' is used by another field",
                "extraction/form.json:4:44: field 'n': only choice and multi-choice fields take \"values\", not "
                        + "integer",
                "extraction/form.json:5:47: field 'ok': \"required\" must be true or false",
                "extraction/form.json:6:49: field 'x': the value 'a' is listed twice",
                "extraction/form.json:7:3: field 6: has no \"id\"",
                "extraction/form.json:8:10: field 7: id '2bad' must start with a letter and hold only letters, "
                        + "digits, '_', '-' and '.'",
                "extraction/form.json:8:44: field '2bad': unknown property 'colour' (a field has id, label, type, "
                        + "values, required, help)"), problems);
    }

    @Test
    void brokenJsonIsReportedWhereItBreaks() {
        List<String> problems = problems("{\"fields\": [\n  {\"id\": \"n\", \"type\": \"integer\"\n  {\"id\": 2}]}");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("extraction/form.json:3:3: not valid JSON: Unexpected character "),
                problems.get(0));
    }

    @Test
    void aFormNeedsFields() {
        assertEquals(List.of("extraction/form.json:1:1: the form has no \"fields\""), problems("{\"title\": \"t\"}"));
        assertEquals(List.of("extraction/form.json:1:1: the form has no fields: add at least one to \"fields\""),
                problems("{\"fields\": []}"));
        assertEquals(List.of("extraction/form.json:1:1: a form is a JSON object with \"fields\": [...]"),
                problems("[1, 2]"));
    }

    @Test
    void theExampleFormIsValid() throws Exception {
        ExtractionForm form = FormReader.read("example",
                ExtractionStore.exampleForm().getBytes(StandardCharsets.UTF_8));
        assertEquals(8, form.fields().size());
        assertEquals(FieldType.values().length, form.fields().stream().map(FormField::type).distinct().count(),
                "the example shows every type");
    }

    @Test
    void answersAreCheckedByTypeAllowedValueAndCount() throws Exception {
        ExtractionForm form = read("""
                {"fields": [
                  {"id": "design", "type": "choice", "values": ["RCT", "cohort"], "required": true},
                  {"id": "n", "type": "integer", "required": true},
                  {"id": "age", "type": "number"},
                  {"id": "outcomes", "type": "multi-choice", "values": ["death", "pain"]},
                  {"id": "blinded", "type": "boolean"},
                  {"id": "start", "type": "date"}]}
                """);
        assertEquals(List.of(), form.problems(Map.of("design", List.of("RCT"), "n", List.of("120"),
                "age", List.of("-4.5e1"), "outcomes", List.of("death", "pain"), "blinded", List.of("false"),
                "start", List.of("2024-02-29"))));
        assertEquals(List.of("design: 'trial' is not one of RCT, cohort"), form.problems(Map.of("design",
                List.of("trial"))));
        assertEquals(List.of("n: '12.5' is not a whole number"), form.problems(Map.of("n", List.of("12.5"))));
        assertEquals(List.of("age: 'old' is not a number"), form.problems(Map.of("age", List.of("old"))));
        assertEquals(List.of("blinded: 'yes' is not true or false"), form.problems(Map.of("blinded",
                List.of("yes"))));
        assertEquals(List.of("start: '2023-02-29' is not a date YYYY-MM-DD"), form.problems(Map.of("start",
                List.of("2023-02-29"))));
        assertEquals(List.of("design: takes one value, not 2"), form.problems(Map.of("design",
                List.of("RCT", "cohort"))));
        assertEquals(List.of("outcomes: 'death' is given twice"), form.problems(Map.of("outcomes",
                List.of("death", "death"))));
        assertEquals(List.of("colour: no such field in extraction/form.json"), form.problems(Map.of("colour",
                List.of("red"))));

        assertEquals(List.of("design", "n"), form.missing(Map.of()).stream().map(FormField::id).toList());
        assertFalse(form.complete(Map.of("design", List.of("RCT"))));
        assertTrue(form.complete(Map.of("design", List.of("RCT"), "n", List.of("3"))));
        assertFalse(form.complete(Map.of("design", List.of("RCT"), "n", List.of("3"), "age", List.of("x"))),
                "an answer that does not fit keeps the extraction incomplete");
    }
}
