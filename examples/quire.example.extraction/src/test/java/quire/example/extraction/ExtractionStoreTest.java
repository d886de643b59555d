package quire.example.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionStoreTest {

    static final String FORM = """
            {"title": "Trials", "fields": [
              {"id": "design", "label": "Design", "type": "choice", "values": ["RCT", "cohort"], "required": true},
              {"id": "n", "label": "Participants", "type": "integer", "required": true},
              {"id": "age", "label": "Mean age", "type": "number"},
              {"id": "outcomes", "label": "Outcomes", "type": "multi-choice", "values": ["death", "pain, severe"]},
              {"id": "blinded", "label": "Blinded", "type": "boolean"},
              {"id": "notes", "label": "Notes", "type": "text"}]}
            """;

    @TempDir
    Path workspace;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    ExtractionStore store() throws Exception {
        return new ExtractionStore(workspace, CLOCK);
    }

    static void writeForm(Path workspace, String json) throws Exception {
        Files.createDirectories(workspace.resolve("extraction"));
        Files.writeString(workspace.resolve("extraction/form.json"), json);
    }

    Path log() {
        return workspace.resolve("extraction/extractions.jsonl");
    }

    @Test
    void withoutAFormTheExampleFormIsUsed() throws Exception {
        ExtractionStore store = store();
        assertFalse(store.hasOwnForm());
        ExtractionForm form = store.form();
        assertEquals("the example form (no extraction/form.json in the workspace)", form.source());
        assertTrue(form.field("design").isPresent());
    }

    @Test
    void theTeamsFormIsReadAndReadAgainWhenItChanges() throws Exception {
        writeForm(workspace, FORM);
        ExtractionStore store = store();
        assertEquals("Trials", store.form().title());
        Path file = workspace.resolve("extraction/form.json");
        Files.writeString(file, FORM.replace("Trials", "Cohorts"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals("Cohorts", store.form().title());

        Files.writeString(file, FORM.replace("\"integer\"", "\"count\""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(20)));
        FormException broken = assertThrows(FormException.class, store::form);
        assertEquals(List.of("extraction/form.json:3:48: field 'n': type 'count' is not one of text, number, "
                + "integer, choice, multi-choice, boolean, date"), broken.problems());
    }

    @Test
    void savesAreDurableTypedJsonLinesAndTheLatestCounts() throws Exception {
        writeForm(workspace, FORM);
        try (var closing = new Closing(store())) {
            ExtractionStore store = closing.store;
            store.save("r1", "AB", Map.of("design", List.of("RCT"), "n", List.of("120")));
            store.set("r1", "AB", "outcomes", List.of("death", "pain, severe"));
            store.set("r1", "AB", "age", List.of("54.50"));
            store.set("r1", "AB", "blinded", List.of("true"));
            store.set("r2", "CD", "notes", List.of("line one\nline \"two\""));
        }
        List<String> lines = Files.readAllLines(log());
        assertEquals(5, lines.size(), "one line per save, nothing rewritten");
        assertEquals("{\"study\":\"r1\",\"reviewer\":\"AB\",\"at\":\"2026-11-23T10:00:00Z\",\"answers\":{"
                + "\"design\":\"RCT\",\"n\":120,\"age\":54.50,\"outcomes\":[\"death\",\"pain, severe\"],"
                + "\"blinded\":true}}", lines.get(3));

        ExtractionStore reopened = store();
        assertEquals(List.of(), reopened.problems());
        Extraction r1 = reopened.extraction("r1", "AB").orElseThrow();
        assertEquals(Map.of("design", List.of("RCT"), "n", List.of("120"), "age", List.of("54.50"),
                "outcomes", List.of("death", "pain, severe"), "blinded", List.of("true")), r1.answers());
        assertEquals("line one\nline \"two\"", reopened.extraction("r2", "CD").orElseThrow().answers().get("notes")
                .get(0));
        assertEquals(java.util.Set.of("r1"), reopened.completeStudies(reopened.form()));
    }

    @Test
    void answersThatDoNotFitAreRefusedAndNothingIsWritten() throws Exception {
        writeForm(workspace, FORM);
        ExtractionStore store = store();
        store.set("r1", "AB", "n", List.of("12"));
        long size = Files.size(log());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> store.set("r1", "AB", "design", List.of("trial")));
        assertEquals("design: 'trial' is not one of RCT, cohort", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.set("r1", "AB", "n", List.of("twelve")));
        assertThrows(IllegalArgumentException.class, () -> store.set("r1", "AB", "colour", List.of("red")));
        assertEquals(size, Files.size(log()));
        assertEquals(Map.of("n", List.of("12")), store.extraction("r1", "AB").orElseThrow().answers());
    }

    @Test
    void aTornLastLineIsIgnoredReportedAndCutOffBeforeTheNextSave() throws Exception {
        writeForm(workspace, FORM);
        try (var closing = new Closing(store())) {
            closing.store.save("r1", "AB", Map.of("design", List.of("RCT"), "n", List.of("10")));
            closing.store.save("r2", "AB", Map.of("design", List.of("cohort")));
        }
        // a crash in the middle of the third save: half a line, no line end
        Files.writeString(log(), "{\"study\":\"r3\",\"reviewer\":\"AB\",\"at\":\"2026-11-", StandardOpenOption.APPEND);

        ExtractionStore reopened = store();
        assertEquals(List.of("extraction/extractions.jsonl:3: an incomplete last line (cut short by a crash) was "
                + "ignored"), reopened.problems());
        assertEquals(List.of("r1", "r2"), reopened.extractions().stream().map(Extraction::study).toList());
        reopened.set("r2", "AB", "n", List.of("7"));
        reopened.close();

        List<String> lines = Files.readAllLines(log());
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).startsWith("{\"study\":\"r2\""), lines.get(2));
        ExtractionStore again = store();
        assertEquals(List.of(), again.problems());
        assertEquals(Map.of("design", List.of("cohort"), "n", List.of("7")),
                again.extraction("r2", "AB").orElseThrow().answers());
    }

    @Test
    void aBadLineInTheMiddleIsSkippedAndTheLinesAroundItKept() throws Exception {
        Files.createDirectories(log().getParent());
        Files.writeString(log(), """
                {"study":"r1","reviewer":"AB","at":"2026-11-23T10:00:00Z","answers":{"n":1}}
                {"study":"r2","reviewer":"AB","at":"yesterday","answers":{}}
                not json
                {"study":"r3","reviewer":"AB","at":"2026-11-23T10:00:00Z","answers":{"n":3}}
                """, StandardCharsets.UTF_8);
        ExtractionStore store = store();
        assertEquals(List.of("r1", "r3"), store.extractions().stream().map(Extraction::study).toList());
        assertEquals(2, store.problems().size());
        assertTrue(store.problems().get(0).startsWith("extraction/extractions.jsonl:2: skipped, not an extraction: "
                + "'at' is not a time"), store.problems().get(0));
        assertTrue(store.problems().get(1).startsWith("extraction/extractions.jsonl:3: skipped"),
                store.problems().get(1));
    }

    @Test
    void answersFromAnEarlierFormAreKeptWhenTheFormChanges() throws Exception {
        writeForm(workspace, FORM);
        ExtractionStore store = store();
        store.save("r1", "AB", Map.of("design", List.of("RCT"), "notes", List.of("kept")));
        // the team renames a field: what was entered under the old id stays with the study
        Path file = workspace.resolve("extraction/form.json");
        Files.writeString(file, FORM.replace("\"notes\"", "\"comments\""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        Extraction saved = store.set("r1", "AB", "n", List.of("5"));
        assertEquals(List.of("kept"), saved.answers().get("notes"));
        assertEquals(List.of("5"), saved.answers().get("n"));
        assertThrows(IllegalArgumentException.class, () -> store.set("r1", "AB", "notes", List.of("new")),
                "a field the form no longer has takes no new answers");
    }

    @Test
    void theStagePassesTheIncludedStudiesWithACompleteExtraction() throws Exception {
        writeForm(workspace, FORM);
        ExtractionStore store = store();
        store.save("r1", "AB", Map.of("design", List.of("RCT"), "n", List.of("10")));
        store.save("r2", "AB", Map.of("design", List.of("RCT")));
        store.save("r9", "AB", Map.of("design", List.of("RCT"), "n", List.of("10"))); // no longer included
        ExtractionStage stage = new ExtractionStage(store);
        assertEquals("data-extraction", stage.id());
        assertFalse(stage.screened());
        assertEquals(1100, stage.order(), "after the included stage (1000)");
        var outcome = stage.outcome(List.of("r1", "r2", "r3"), Map.of());
        assertEquals(java.util.Set.of("r1", "r2", "r3"), outcome.entered());
        assertEquals(java.util.Set.of("r1"), outcome.passed());
        assertEquals(java.util.Set.of("r2", "r3"), outcome.pending());
        assertEquals(0, outcome.excludedTotal());

        store.set("r2", "CD", "n", List.of("3"));
        store.set("r2", "CD", "design", List.of("cohort"));
        assertEquals(java.util.Set.of("r1", "r2"), stage.outcome(List.of("r1", "r2", "r3"), Map.of()).passed(),
                "one reviewer's complete extraction is enough");

        writeForm(workspace, "{\"fields\": 3}");
        Files.setLastModifiedTime(workspace.resolve("extraction/form.json"),
                FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(java.util.Set.of("r1", "r2", "r3"), stage.outcome(List.of("r1", "r2", "r3"), Map.of())
                .pending(), "with a broken form every study waits");
    }

    /** Closes the store after a block, as the framework does on deactivation. */
    record Closing(ExtractionStore store) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
