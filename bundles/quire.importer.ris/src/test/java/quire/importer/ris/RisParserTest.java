package quire.importer.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The dialects and damage that real RIS files show, one case at a time. */
class RisParserTest {

    @TempDir
    Path dir;

    private CollectingSink read(String text) throws IOException {
        return CollectingSink.read(dir, "test.ris", text);
    }

    private Reference only(String text) throws IOException {
        CollectingSink sink = read(text);
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        return sink.references.getFirst();
    }

    @Test
    void crlfSingleSpacedTagsAndBareEnd() throws IOException {
        CollectingSink sink = read("TY - JOUR\r\nTI - One\r\nAU - Lee, Ann\r\nER -\r\n\r\nTY  - CONF\r\nTI  - Two\r\n"
                + "AU  - Kim, Bo\r\nER\r\n");
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("One", "Two"), sink.references.stream().map(Reference::title).toList());
        assertEquals(ReferenceType.CONFERENCE_PAPER, sink.references.get(1).type());
        assertEquals(6, sink.references.get(1).provenance().getFirst().line());
    }

    @Test
    void lastRecordWithoutEndStillCounts() throws IOException {
        CollectingSink sink = read("TY  - JOUR\nTI  - First\nER  - \nTY  - BOOK\nTI  - Last\nAU  - Roe, R.");
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("First", "Last"), sink.references.stream().map(Reference::title).toList());
    }

    @Test
    void typeLineEndsARecordThatHasNoEnd() throws IOException {
        CollectingSink sink = read("TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\nER  - \n");
        assertEquals(List.of("First", "Second"), sink.references.stream().map(Reference::title).toList());
        assertEquals(List.of(0, 1), sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
    }

    @Test
    void untaggedLinesContinueTheValueBefore() throws IOException {
        Reference r = only("TY  - JOUR\nTI  - A title that\n   goes on\nAB  - First paragraph.\n\nSecond paragraph.\n"
                + "ER  - \n");
        assertEquals("A title that goes on", r.title());
        assertEquals(Optional.of("First paragraph.\nSecond paragraph."), r.abstractText());
    }

    @Test
    void textOutsideRecordsIsAWarning() throws IOException {
        CollectingSink sink = read("Provider: Some database\nContent: text/plain\n\nTY  - JOUR\nTI  - Kept\nER  - \n");
        assertEquals(1, sink.references.size());
        assertEquals(1, sink.warnings().size());
        assertEquals(1, sink.warnings().getFirst().line());
        assertEquals(4, sink.references.getFirst().provenance().getFirst().line());
    }

    @Test
    void authorsEditorsAndEtAl() throws IOException {
        Reference r = only("TY  - CHAP\nTI  - T\nAU  - Smith, John, Jr.\nA1  - World Health Organization\n"
                + "AU  - Adler D.G.\nAU  - et al.\nA2  - Doe, Jane\nED  - Roe, R.\nBT  - The Book\nER  - \n");
        assertEquals(List.of(Person.of("Smith Jr.", "John"), Person.institution("World Health Organization"),
                Person.of("Adler", "D.G.")), r.authors());
        assertTrue(r.authorsTruncated());
        assertEquals(Optional.of("Doe, Jane; Roe, R."), r.field("editors"));
        assertEquals(ReferenceType.CHAPTER, r.type());
        assertEquals(Optional.of("The Book"), r.venue());
    }

    @Test
    void datesToThePrecisionGiven() throws IOException {
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), only("TY  - JOUR\nTI  - T\nPY  - 2001///\nER  - ").issued());
        assertEquals(Optional.of(IssuedDate.ofMonth(2001, 9)),
                only("TY  - JOUR\nTI  - T\nY1  - 2001/09//\nER  - ").issued());
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 5, 17)),
                only("TY  - JOUR\nTI  - T\nPY  - 2020\nDA  - 2020/05/17/\nER  - ").issued());
        // EndNote: the year in PY, the month and day in DA
        assertEquals(Optional.of(IssuedDate.ofDay(2004, 9, 15)),
                only("TY  - JOUR\nTI  - T\nPY  - 2004\nDA  - Sep 15\nER  - ").issued());
        // Web of Science: "2020 JAN"
        assertEquals(Optional.of(IssuedDate.ofMonth(2020, 1)),
                only("TY  - JOUR\nTI  - T\nDA  - 2020 JAN\nPY  - 2020\nER  - ").issued());
        // a DA of another year does not change PY
        assertEquals(Optional.of(IssuedDate.ofYear(2019)),
                only("TY  - JOUR\nTI  - T\nPY  - 2019\nDA  - 2020/05/17\nER  - ").issued());
    }

    @Test
    void dateWithAYearInsideIsAWarningAndTheYearIsKept() throws IOException {
        CollectingSink sink = read("TY  - JOUR\nTI  - T\nPY  - c2004 (reprint)\nER  - ");
        assertEquals(Optional.of(IssuedDate.ofYear(2004)), sink.references.getFirst().issued());
        assertEquals(1, sink.warnings().size());
        assertEquals(3, sink.warnings().getFirst().line());
    }

    @Test
    void venuePrefersTheFullTitleAndKeepsTheAbbreviation() throws IOException {
        Reference r = only("TY  - JOUR\nTI  - T\nJO  - Nat Rev Genet\nT2  - Nature Reviews Genetics\nER  - ");
        assertEquals(Optional.of("Nature Reviews Genetics"), r.venue());
        assertEquals(Optional.of("Nat Rev Genet"), r.field("venueAbbreviation"));
        Reference mendeley = only("TY  - JOUR\nTI  - T\nJO  - Nature Reviews Genetics\nER  - ");
        assertEquals(Optional.of("Nature Reviews Genetics"), mendeley.venue());
        Reference onlyAbbreviation = only("TY  - JOUR\nTI  - T\nJ2  - Nat Rev Genet\nER  - ");
        assertEquals(Optional.of("Nat Rev Genet"), onlyAbbreviation.venue());
        assertEquals(Optional.empty(), onlyAbbreviation.field("venueAbbreviation"));
    }

    @Test
    void identifiersLinksAndSerials() throws IOException {
        Reference r = only("TY  - JOUR\nTI  - T\nDO  - https://doi.org/10.1000/ABC.1\nUR  - https://example.org/a\n"
                + "L1  - file:///papers/a.pdf\nL2  - https://example.org/b\nSN  - 0022-3514 (Print); 1939-1315\n"
                + "SN  - 978-3-030-58167-1\nAN  - PMID: 12345678\nKW  - alpha; beta\nKW  - gamma\nKW  - alpha\n"
                + "N1  - one\nN1  - two\nC7  - e123\nM4  - Citavi\nER  - ");
        assertEquals(Optional.of("10.1000/abc.1"), r.doi());
        assertEquals(Optional.of("12345678"), r.pmid());
        assertEquals(Optional.of("https://example.org/a"), r.url());
        assertEquals(Optional.of("file:///papers/a.pdf"), r.field("pdf"));
        assertEquals(Optional.of("https://example.org/b"), r.field("links"));
        assertEquals(Optional.of("0022-3514; 1939-1315"), r.field("issn"));
        assertEquals(Optional.of("978-3-030-58167-1"), r.field("isbn"));
        assertEquals(List.of("alpha", "beta", "gamma"), r.keywords());
        assertEquals(Optional.of("one\ntwo"), r.field("note"));
        assertEquals(Optional.of("e123"), r.field("articleNumber"));
        assertEquals(Optional.of("Citavi"), r.field("risM4"));
    }

    @Test
    void databaseFromTheFileOrFromTheRecord() throws IOException {
        assertEquals(Optional.of("Web of Science"), database("DB  - Clarivate Analytics Web of Science\n"));
        assertEquals(Optional.of("Embase"), database("DB  - Embase\nDB  - Medline\n"));
        assertEquals(Optional.of("PubMed"), database("DP  - NLM\n"));
        assertEquals(Optional.of("IEEE Xplore"), database("DB  - IEEE\n"));
        assertEquals(Optional.of("JSTOR"), database("DP  - JSTOR\n"));
        assertEquals(Optional.of("Scopus"), database("UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-1\n"));
        assertEquals(Optional.of("Web of Science"), database("AN  - WOS:000123456700001\n"));
        assertEquals(Optional.empty(), database("UR  - https://example.org\n"));
    }

    private Optional<String> database(String lines) throws IOException {
        return only("TY  - JOUR\nTI  - T\n" + lines + "ER  - ").provenance().getFirst().database();
    }

    @Test
    void pubmedAccessionNumberIsThePmid() throws IOException {
        assertEquals(Optional.of("31234567"), only("TY  - JOUR\nTI  - T\nAN  - 31234567\nDB  - PubMed\nER  - ").pmid());
        assertEquals(Optional.empty(), only("TY  - JOUR\nTI  - T\nAN  - 31234567\nDB  - Scopus\nER  - ").pmid());
    }

    @Test
    void typesMapAndUnknownTypeIsAWarning() throws IOException {
        assertEquals(ReferenceType.THESIS, only("TY  - THES\nTI  - T\nER  - ").type());
        assertEquals(ReferenceType.REPORT, only("TY  - RPRT\nTI  - T\nER  - ").type());
        assertEquals(ReferenceType.WEBPAGE, only("TY  - ELEC\nTI  - T\nER  - ").type());
        assertEquals(ReferenceType.DATASET, only("TY  - DATA\nTI  - T\nER  - ").type());
        assertEquals(ReferenceType.PREPRINT, only("TY  - UNPB\nTI  - T\nER  - ").type());
        assertEquals(ReferenceType.CONFERENCE_PAPER, only("TY  - CPAPER\nTI  - T\nER  - ").type());
        CollectingSink sink = read("TY  - XYZ\nTI  - T\nER  - ");
        assertEquals(ReferenceType.OTHER, sink.references.getFirst().type());
        assertTrue(sink.warnings().getFirst().message().contains("XYZ"));
    }

    @Test
    void recordWithoutTitleOrAuthorsIsSkippedUnlessIdentified() throws IOException {
        CollectingSink sink = read("TY  - JOUR\nTI  - Before\nER  - \n\nTY  - JOUR\nPY  - 2020\nJF  - Journal\n"
                + "ER  - \n\nTY  - JOUR\nDO  - 10.1000/xyz\nER  - \n\nTY  - JOUR\nTI  - After\nER  - \n");
        assertEquals(List.of("Before", "", "After"), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(5, error.line());
        assertEquals(1, sink.warnings().size());
        assertEquals(10, sink.warnings().getFirst().line());
        assertEquals(Optional.of("10.1000/xyz"), sink.references.get(1).doi());
        // positions count every record of the file, the skipped one too
        assertEquals(List.of(0, 2, 3), sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
    }

    @Test
    void badDoiIsAWarning() throws IOException {
        CollectingSink sink = read("TY  - JOUR\nTI  - T\nDO  - not a doi\nER  - ");
        assertEquals(Optional.empty(), sink.references.getFirst().doi());
        assertEquals(1, sink.warnings().size());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("TY  - JOUR\nTI  - Record ").append(i).append("\nER  - \n");
        }
        Path file = dir.resolve("ten.ris");
        java.nio.file.Files.writeString(file, text);
        CollectingSink sink = new CollectingSink(3);
        new RisImporter().read(quire.api.importing.ImportSource.ofUtf8File(file,
                quire.api.importing.ImportOptions.NONE), sink);
        assertEquals(3, sink.references.size());
    }

    @Test
    void manyRecordsKeepTheirLines() throws IOException {
        Path file = dir.resolve("many.ris");
        try (var out = java.nio.file.Files.newBufferedWriter(file)) {
            for (int i = 0; i < 20_000; i++) {
                out.write("TY  - JOUR\nTI  - Record " + i + "\nAU  - Lee, A.\nPY  - 2020\nER  - \n\n");
            }
        }
        CollectingSink sink = CollectingSink.read(file);
        assertEquals(20_000, sink.references.size());
        assertEquals(List.of(), sink.problems);
        assertEquals(6 * 19_999 + 1, sink.references.getLast().provenance().getFirst().line());
    }
}
