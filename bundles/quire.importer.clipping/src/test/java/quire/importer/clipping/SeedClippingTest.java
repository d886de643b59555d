package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.model.Identifiers;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Reads the two real clippings in {@code seeds/} and checks them against counts made by reading the files.
 *
 * <p>Seed 000 (ML Safety Newsletter #7, 88 lines):
 * <ul>
 * <li>items: 9 paragraphs closed by a line {@code [Link]} (lines 15, 18, 21, 29, 34, 42, 50, 55, 58) and 4 bullets
 * {@code - [Link] ...} (lines 22, 43, 51, 52): 13 notes;</li>
 * <li>arXiv announcements: 4 lines {@code arXiv:... Announce Type: new} (67, 69, 71, 80), titles on 66 (after the
 * glued tags "modelsafetyemergent"), 68, 70, 79;</li>
 * <li>news links: 2 raw {@code <a href>} lines (77, 84), both "Anthropic Dials Back AI Safety Commitments" from
 * WSJ with different addresses; plus 1 teaser without a link (81-82, "The deep-tech founder ...");</li>
 * <li>total: 1 issue + 13 + 4 + 2 + 1 = 21 records.</li>
 * </ul>
 *
 * <p>Seed 001 (ML Safety Newsletter #4, 74 lines):
 * <ul>
 * <li>items: 4 paragraphs closed by a marker line (13 {@code [Paper] [Video]}, 22, 25, 37), 22 bullets
 * {@code - [Link] ...} (14-19, 26-35, 38-43; line 16 has {@code [Link 1] [Link 2]}), and 2 paragraphs whose links
 * the clipping lost, before "No posts" (44 subreddit, 45 lecture series): 28 notes;</li>
 * <li>arXiv announcements: none; 1 Hugging Face paper teaser (57-58, "OptiMer ...", no arXiv id);</li>
 * <li>news links: 6 raw {@code <a href>} lines (54, 56, 64, 66, 68, 70);</li>
 * <li>total: 1 + 28 + 1 + 6 = 36 records.</li>
 * </ul>
 */
class SeedClippingTest {

    static final Path SEEDS = Path.of(System.getProperty("user.dir")).resolve("../../seeds").normalize();
    static final Path SEED_7 = SEEDS.resolve("000_5a5e5f112a7bccbb.txt");
    static final Path SEED_4 = SEEDS.resolve("001_09942ac7afc6c8cc.txt");

    static final String TITLE_7 = "ML Safety Newsletter #7: Making model dishonesty harder, making grokking more "
            + "interpretable, an example of an emergent internal optimizer";
    static final String TITLE_4 = "ML Safety Newsletter #4: Many New Interpretability Papers, Virtual Logit "
            + "Matching, Rationalization Helps Robustness";

    static final List<String> CHROME = List.of("Sign in", "No posts", "Conversation starters", "No comments yet",
            "Knowledge Map", "<a href", "Subscribe", "<font", "More about", "Daily AI Digest", "Discussion",
            "More in Frontier Research", "Connected Articles", "[Link]", "Get the top 5 AI stories");

    private static CollectingSink seven;
    private static CollectingSink four;

    @BeforeAll
    static void readSeeds() throws IOException {
        seven = read(SEED_7);
        four = read(SEED_4);
    }

    static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new ClippingImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    @Test
    void issue7() {
        assertEquals(List.of(), seven.problems);
        Reference issue = seven.references.getFirst();
        assertEquals(ReferenceType.NEWSLETTER, issue.type());
        assertEquals(TITLE_7, issue.title());
        assertEquals(Optional.of("ML Safety Newsletter"), issue.venue());
        assertEquals(Optional.of("7"), issue.issue());
        assertEquals(Optional.empty(), issue.issued()); // the page prints no date
        assertEquals(Optional.empty(), issue.url()); // nor its address
        String intro = issue.abstractText().orElseThrow();
        assertTrue(intro.startsWith("Welcome to the 7th issue of the ML Safety Newsletter! In this edition, we cover:"
                + "\n- ‘Lie detection’ for language models\n"), intro);
        assertTrue(intro.endsWith("\n- And much more…"), intro);
        assertEquals(List.of(Provenance.of("000_5a5e5f112a7bccbb.txt", "clipping", 0, 1)), issue.provenance());
    }

    @Test
    void issue4() {
        assertEquals(List.of(), four.problems);
        Reference issue = four.references.getFirst();
        assertEquals(ReferenceType.NEWSLETTER, issue.type());
        assertEquals(TITLE_4, issue.title());
        assertEquals(Optional.of("ML Safety Newsletter"), issue.venue());
        assertEquals(Optional.of("4"), issue.issue());
        assertTrue(issue.abstractText().orElseThrow().startsWith("Welcome to the 4th issue of the ML Safety "
                + "Newsletter. In this edition, we cover:\n- How “model-based optimization” environments"));
        assertTrue(issue.abstractText().orElseThrow().endsWith("\n- ... and much more."));
    }

    @Test
    void countsOfIssue7() {
        assertEquals(1, seven.ofType(ReferenceType.NEWSLETTER).size());
        assertEquals(13, seven.ofType(ReferenceType.NOTE).size());
        assertEquals(4, arxivPreprints(seven).size());
        assertEquals(4, seven.ofType(ReferenceType.PREPRINT).size());
        assertEquals(2, newsLinks(seven).size());
        assertEquals(3, seven.ofType(ReferenceType.WEBPAGE).size()); // the 2 links and the teaser without one
        assertEquals(21, seven.references.size());
    }

    @Test
    void countsOfIssue4() {
        assertEquals(1, four.ofType(ReferenceType.NEWSLETTER).size());
        assertEquals(28, four.ofType(ReferenceType.NOTE).size());
        assertEquals(0, arxivPreprints(four).size());
        assertEquals(1, four.ofType(ReferenceType.PREPRINT).size()); // the Hugging Face paper
        assertEquals(6, newsLinks(four).size());
        assertEquals(6, four.ofType(ReferenceType.WEBPAGE).size());
        assertEquals(36, four.references.size());
    }

    /** The counts above, made again from the raw lines with patterns independent of the parser. */
    @Test
    void countsAgreeWithTheRawLines() throws IOException {
        for (Map.Entry<Path, CollectingSink> seed : Map.of(SEED_7, seven, SEED_4, four).entrySet()) {
            List<String> lines = Files.readAllLines(seed.getKey(), StandardCharsets.UTF_8);
            long markerLines = lines.stream().filter(l -> l.matches("^(\\[\\w+( \\d)?\\] ?)+$")).count();
            long bullets = lines.stream().filter(l -> l.startsWith("- [Link")).count();
            long announcements = lines.stream().filter(l -> l.startsWith("arXiv:")).count();
            long anchors = lines.stream().filter(l -> l.startsWith("<a href=")).count();
            CollectingSink sink = seed.getValue();
            int unmarked = seed.getKey().equals(SEED_4) ? 2 : 0; // lines 44 and 45 of seed 001
            assertEquals(markerLines + bullets + unmarked, sink.ofType(ReferenceType.NOTE).size(), seed.getKey()
                    .toString());
            assertEquals(announcements, arxivPreprints(sink).size());
            assertEquals(anchors, newsLinks(sink).size());
        }
    }

    @Test
    void arxivAnnouncementsOfIssue7() {
        List<Reference> preprints = arxivPreprints(seven);
        assertEquals(List.of("2603.29957", "2603.30040", "2603.29919", "2603.29239"),
                preprints.stream().map(r -> r.arxivId().orElseThrow()).toList());
        assertEquals(List.of("Think Anywhere in Code Generation",
                "Automatic Identification of Parallelizable Loops Using Transformer-Based Source Code Representations",
                "SkillReducer: Optimizing LLM Agent Skills for Token Efficiency", "Diffusion Mental Averages"),
                preprints.stream().map(Reference::title).toList());
        for (Reference p : preprints) {
            assertEquals(Identifiers.arxiv(p.arxivId().orElseThrow()), p.arxivId()); // valid, without version
            assertEquals(Optional.of("arXiv"), p.venue());
            assertEquals(List.of(), p.authors()); // the page prints none
            assertFalse(p.abstractText().orElseThrow().contains("Announce Type"));
        }
        assertTrue(preprints.getFirst().abstractText().orElseThrow().startsWith("Recent advances in reasoning Large"));
        assertEquals(66, preprints.getFirst().provenance().getFirst().line());
        assertEquals(79, preprints.getLast().provenance().getFirst().line());
    }

    @Test
    void newsLinks() {
        List<Reference> links7 = newsLinks(seven);
        assertEquals(List.of("Anthropic Dials Back AI Safety Commitments", "Anthropic Dials Back AI Safety Commitments"),
                links7.stream().map(Reference::title).toList());
        assertEquals(List.of(76, 83), links7.stream().map(r -> r.provenance().getFirst().line()).toList());
        List<Reference> links4 = newsLinks(four);
        assertEquals(List.of("WSJ", "The Star", "Yahoo Autos", "Discovery Alert", "Microsoft", "Yahoo Finance"),
                links4.stream().map(r -> r.field("outlet").orElseThrow()).toList());
        assertEquals(links4.stream().map(r -> r.field("outlet")).toList(),
                links4.stream().map(Reference::venue).toList());
        assertEquals("Allosteric Bioscience, Inc. Targets Optimizing Aging and Longevity: Quantum Computing, "
                + "Advanced AI, Genomics", links4.getLast().title());
        for (Reference link : concat(links7, links4)) {
            assertTrue(link.url().orElseThrow().startsWith("https://news.google.com/rss/articles/CBMi"));
            assertTrue(link.url().orElseThrow().endsWith("?oc=5"));
        }
    }

    @Test
    void teasers() {
        Reference founder = seven.ofType(ReferenceType.WEBPAGE).stream().filter(r -> r.url().isEmpty())
                .findFirst().orElseThrow();
        assertEquals("The deep-tech founder leveraging AI to address challenges in immunology", founder.title());
        assertEquals(Optional.of("Camille Bouget discusses how artificial intelligence is impacting innovation in the "
                + "treatment of diseases affecting the immune system."), founder.abstractText());
        Reference optimer = four.ofType(ReferenceType.PREPRINT).getFirst();
        assertEquals("OptiMer: Optimal Distribution Vector Merging Is Better than Data Mixing for Continual "
                + "Pre-Training", optimer.title());
        assertEquals(Optional.of("1"), optimer.field("upvotes"));
        assertFalse(optimer.abstractText().orElseThrow().contains("upvotes"));
    }

    @Test
    void itemsOfIssue7() {
        List<Reference> notes = seven.ofType(ReferenceType.NOTE);
        assertEquals(List.of("Is it possible to design ‘lie detectors’ for language models?",
                "Many AI systems optimize user choices",
                "Especially since the rise of large language models, in-context learning has become increasingly "
                        + "important",
                "The first examination of model honesty in a multimodal context",
                "It would be convenient if each neuron activation in a network corresponded to an individual concept",
                "Grokking is where “models generalize long after overfitting their training set.”",
                "Quick background: trojans (also called ‘backdoors’) are vulnerabilities planted in models that "
                        + "make them fail when a specific trigger is present",
                "OpenOOD: a comprehensive OOD detection benchmark that implements over 30 methods and supports nine "
                        + "existing datasets",
                "Modifying a single character or a word can cause a text classifier to fail",
                "Improves certified adversarial robustness by combining the speed of interval-bound propagation "
                        + "with the generality of cutting plane methods",
                "Increases OOD robustness by removing corruptions with diffusion models",
                "Many cultures developed rules restricting food, clothing, or language that are difficult to explain",
                "The ML Safety course"), notes.stream().map(Reference::title).toList());
        assertEquals(List.of(11, 16, 19, 22, 23, 30, 35, 43, 44, 51, 52, 53, 56),
                notes.stream().map(r -> r.provenance().getFirst().line()).toList());
        Reference lies = notes.getFirst();
        String text = lies.abstractText().orElseThrow();
        assertTrue(text.startsWith("Is it possible to design ‘lie detectors’ for language models? The author"));
        assertTrue(text.endsWith("including Diplomacy and Werewolf."));
        assertEquals(4, text.lines().count()); // lines 11-14; the marker on 15 is not text
        // the paper quoted with its year is one the item cites, kept apart from the item's own title
        assertEquals(Optional.of("Man is to Computer Programmer as Woman is to Homemaker? Debiasing Word Embeddings "
                + "(2016)"), lies.field("cites"));
        // the list inside an item stays in it
        assertTrue(notes.get(4).abstractText().orElseThrow().contains("\n- Superposition is an observed empirical "
                + "phenomenon.\n"));
    }

    @Test
    void itemsOfIssue4() {
        List<Reference> notes = four.ofType(ReferenceType.NOTE);
        assertEquals("Functions without a smoothness prior can result in solutions that maximize a proxy but not the "
                + "true objective", notes.getFirst().title());
        assertTrue(notes.getFirst().abstractText().orElseThrow().endsWith("less gameable proxies."));
        // a bullet that gives the paper's title before a quotation from it
        assertEquals("Why we need biased AI -- How including cognitive and ethical machine biases can enhance AI "
                + "systems", notes.get(1).title());
        assertEquals("Single-Turn Debate Does Not Help Humans Answer Hard Reading-Comprehension Questions",
                notes.get(6).title());
        assertEquals("Single-Turn Debate Does Not Help Humans Answer Hard Reading-Comprehension Questions: “We do not "
                + "find that explanations in our set-up improve human accuracy”", notes.get(6).abstractText()
                .orElseThrow());
        // a bullet that is only a quotation
        assertEquals("comprehensive comparison of these provably safe RL methods", notes.get(4).title());
        // "[Link 1] [Link 2]": both markers go, the text stays
        assertEquals(Optional.of("Examples of inverse scaling or anticorrelated capabilities: perceptual similarity "
                + "performance does not monotonically increase with classification accuracy"),
                notes.get(3).abstractText());
        // too long for a title: cut before the arrow, outside the parenthesis
        assertEquals("An interpretability benchmark: controllably generate trainable examples under arbitrary biases "
                + "(shape, color, etc)", notes.get(13).title());
        assertEquals("We now have a subreddit!", notes.get(26).title());
        assertEquals(44, notes.get(26).provenance().getFirst().line());
        assertEquals("A lecture series on social and ethical considerations of advanced AI", notes.get(27).title());
        assertEquals(45, notes.get(27).provenance().getFirst().line());
    }

    @Test
    void everyNoteIsPartOfItsIssue() {
        for (CollectingSink sink : List.of(seven, four)) {
            String issue = sink.references.getFirst().title();
            for (Reference note : sink.ofType(ReferenceType.NOTE)) {
                assertEquals(Optional.of(issue), note.field("partOf"), note.title());
                assertEquals(Optional.of(issue), note.venue(), note.title());
                assertTrue(note.abstractText().isPresent(), note.title());
            }
        }
    }

    @Test
    void titlesAreShortAndWhole() {
        for (Reference r : concat(seven.references, four.references)) {
            assertFalse(r.title().isBlank(), r.toString());
            if (r.type() == ReferenceType.NOTE) {
                assertTrue(r.title().length() <= ItemTitle.MAX_LENGTH, r.title());
                assertFalse(r.title().endsWith("."), r.title());
                assertFalse(r.title().startsWith("- ") || r.title().startsWith("["), r.title());
            }
        }
    }

    @Test
    void noChromeInAnyRecord() {
        for (Reference r : concat(seven.references, four.references)) {
            for (String phrase : CHROME) {
                assertFalse(r.title().contains(phrase), () -> phrase + " in title " + r.title());
                assertFalse(r.abstractText().orElse("").contains(phrase), () -> phrase + " in abstract of " + r.title());
                assertFalse(r.venue().orElse("").contains(phrase), () -> phrase + " in venue of " + r.title());
            }
            // the topic tags the page glues after "More about"
            assertFalse(r.title().startsWith("modelsafety") || r.title().startsWith("safetyinterpretability"));
        }
    }

    @Test
    void provenanceInPageOrder() {
        for (CollectingSink sink : List.of(seven, four)) {
            int previousLine = 0;
            for (int i = 0; i < sink.references.size(); i++) {
                Provenance p = sink.references.get(i).provenance().getFirst();
                assertEquals(i, p.position());
                assertEquals("clipping", p.format());
                assertTrue(p.line() > previousLine, "line " + p.line() + " after " + previousLine);
                previousLine = p.line();
                assertEquals("", sink.references.get(i).id());
            }
        }
    }

    @Test
    void theListingSeedIsNotAClipping() throws IOException {
        Path listing = SEEDS.resolve("002_b89f686bb3a49483.txt");
        assertFalse(new ClippingImporter().recognises(listing.getFileName().toString(), head(listing)));
        assertTrue(new ClippingImporter().recognises(SEED_7.getFileName().toString(), head(SEED_7)));
        assertTrue(new ClippingImporter().recognises(SEED_4.getFileName().toString(), head(SEED_4)));
    }

    static String head(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
        return Pattern.compile("^\uFEFF").matcher(text).replaceFirst("");
    }

    private static List<Reference> arxivPreprints(CollectingSink sink) {
        return sink.ofType(ReferenceType.PREPRINT).stream().filter(r -> r.arxivId().isPresent()).toList();
    }

    private static List<Reference> newsLinks(CollectingSink sink) {
        return sink.ofType(ReferenceType.WEBPAGE).stream().filter(r -> r.url().isPresent()).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
