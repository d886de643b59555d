package quire.example.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quire.api.model.Reference;

class CsvTest {

    @Test
    void quotesFieldsAsRfc4180Says() {
        assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\",\" padded\",\r\n",
                Csv.of(List.of(List.of("plain", "a, b", "say \"hi\"", "two\nlines", "cr\rlf", " padded", ""))));
        assertEquals("a,b\r\nc,d\r\n", Csv.of(List.of(List.of("a", "b"), List.of("c", "d"))));
    }

    @Test
    void oneRowPerStudyAndReviewerWithAColumnPerField() throws Exception {
        ExtractionForm form = FormReader.read("form.json", ExtractionStoreTest.FORM.getBytes());
        Reference smith = Reference.builder().id("r1").title("Aspirin, \"again\"")
                .field("citationKey", "smith2024aspirin").build();
        Reference jones = Reference.builder().id("r2").title("Nothing yet").build();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        List<Extraction> extractions = List.of(
                new Extraction("r1", "CD", at, Map.of("design", List.of("cohort"))),
                new Extraction("r1", "AB", at, Map.of("design", List.of("RCT"), "n", List.of("120"),
                        "outcomes", List.of("death", "pain, severe"), "notes", List.of("see\ntable 2"))),
                new Extraction("r9", "AB", at, Map.of("design", List.of("RCT"))));
        String csv = Csv.of(ExtractionTable.rows(form, List.of(smith, jones), extractions));
        assertEquals("study,citation_key,title,reviewer,design,n,age,outcomes,blinded,notes\r\n"
                + "r1,smith2024aspirin,\"Aspirin, \"\"again\"\"\",AB,RCT,120,,\"death; pain, severe\",,"
                + "\"see\ntable 2\"\r\n"
                + "r1,smith2024aspirin,\"Aspirin, \"\"again\"\"\",CD,cohort,,,,,\r\n"
                + "r2,,Nothing yet,,,,,,,\r\n", csv);
    }
}
