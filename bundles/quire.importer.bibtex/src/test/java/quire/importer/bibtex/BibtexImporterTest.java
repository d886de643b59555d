package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class BibtexImporterTest {

    @TempDir
    Path dir;

    private final BibtexImporter importer = new BibtexImporter();

    @Test
    void describesItself() {
        assertEquals("bibtex", importer.format());
        assertEquals(List.of("bib", "bibtex"), importer.extensions());
        assertTrue(importer.label().startsWith("BibTeX"));
    }

    @Test
    void recognisesBibtexByItsContent() throws IOException {
        for (String fixture : FixturesTest.FIXTURES) {
            String head = Files.readString(Bib.fixture(fixture), StandardCharsets.UTF_8);
            assertTrue(importer.recognises("export.txt", head), fixture);
        }
        assertTrue(importer.recognises("x", "% Encoding: UTF-8\n\n@Article{key,\n  title = {T}}"));
        assertTrue(importer.recognises("x", "\uFEFF@string{acm = \"ACM\"}\n"));
        assertTrue(importer.recognises("x", "  @techreport( McDermott:72,"));
        assertTrue(importer.recognises("x", "@misc{cut-off-key"));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        String[] others = {
            "TY  - JOUR\nTI  - A title\nAU  - Doe, J.\nER  - \n",
            "PMID- 12345\nOWN - NLM\nTI  - Title\n",
            "<?xml version=\"1.0\"?>\n<xml><records><record>@article{x,</record></records></xml>",
            "[{\"id\": \"x\", \"type\": \"article-journal\", \"note\": \"@article{x,\"}]",
            "{\"items\": [\"@article{x,\"]}",
            "Title,Authors,Year\n\"@article{x, y\",Doe,2020\n",
            "AIMar 8\nA TitleAnn Lee\nAn abstract.\n",
            "Write to me@example.org about @article and @book{ }",
            "%0 Journal Article\n%T A title\n%A Doe, J.\n",
            "",
        };
        for (String other : others) {
            assertFalse(importer.recognises("file.bib", other), other);
        }
    }

    @Test
    void aBrokenEntryInTheMiddleIsReportedAndTheOthersKept() {
        String text = entries(0, 5) + "@article{broken6,\n  title = {Unclosed {brace},\n  year = 2001\n}\n\n"
                + entries(7, 12);
        CollectingSink sink = Bib.read(dir, "broken.bib", text);
        List<String> keys = sink.references.stream().map(r -> r.field("citationKey").orElseThrow()).toList();
        assertEquals(IntStream.rangeClosed(0, 12).filter(k -> k != 6).mapToObj(k -> "k" + k).toList(), keys);
        assertEquals(1, sink.errors().size(), sink.problems::toString);
        ImportProblem error = sink.errors().getFirst();
        int brokenLine = (int) entries(0, 5).lines().count() + 2;
        assertEquals(brokenLine, error.line());
        assertEquals(11, error.column());
        assertEquals("broken.bib", error.file());
        // positions count the broken entry, so they stay the entries' places in the file
        assertEquals(7, sink.references.get(6).provenance().getFirst().position());
        assertEquals(brokenLine + 3 + 1, sink.references.get(6).provenance().getFirst().line());
    }

    @Test
    void windowsLineEndingsChangeNothing() {
        String unix = "@article{a,\n  title = {A {B}\n  C},\n  author = {Doe, J.}\n}\n\n@misc{b, title = {B}}\n";
        CollectingSink crlf = Bib.read(dir, "crlf.bib", unix.replace("\n", "\r\n"));
        CollectingSink lf = Bib.read(dir, "lf.bib", unix);
        assertEquals(List.of(), crlf.problems);
        assertEquals(lf.references.stream().map(r -> r.title() + r.authors()).toList(),
                crlf.references.stream().map(r -> r.title() + r.authors()).toList());
        assertEquals("A B C", crlf.references.getFirst().title());
        assertEquals(7, crlf.references.get(1).provenance().getFirst().line());
    }

    @Test
    void stopsWhenCancelled() {
        CollectingSink sink = new CollectingSink(3);
        Path file = dir.resolve("many.bib");
        try {
            Files.writeString(file, entries(0, 50));
            importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(3, sink.references.size());
    }

    @Test
    void importsAGeneratedFileOfFiveMegabytes() throws IOException {
        Path file = dir.resolve("generated.bib");
        int expected = BibtexCorpus.write(file, 3_500, 7L);
        assertTrue(Files.size(file) > 4_500_000, () -> "size " + file.toFile().length());
        CollectingSink sink = Bib.read(file);
        assertEquals(List.of(), sink.problems);
        assertEquals(expected, sink.references.size());
        long papersWithCrossref = sink.references.stream().filter(r -> r.field("crossref").isPresent()).count();
        assertEquals((3_500 + BibtexCorpus.CROSSREF_EVERY - 1) / BibtexCorpus.CROSSREF_EVERY, papersWithCrossref);
        assertTrue(sink.references.stream().filter(r -> r.field("crossref").isPresent())
                .allMatch(r -> r.venue().orElse("").startsWith("Proceedings of the")));
        assertTrue(sink.references.stream().allMatch(r -> !r.title().contains("{") && !r.title().contains("\\")));
    }

    /**
     * Every field of a hand-written entry exercising the awkward parts decodes to exactly what it means, so that
     * what an exporter writes back is what the author wrote.
     */
    @Test
    void parsingIsFaithful() {
        Reference r = Bib.one(dir, """
                @String{ieee = "{IEEE} Transactions on "}
                @Article{Goedel:1931,
                  AUTHOR   = "G{\\"o}del, Kurt and {\\'E}mile Borel and Charles-Jean {de la Vall{\\'e}e Poussin}
                              and {Institut f{\\"u}r Mathematik} and others",
                  Title    = {{\\"U}ber formal unentscheidbare S{\\"a}tze der {Principia Mathematica} und
                              verwandter Systeme {I}},
                  Journal  = ieee # {Pattern Analysis {\\&} Machine Intelligence},
                  Year     = 1931, month = dec,
                  Volume   = "38", Number = {1},
                  Pages    = "173--198",
                  Doi      = {10.1007/BF01700692},
                  Abstract = {We show ``that'' $\\pi \\approx 3.14$, 50\\% of the time~--- or so.},
                  Keywords = {logic, incompleteness},
                  Timestamp = {2024-01-01},
                  Bdsk-Url-1 = {https://example.org/a\\_b}
                }
                """);
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals(List.of(Person.of("Gödel", "Kurt"), Person.of("Borel", "Émile"),
                Person.of("de la Vallée Poussin", "Charles-Jean"), Person.institution("Institut für Mathematik")),
                r.authors());
        assertTrue(r.authorsTruncated());
        assertEquals("Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I",
                r.title());
        assertEquals(Optional.of("Principia Mathematica,I"), r.field("protectedWords"));
        assertEquals(Optional.of("IEEE Transactions on Pattern Analysis & Machine Intelligence"), r.venue());
        assertEquals(Optional.of(IssuedDate.ofMonth(1931, 12)), r.issued());
        assertEquals(Optional.of("38"), r.volume());
        assertEquals(Optional.of("1"), r.issue());
        assertEquals(Optional.of("173-198"), r.pages());
        assertEquals(Optional.of("10.1007/bf01700692"), r.doi());
        assertEquals(Optional.of("We show “that” π ≈ 3.14, 50% of the time\u00A0— or so."), r.abstractText());
        assertEquals(List.of("logic", "incompleteness"), r.keywords());
        assertEquals(Optional.of("Goedel:1931"), r.field("citationKey"));
        assertEquals(Optional.of("2024-01-01"), r.field("timestamp"));
        assertEquals(Optional.of("https://example.org/a_b"), r.field("bdsk-url-1"));
        assertEquals(List.of("citationKey", "entryType", "protectedWords", "timestamp", "bdsk-url-1"),
                List.copyOf(r.fields().keySet()));
        assertEquals(2, r.provenance().getFirst().line());
        assertEquals(0, r.provenance().getFirst().position());
    }

    /** BibTeX entries {@code k<from>} to {@code k<to>}, each on four lines followed by a blank line. */
    private static String entries(int from, int to) {
        StringWriter out = new StringWriter();
        for (int k = from; k <= to; k++) {
            out.write("@article{k" + k + ",\n  title = {Title " + k + "},\n  year = " + (2000 + k) + "\n}\n\n");
        }
        return out.toString();
    }
}
