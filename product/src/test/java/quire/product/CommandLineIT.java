package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * The command-line contract, end to end through the real launcher, Felix and every bundle: import the seed
 * listing, list, search, export BibTeX that the real bibtex accepts. One workspace, commands in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path workspace;

    @BeforeAll
    static void workspace() {
        workspace = dir.resolve("W");
    }

    private static Result quire(String... args) throws IOException, InterruptedException {
        String[] full = new String[args.length + 2];
        full[0] = "--workspace";
        full[1] = workspace.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return Distribution.run(dir.resolve("home"), full);
    }

    @Test
    @Order(1)
    void importingTheSeedListingReportsFiftyRecordsAndNoErrors() throws Exception {
        Result result = quire("import", Distribution.SEED_LISTING.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("50 records imported (format listing)"), result::toString);
        assertTrue(result.out().contains(" 0 errors"), result::toString);

        Result again = quire("import", Distribution.SEED_LISTING.toString());
        assertTrue(again.out().contains("0 records imported (format listing), 50 already in the library"),
                again::toString);
    }

    @Test
    @Order(2)
    void listGivesFiftyReferencesSplitCorrectly() throws Exception {
        Result result = quire("list", "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode list = JSON.readTree(result.out());
        assertEquals(50, list.size());
        JsonNode first = list.get(0);
        assertEquals("Old Habits Die Hard: How Conversational History Geometrically Traps LLMs",
                first.get("title").asText());
        assertEquals(List.of("Simhi/Adi", "Barez/Fazl", "Tutek/Martin"), names(first));
        assertTrue(first.get("authorsTruncated").asBoolean());
        assertEquals("preprint", first.get("type").asText());
        for (String field : List.of("id", "type", "title", "authors", "year", "doi", "arxiv", "abstract")) {
            assertTrue(first.has(field), "every reference has " + field);
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode reference : list) {
            ids.add(reference.get("id").asText());
            assertFalse(reference.get("authors").isEmpty(), reference::toString);
            // a title never swallows the start of a first name: no "LLMsAdi"-style join left over
            assertFalse(reference.get("title").asText().matches(".*\\p{Ll}\\p{Lu}\\p{Ll}+$"), reference::toString);
        }
        assertEquals(50, ids.size(), "ids are unique");
    }

    private static List<String> names(JsonNode reference) {
        return java.util.stream.StreamSupport.stream(reference.get("authors").spliterator(), false)
                .map(a -> a.get("family").asText() + "/" + a.get("given").asText()).toList();
    }

    @Test
    @Order(3)
    void searchRanksInterpretabilityPapersByScore() throws Exception {
        Result result = quire("search", "interpretability", "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode hits = JSON.readTree(result.out());
        assertTrue(hits.size() >= 5, "the listing has many interpretability papers: " + hits.size());
        double previous = Double.MAX_VALUE;
        for (JsonNode hit : hits) {
            double score = hit.get("score").asDouble();
            assertTrue(score <= previous, "ranked by score");
            previous = score;
            String text = (hit.get("title").asText() + " " + hit.path("abstract").asText()).toLowerCase(Locale.ROOT);
            assertTrue(text.contains("interpret"), "every hit is about interpretation: " + hit.get("title"));
        }
        assertTrue(hits.get(0).get("title").asText().toLowerCase(Locale.ROOT).contains("interpretab"),
                "the best hit has the word in its title: " + hits.get(0).get("title"));

        Result byAuthor = quire("search", "author:barez", "--format", "json", "--limit", "100");
        assertEquals(0, byAuthor.exitCode(), byAuthor::toString);
        JsonNode barez = JSON.readTree(byAuthor.out());
        assertTrue(barez.size() >= 20, "Fazl Barez is on most of the listing: " + barez.size());
        for (JsonNode hit : barez) {
            assertTrue(names(hit).stream().anyMatch(n -> n.startsWith("Barez/")), hit::toString);
        }
    }

    @Test
    @Order(3)
    void prefixesYearRangesFacetsAndHighlightsWorkOnTheSeeds() throws Exception {
        Result result = quire("search", "title:interpretab* AND year:2023..2025", "--facets", "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode answer = JSON.readTree(result.out());
        JsonNode hits = answer.get("hits");
        assertEquals(answer.get("total").asInt(), hits.size());
        assertTrue(hits.size() >= 2, result::toString);
        for (JsonNode hit : hits) {
            int year = hit.get("year").asInt();
            assertTrue(year >= 2023 && year <= 2025, hit::toString);
            assertTrue(hit.get("title").asText().toLowerCase(Locale.ROOT).contains("interpretab"), hit::toString);
            assertTrue(hit.get("highlights").get("title").asText().contains("<mark>Interpretab"), hit::toString);
        }
        long counted = 0;
        for (JsonNode year : answer.get("facets").get("year")) {
            counted += year.get("count").asLong();
        }
        assertEquals(hits.size(), counted, "the year facet counts every hit once");
    }

    @Test
    @Order(4)
    void aBadQueryIsAUsageErrorThatPointsAtThePosition() throws Exception {
        Result result = quire("search", "title:(unclosed");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("bad query"), result::toString);
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result.err());
    }

    @Test
    @Order(5)
    void exportWritesBibtexThatTheRealBibtexAccepts() throws Exception {
        Path bib = dir.resolve("out.bib");
        Result result = quire("export", "--format", "bibtex", "-o", bib.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String text = Files.readString(bib);
        Matcher keys = Pattern.compile("(?m)^@\\w+\\{([^,]+),").matcher(text);
        Set<String> unique = new HashSet<>();
        int entries = 0;
        while (keys.find()) {
            entries++;
            unique.add(keys.group(1));
        }
        assertEquals(50, entries, "50 entries");
        assertEquals(50, unique.size(), "unique keys");

        // the real BibTeX, with plain.bst, over an .aux that cites everything (what \nocite{*} writes)
        Files.writeString(dir.resolve("paper.aux"), "\\citation{*}\n\\bibstyle{plain}\n\\bibdata{out}\n");
        Process bibtex = new ProcessBuilder("bibtex", "paper").directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String log = new String(bibtex.getInputStream().readAllBytes());
        assertTrue(bibtex.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, bibtex.exitValue(), "bibtex output:\n" + log);
        assertFalse(log.contains("error message"), log);
        String bbl = Files.readString(dir.resolve("paper.bbl"));
        assertEquals(50, bbl.split("\\\\bibitem", -1).length - 1, "one \\bibitem per entry");

        Result toStdout = quire("export", "--format", "bibtex", "--query", "author:barez");
        assertEquals(0, toStdout.exitCode(), toStdout::toString);
        assertTrue(toStdout.out().startsWith("@"), toStdout::toString);
        assertTrue(toStdout.out().contains("Barez, Fazl"), "authors as Family, Given");
    }

    @Test
    @Order(6)
    void mistakesGetOneLineAndExitCodeTwo() throws Exception {
        for (List<String> args : List.of(List.of("frobnicate"), List.of("import", dir.resolve("missing.ris").toString()),
                List.of("list", "--format", "xml"), List.of("search", "x", "--limit", "none"),
                List.of("export", "--format", "nosuch"), List.of("--nosuchoption", "list"))) {
            Result result = quire(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), args + " -> " + result);
            List<String> lines = result.err().lines()
                    .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
            assertTrue(lines.size() <= 2 && lines.get(0).startsWith("quire"), args + " -> " + result);
            assertFalse(result.err().contains("Exception"), args + " -> " + result);
        }
    }

    @Test
    @Order(7)
    void bundlesAreAllActiveAndFragmentsResolved() throws Exception {
        Result result = quire("bundles", "--format", "json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode bundles = JSON.readTree(result.out());
        Set<String> names = new HashSet<>();
        for (JsonNode bundle : bundles) {
            names.add(bundle.get("symbolicName").asText());
            String expected = bundle.get("fragment").asBoolean() ? "RESOLVED" : "ACTIVE";
            assertEquals(expected, bundle.get("state").asText(), bundle::toString);
        }
        assertTrue(names.containsAll(Set.of("quire.api", "quire.store", "quire.index", "quire.importing",
                "quire.importer.listing", "quire.export.bibtex", "quire.cli", "quire.ui", "org.apache.felix.scr",
                "org.apache.felix.configadmin", "org.apache.felix.eventadmin", "org.apache.felix.fileinstall",
                "org.apache.felix.gogo.shell", "org.eclipse.swt.gtk.linux.x86_64")), names::toString);
    }
}
