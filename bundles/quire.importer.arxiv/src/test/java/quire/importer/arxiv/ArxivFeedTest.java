package quire.importer.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** Feeds modelled on real arXiv API responses (src/test/resources/feeds), and broken ones. */
class ArxivFeedTest {

    @TempDir
    Path dir;

    private final ArxivAtomImporter importer = new ArxivAtomImporter();

    static Path feed(String name) throws URISyntaxException {
        return Path.of(ArxivFeedTest.class.getResource("/feeds/" + name).toURI());
    }

    private CollectingSink read(Path file, CollectingSink sink) throws IOException {
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    private CollectingSink read(String feedName) throws IOException, URISyntaxException {
        return read(feed(feedName), new CollectingSink());
    }

    private CollectingSink readText(String xml) throws IOException {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return read(file, new CollectingSink());
    }

    @Test
    void modernFeedHasFiveEntriesAndNoProblems() throws Exception {
        CollectingSink sink = read("query_screening.xml");
        assertEquals(5, sink.references.size());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void entryWithAffiliationsCategoriesAndComment() throws Exception {
        Reference r = read("query_screening.xml").references.get(0);
        assertEquals(ReferenceType.PREPRINT, r.type());
        assertEquals("Screening Abstracts with Large Language Models: A Benchmark for Systematic Reviews in "
                + "Software Engineering", r.title());
        assertEquals(Optional.of("2401.01234"), r.arxivId());
        assertEquals(Optional.of("2"), r.field("arxivVersion"));
        assertEquals(List.of(Person.of("Rossi", "Maria"), Person.of("van der Berg", "Jan"), Person.of("Zhang", "Wei")),
                r.authors());
        assertEquals(Optional.of("Maria Rossi: University of Bologna; Jan van der Berg: TU Delft; "
                + "Jan van der Berg: CWI Amsterdam"), r.field("affiliations"));
        assertEquals(Optional.of(IssuedDate.ofDay(2024, 1, 3)), r.issued());
        assertEquals(Optional.of("2024-02-10T09:15:02Z"), r.field("updated"));
        assertEquals(Optional.of("cs.CL"), r.field("arxivCategory"));
        assertEquals(List.of("cs.CL", "cs.AI", "cs.SE"), r.keywords());
        assertEquals(Optional.of("14 pages, 5 figures; v2: added two baselines"), r.field("note"));
        assertEquals(Optional.of("https://arxiv.org/abs/2401.01234v2"), r.url());
        assertEquals(Optional.of("https://arxiv.org/pdf/2401.01234v2"), r.field("pdf"));
        assertEquals(Optional.of("arXiv"), r.venue());
        assertTrue(r.abstractText().orElseThrow().startsWith("Screening titles and abstracts is the most laborious "
                + "stage of a systematic review. We release"));
        assertTrue(r.abstractText().orElseThrow().endsWith("38% of the records on average."));
        assertEquals(Optional.empty(), r.doi());
    }

    @Test
    void provenanceIsArxivWithPositionAndLine() throws Exception {
        CollectingSink sink = read("query_screening.xml");
        var first = sink.references.get(0).provenance().getFirst();
        assertEquals(Optional.of("arXiv"), first.database());
        assertEquals("arxiv-atom", first.format());
        assertEquals("query_screening.xml", first.sourceFile());
        assertEquals(0, first.position());
        assertEquals(10, first.line());
        assertEquals(4, sink.references.get(4).provenance().getFirst().position());
        assertEquals(103, sink.references.get(4).provenance().getFirst().line());
    }

    @Test
    void journalRefAndDoiMakeAnArticle() throws Exception {
        Reference r = read("query_screening.xml").references.get(1);
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals(Optional.of("10.1016/j.jbi.2024.104567"), r.doi());
        assertEquals(Optional.of("Journal of Biomedical Informatics 152 (2024) 104567"), r.field("journalRef"));
        assertEquals(Optional.of("Journal of Biomedical Informatics 152 (2024) 104567"), r.venue());
        assertEquals(List.of(Person.of("Smith Jr.", "Robert"), Person.of("de la Cruz", "Ana")), r.authors());
        assertEquals(Optional.of("1"), r.field("arxivVersion"));
    }

    @Test
    void oldStyleIdsAndJournalRefWithoutDoiStaysAPreprint() throws Exception {
        CollectingSink sink = read("query_screening.xml");
        Reference hep = sink.references.get(2);
        assertEquals(Optional.of("hep-th/9901001"), hep.arxivId());
        assertEquals(Optional.of("1"), hep.field("arxivVersion"));
        assertEquals(ReferenceType.PREPRINT, hep.type());
        assertEquals(Optional.of("Phys.Lett. B450 (1999) 12-18"), hep.venue());
        assertEquals(List.of(Person.of("Kowalski", "A. B.")), hep.authors());
        assertEquals(Optional.of(IssuedDate.ofDay(1999, 1, 4)), hep.issued());

        Reference math = sink.references.get(3);
        assertEquals(Optional.of("math/0309136"), math.arxivId());
        assertEquals(Optional.of("3"), math.field("arxivVersion"));
        assertEquals("Knots, Links and the $\\mathfrak{sl}_2$ Colored Jones Polynomial & Related Invariants",
                math.title());
        assertEquals(List.of(Person.institution("The Knot Atlas Collaboration"), Person.of("Lee", "Sun-Hee")),
                math.authors());
        assertEquals(Optional.of("We study <i>colored</i> Jones polynomials."), math.abstractText());
        assertEquals(List.of("math.GT", "57M25"), math.keywords());
    }

    @Test
    void cdataAndNonAsciiNames() throws Exception {
        Reference r = read("query_screening.xml").references.get(4);
        assertEquals(Optional.of("We propose <b>twelve</b> items for reporting machine-assisted screening."),
                r.abstractText());
        assertEquals(List.of(Person.of("Ødegård", "Ingrid")), r.authors());
    }

    @Test
    void classicFeedWithNamespacesOnEachElement() throws Exception {
        CollectingSink sink = read("query_classic.xml");
        assertEquals(2, sink.references.size());
        Reference survey = sink.references.get(0);
        assertEquals(Optional.of("1905.01234"), survey.arxivId());
        assertEquals(Optional.of("Priya Natarajan: IIT Madras"), survey.field("affiliations"));
        assertEquals(List.of(Person.of("Natarajan", "Priya"), Person.of("O'Brien", "Tomás")), survey.authors());
        assertEquals(Optional.of("Survey, 31 pages"), survey.field("note"));
        assertEquals(Optional.of("cs.IR"), survey.field("arxivCategory"));
        Reference article = sink.references.get(1);
        assertEquals(ReferenceType.ARTICLE, article.type());
        assertEquals(Optional.of("10.1134/s0021364007210011"), article.doi());
        assertEquals(Optional.of("JETP Lett.86:559-561,2008"), article.venue());
        assertEquals(Optional.of(IssuedDate.ofDay(2007, 10, 10)), article.issued());
    }

    @Test
    void aPartialPageIsAWarning() throws Exception {
        CollectingSink sink = read("query_classic.xml");
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        ImportProblem paging = sink.warnings().getFirst();
        assertEquals(0, paging.line());
        assertTrue(paging.message().contains("results 1-2 of the 120"), paging.message());
        assertTrue(paging.message().contains("start=2"), paging.message());
    }

    @Test
    void entryWithoutIdIsAnErrorAndTheOthersAreKept() throws Exception {
        CollectingSink sink = read("broken_entry.xml");
        assertEquals(List.of("First Entry", "Third Entry"), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.problems.size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(15, error.line());
        assertTrue(error.message().contains("no <id>"), error.message());
        assertEquals(2, sink.references.get(1).provenance().getFirst().position());
        assertEquals(Optional.of("4"), sink.references.get(1).field("arxivVersion"));
    }

    @Test
    void apiErrorFeedIsAnErrorWithTheApisMessage() throws Exception {
        CollectingSink sink = read("api_error.xml");
        assertEquals(List.of(), sink.references);
        assertEquals(1, sink.problems.size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(10, error.line());
        assertTrue(error.message().contains("incorrect id format for 1234.12345"), error.message());
    }

    @Test
    void malformedXmlStopsWithItsLineAndKeepsTheEntriesBefore() throws IOException {
        CollectingSink sink = readText("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>http://arxiv.org/abs/2401.00001v1</id><title>Kept</title></entry>
                  <entry><id>http://arxiv.org/abs/2401.00002v1</id><title>Broken</titel></entry>
                  <entry><id>http://arxiv.org/abs/2401.00003v1</id><title>Lost</title></entry>
                </feed>
                """);
        assertEquals(List.of("Kept"), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.problems.size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(4, error.line());
        assertTrue(error.message().startsWith("not well-formed XML"), error.message());
        assertFalse(error.message().contains("ParseError"), error.message());
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET", StandardCharsets.UTF_8);
        CollectingSink sink = readText("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "%s">]>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>http://arxiv.org/abs/2401.00001v1</id><title>&xxe;</title></entry>
                </feed>
                """.formatted(secret.toUri()));
        assertTrue(sink.references.stream().noneMatch(r -> r.title().contains("TOP-SECRET")));
        assertTrue(sink.problems.stream().noneMatch(p -> p.message().contains("TOP-SECRET")));
        assertEquals(1, sink.errors().size());
    }

    @Test
    void notAFeed() throws IOException {
        CollectingSink sink = readText("<?xml version=\"1.0\"?><PubmedArticleSet><PubmedArticle/></PubmedArticleSet>");
        assertEquals(List.of(), sink.references);
        assertTrue(sink.errors().getFirst().message().contains("arXiv API response"));
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        CollectingSink sink = read(feed("query_screening.xml"), new CollectingSink(2));
        assertEquals(2, sink.references.size());
        assertEquals(List.of(), sink.problems, "no paging warning for a cancelled import");
    }

    @Test
    void idWithoutArxivIdIsKeptWithAWarning() throws IOException {
        CollectingSink sink = readText("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><id>urn:example:1</id><title>Somewhere Else</title><published>2024-13-01T00:00:00Z</published>
                  <author><name>et al.</name></author></entry>
                </feed>
                """);
        Reference r = sink.references.getFirst();
        assertEquals(Optional.empty(), r.arxivId());
        assertEquals(Optional.of("urn:example:1"), r.url());
        assertEquals(Optional.empty(), r.issued());
        assertTrue(r.authorsTruncated());
        assertEquals(2, sink.warnings().size());
    }

    @Test
    void recognisesArxivFeeds() throws Exception {
        for (String name : List.of("query_screening.xml", "query_classic.xml", "api_error.xml", "broken_entry.xml")) {
            String head = Files.readString(feed(name), StandardCharsets.UTF_8);
            assertTrue(importer.recognises(name, head.substring(0, Math.min(8192, head.length()))), name);
        }
        assertTrue(importer.recognises("x.atom", "\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\">"));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        assertFalse(importer.recognises("blog.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<entry><link href=\"https://arxiv.org/abs/2401.01234\"/></entry></feed>"));
        assertFalse(importer.recognises("rss.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<link>http://export.arxiv.org/rss/cs.CL</link></channel></rss>"));
        assertFalse(importer.recognises("pubmed.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>"
                + "<PubmedArticleSet><PubmedArticle>"));
        assertFalse(importer.recognises("endnote.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records>"
                + "<record><url>http://arxiv.org/api/x</url>"));
        assertFalse(importer.recognises("x.json", "[{\"type\": \"article\", \"URL\": \"http://arxiv.org/abs/1\", "
                + "\"note\": \"<feed http://www.w3.org/2005/Atom arxiv.org/api\"}]"));
        assertFalse(importer.recognises("x.bib", "@article{k, url = {http://arxiv.org/api/query}}"));
        assertFalse(importer.recognises("x.txt", ""));
    }

    @Test
    void streamsALargeFeed() throws IOException {
        Path file = dir.resolve("large.xml");
        int count = 10_000;
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                    + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n");
            for (int i = 0; i < count; i++) {
                out.write("<entry>\n<id>http://arxiv.org/abs/2401.%05dv1</id>\n<title>Title %d</title>\n".formatted(i, i)
                        + "<published>2024-01-02T00:00:00Z</published>\n<author><name>Ann Lee</name></author>\n"
                        + "<arxiv:primary_category term=\"cs.CL\"/>\n</entry>\n");
            }
            out.write("</feed>\n");
        }
        int[] seen = {0};
        Reference[] last = {null};
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), new quire.api.importing.ImportSink() {
            @Override
            public void reference(Reference reference) {
                seen[0]++;
                last[0] = reference;
            }

            @Override
            public void problem(ImportProblem problem) {
                throw new AssertionError(problem.toString());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(count, seen[0]);
        assertEquals(Optional.of("2401.09999"), last[0].arxivId());
        assertEquals(3 + 7 * (count - 1), last[0].provenance().getFirst().line());
    }

    @Test
    void describesItself() {
        assertEquals("arxiv-atom", importer.format());
        assertEquals(List.of("xml", "atom"), importer.extensions());
        assertEquals("arXiv API (Atom feed)", importer.label());
    }
}
