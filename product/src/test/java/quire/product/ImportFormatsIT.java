package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * Every importer through the real product: the seeds folder, and the real-world fixtures of other tools (the copies
 * each importer bundle keeps in its test resources), each with the count its producing tool shows.
 */
class ImportFormatsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records per fixture, as the tool that wrote it (or its project's own tests) counts them. */
    static final Map<String, Integer> FIXTURE_COUNTS = Map.ofEntries(
            Map.entry("jabref_NbibImporterTest.nbib", 1),
            Map.entry("jabref_MedlinePlainImporterTestMultipleEntries.txt", 7), // JabRef's test expects 7
            Map.entry("jabref_MedlineImporterTestMathML.xml", 1),
            Map.entry("jabref_EndnoteXmlImporterTestLabelAndMultiTitle.xml", 3),
            Map.entry("bbt_export_date-forms_360_811.csl.json", 15),
            Map.entry("jabref_RisImporterTestScopus.ris", 1),
            Map.entry("jabref_RisImporterCorrupted.ris", 1),
            Map.entry("asreview_scopus_ris_issue_1099.ris", 7),
            Map.entry("asreview_faulty_year.ris", 1),
            Map.entry("asreview_embase.csv", 6),
            Map.entry("jabref_bibWithMixedContent.bib", 1),
            Map.entry("bbt_import_percent-sign-and-preamble_95_96.bib", 1),
            Map.entry("bbt_import_literal-names.bib", 1),
            Map.entry("bbt_import_round-paren-delimiters_871.bib", 1),
            Map.entry("bbt_import_math-markup_472.bib", 2));

    @TempDir
    Path dir;

    @Test
    void theSeedsFolderImportsAllThreeSeeds() throws Exception {
        Result result = Distribution.run(dir, "--workspace", dir.resolve("W").toString(), "import",
                Distribution.REPO.resolve("seeds").toString(), "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode reports = JSON.readTree(result.out());
        assertEquals(3, reports.size(), result::toString);
        Map<String, JsonNode> byFile = new HashMap<>();
        reports.forEach(r -> byFile.put(Path.of(r.get("file").asText()).getFileName().toString(), r));
        assertEquals("clipping", byFile.get("000_5a5e5f112a7bccbb.txt").get("format").asText());
        assertEquals("clipping", byFile.get("001_09942ac7afc6c8cc.txt").get("format").asText());
        assertEquals("listing", byFile.get("002_b89f686bb3a49483.txt").get("format").asText());
        assertEquals(50, byFile.get("002_b89f686bb3a49483.txt").get("imported").asInt());
        assertEquals(21, byFile.get("000_5a5e5f112a7bccbb.txt").get("imported").asInt());
        assertEquals(36, byFile.get("001_09942ac7afc6c8cc.txt").get("imported").asInt());
        reports.forEach(r -> assertEquals(0, r.get("errors").asInt(), r::toString));

        Result list = Distribution.run(dir, "--workspace", dir.resolve("W").toString(), "list", "--format", "json");
        JsonNode references = JSON.readTree(list.out());
        assertEquals(107, references.size());
        long newsletters = 0;
        for (JsonNode reference : references) {
            String text = reference.get("title").asText() + " " + reference.path("abstract").asText();
            for (String chrome : new String[] {"Sign in", "No posts", "Conversation starters", "No comments yet",
                    "Knowledge Map", "<a href"}) {
                assertFalse(text.contains(chrome), chrome + " leaked into " + reference);
            }
            if (reference.get("type").asText().equals("newsletter")) {
                newsletters++;
                assertTrue(reference.get("title").asText().startsWith("ML Safety Newsletter #"), reference::toString);
            }
        }
        assertEquals(2, newsletters);
    }

    @Test
    void aBrokenRecordInTheMiddleIsReportedByLineAndTheOthersAreImported() throws Exception {
        Path bib = dir.resolve("broken.bib");
        Files.writeString(bib, """
                @article{first2020,
                  author = {Doe, Jane},
                  title = {The First Paper},
                  year = {2020}
                }

                @article{broken2021,
                  author = {Roe, Richard},
                  title = {An unclosed {brace in the title,
                  year = {2021}

                @article{third2022,
                  author = {Poe, Edgar},
                  title = {The Third Paper},
                  year = {2022}
                }
                """);
        Result result = Distribution.run(dir, "--workspace", dir.resolve("B").toString(), "import", bib.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("2 records imported (format bibtex)"), result::toString);
        assertTrue(result.out().contains("1 errors"), result::toString);
        // the unclosed brace of the title, line 9 column 24
        assertTrue(result.err().lines().anyMatch(l -> l.contains("broken.bib:9:24: error: unbalanced braces")),
                result::toString);
        Result list = Distribution.run(dir, "--workspace", dir.resolve("B").toString(), "list");
        assertTrue(list.out().contains("The First Paper") && list.out().contains("The Third Paper"), list::toString);
    }

    @Test
    void everyRealWorldFixtureImportsWithItsToolsCount() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        try (Stream<Path> files = Files.walk(Distribution.REPO.resolve("bundles"))) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("fixtures"))
                    .filter(f -> f.toString().contains("src/test/resources"))
                    .filter(f -> FIXTURE_COUNTS.containsKey(f.getFileName().toString())).toList()) {
                Path target = fixtures.resolve(file.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
        Result result = Distribution.run(dir, "--workspace", dir.resolve("F").toString(), "import",
                fixtures.toString(), "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode reports = JSON.readTree(result.out());
        assertEquals(FIXTURE_COUNTS.size(), reports.size(), "every fixture found and imported: " + result);
        for (JsonNode report : reports) {
            String name = Path.of(report.get("file").asText()).getFileName().toString();
            assertEquals(FIXTURE_COUNTS.get(name), report.get("imported").asInt(), report::toString);
        }
    }
}
