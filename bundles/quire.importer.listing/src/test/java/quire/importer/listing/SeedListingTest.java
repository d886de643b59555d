package quire.importer.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.model.DatePrecision;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** Reads the real seed listing, 50 records, and checks every one of them. */
class SeedListingTest {

    static final Path SEED = Path.of(System.getProperty("user.dir"))
            .resolve("../../seeds/002_b89f686bb3a49483.txt").normalize();
    private static final int YEAR = 2025;

    private static CollectingSink sink;
    private static List<String> bylines;

    @BeforeAll
    static void readSeed() throws IOException {
        sink = new CollectingSink();
        new ListingImporter(0).read(ImportSource.ofUtf8File(SEED, new ImportOptions(Map.of(ListingImporter.YEAR_OPTION, Integer.toString(YEAR)))), sink);
        // Line 2 of each record, read independently of the parser: every third non-blank line from the second.
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        bylines = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 3) {
            bylines.add(lines.get(i).strip());
        }
    }

    @Test
    void readsAllFiftyRecordsWithoutProblems() {
        assertEquals(List.of(), sink.problems);
        assertEquals(50, sink.references.size());
        assertEquals(50, bylines.size());
    }

    @Test
    void firstRecordInFull() {
        Reference first = sink.references.getFirst();
        assertEquals(ReferenceType.PREPRINT, first.type());
        assertEquals("Old Habits Die Hard: How Conversational History Geometrically Traps LLMs", first.title());
        assertEquals(List.of(Person.of("Simhi", "Adi"), Person.of("Barez", "Fazl"), Person.of("Tutek", "Martin")),
                first.authors());
        assertTrue(first.authorsTruncated());
        assertEquals(Optional.of(IssuedDate.ofDay(YEAR, 5, 17).asInferred()), first.issued());
        assertTrue(first.issued().orElseThrow().inferred());
        assertEquals(DatePrecision.DAY, first.issued().orElseThrow().precision());
        assertEquals(Optional.of("arXiv"), first.venue());
        assertEquals(Map.of("arxivCategory", "cs.CL", "relevance", "93.1", "code", "true"), first.fields());
        assertTrue(first.abstractText().orElseThrow().startsWith("How does the conversational past"));
        assertTrue(first.abstractText().orElseThrow().endsWith("OldHabitsDieHard."));
        assertEquals(List.of(), first.keywords());
        assertEquals(List.of(Provenance.of("002_b89f686bb3a49483.txt", "listing", 0, 1)), first.provenance());
        assertEquals("", first.id());
    }

    @Test
    void provenancePointsAtEachHeader() {
        for (int i = 0; i < sink.references.size(); i++) {
            Provenance p = sink.references.get(i).provenance().getFirst();
            assertEquals(i, p.position());
            assertEquals(3 * i + 1, p.line(), "the seed has no blank lines, so record i starts on line 3i+1");
        }
    }

    /** A hard case: the title, the authors as "given|family", and whether "et al." followed. */
    private record Case(String title, List<String> authors, boolean truncated) {
    }

    @Test
    void hardCasesSplitCorrectly() {
        List<Case> cases = List.of(
                new Case("Fairness in AI and Its Long-Term Implications on Society",
                        List.of("Ondrej|Bohdal", "Timothy|Hospedales", "Philip H. S.|Torr"), true),
                new Case("Full-Stack Alignment: Co-Aligning AI and Institutions with Thick Models of Value",
                        List.of("Joe|Edelman", "Tan|Zhi-Xuan", "Ryan|Lowe"), true),
                new Case("Same Answer, Different Representations: Hidden instability in VLMs",
                        List.of("Farooq Ahmad|Wani", "Alessandro|Suglia", "Rohit|Saxena"), true),
                new Case("Trust Me, I'm Wrong: LLMs Hallucinate with Certainty Despite Knowing the Answer",
                        List.of("Adi|Simhi", "Itay|Itzhak", "Fazl|Barez"), true),
                new Case("AILuminate: Introducing v1.0 of the AI Risk and Reliability Benchmark from MLCommons",
                        List.of("Shaona|Ghosh", "Heather|Frase", "Adina|Williams"), true),
                new Case("Large Language Models Relearn Removed Concepts",
                        List.of("Michelle|Lo", "Shay B.|Cohen", "Fazl|Barez"), false),
                new Case("VAL-Bench: Measuring Value Alignment in Language Models",
                        List.of("Aman|Gupta", "Denny|O'Shea", "Fazl|Barez"), false),
                new Case("Query Circuits: Explaining How Language Models Answer User Prompts",
                        List.of("Tung-Yu|Wu", "Fazl|Barez"), false),
                new Case("Sycophancy to Subterfuge: Investigating Reward-Tampering in Large Language Models",
                        List.of("Carson|Denison", "Monte|MacDiarmid", "Fazl|Barez"), true),
                new Case("Jailbreak Defense in a Narrow Domain: Limitations of Existing Methods and a New "
                        + "Transcript-Classifier Approach", List.of("Tony T.|Wang", "John|Hughes", "Henry|Sleight"),
                        true),
                new Case("Near to Mid-term Risks and Opportunities of Open-Source Generative AI",
                        List.of("Francisco|Eiras", "Aleksandar|Petrov", "Bertie|Vidgen"), true),
                new Case("Same Question, Different Words: A Latent Adversarial Framework for Prompt Robustness",
                        List.of("Tingchen|Fu", "Fazl|Barez"), false),
                new Case("Make Mechanistic Interpretability Auditable: A Call to Develop Guidelines via Continuous "
                        + "Collaborative Reviewing",
                        List.of("Michael|Lan", "Narmeen Fatimah|Oozeer", "Chaithanya|Bandi"), true),
                new Case("Precise In-Parameter Concept Erasure in Large Language Models",
                        List.of("Yoav|Gur-Arieh", "Clara|Suslik", "Yihuai|Hong"), true));
        for (Case c : cases) {
            Reference r = byTitle(c.title());
            List<String> authors = r.authors().stream().map(p -> p.given() + "|" + p.family()).toList();
            assertEquals(c.authors(), authors, c.title());
            assertEquals(c.truncated(), r.authorsTruncated(), c.title());
        }
    }

    @Test
    void affiliationsAfterTheDot() {
        Reference ailuminate = byTitle("AILuminate: Introducing v1.0 of the AI Risk and Reliability Benchmark "
                + "from MLCommons");
        assertEquals(Optional.of("deepmind, stanford"), ailuminate.field("affiliations"));
        assertEquals(Optional.of("cs.CY"), ailuminate.field("arxivCategory"));
        Reference singapore = byTitle("The Singapore Consensus on Global AI Safety Research Priorities");
        assertEquals(Optional.of("cmu, mila"), singapore.field("affiliations"));
        assertEquals("Ong", singapore.authors().getLast().family());
        assertEquals(Optional.empty(), sink.references.getFirst().field("affiliations"));
    }

    @Test
    void fullDateIsNotInferred() {
        Reference fairness = sink.references.get(1);
        assertEquals("Fairness in AI and Its Long-Term Implications on Society", fairness.title());
        assertEquals(Optional.of(IssuedDate.ofDay(2023, 4, 16)), fairness.issued());
        assertFalse(fairness.issued().orElseThrow().inferred());
        assertEquals(Optional.empty(), fairness.field("relevance"));
        assertEquals(Optional.empty(), fairness.field("code"));
        assertEquals(Optional.of("cs.CY"), fairness.field("arxivCategory"));
    }

    @Test
    void categoriesAndFlags() {
        assertEquals(Optional.of("cs.MA"), sink.references.get(2).field("arxivCategory"));
        Reference trading = byTitle("Exploring the Advantages of Transformers for High-Frequency Trading");
        assertEquals(Optional.of("q-fin.ST"), trading.field("arxivCategory"));
        Reference bestOfN = byTitle("Best-of-N Jailbreaking");
        assertEquals(Optional.of("true"), bestOfN.field("code"));
        assertEquals(Optional.of(IssuedDate.ofDay(2024, 12, 4)), bestOfN.issued());
        Reference audit = sink.references.get(7);
        assertEquals(Optional.of("82.3"), audit.field("relevance"));
        assertEquals(Optional.of(IssuedDate.ofDay(YEAR, 4, 24).asInferred()), audit.issued());
    }

    private static final Pattern GLUED_FIRST_NAME = Pattern.compile(".*\\p{Ll}\\p{Lu}\\p{Ll}+$");

    @Test
    void everyRecordSplitsPlausibly() {
        for (int i = 0; i < sink.references.size(); i++) {
            Reference r = sink.references.get(i);
            String where = "record " + i + ": " + r.title();
            // No first name left glued to the end of the title ("...AnswerAdi").
            assertFalse(GLUED_FIRST_NAME.matcher(r.title()).matches(), where);
            assertFalse(r.authors().isEmpty(), where);
            for (Person author : r.authors()) {
                assertFalse(author.family().isEmpty(), where);
                assertFalse(author.given().isEmpty(), where + " (every author in the seed has a given name)");
                assertFalse(author.institution(), where);
                // Not a first name cut in two ("A" + "di Simhi"): names start with a capital and a lower-case
                // letter or an initial.
                assertTrue(author.given().matches("\\p{Lu}[\\p{Ll}.].*"), where + ": " + author);
                assertTrue(Character.isUpperCase(author.family().charAt(0)), where + ": " + author);
            }
            // Nothing lost or invented: the parts put back together give line 2 as the file has it.
            String rebuilt = r.title() + String.join(", ", r.authors().stream().map(Person::displayName).toList())
                    + (r.authorsTruncated() ? " et al." : "")
                    + r.field("affiliations").map(a -> " · " + a).orElse("");
            assertEquals(bylines.get(i), rebuilt, where);
            assertTrue(r.abstractText().isPresent(), where);
            assertTrue(r.issued().isPresent(), where);
            assertTrue(r.field("arxivCategory").orElseThrow().matches("(cs|q-fin)\\.[A-Z]{2}"), where);
        }
    }

    private static Reference byTitle(String title) {
        return sink.references.stream().filter(r -> r.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no record titled " + title + "; titles: "
                        + sink.references.stream().map(Reference::title).toList()));
    }
}
