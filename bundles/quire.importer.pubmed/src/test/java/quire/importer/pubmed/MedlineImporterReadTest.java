package quire.importer.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The MEDLINE mapping, case by case. */
class MedlineImporterReadTest {

    private static final String RECORD = """
            PMID- 31000001
            OWN - NLM
            DA  - 20190402
            IS  - 1234-5678 (Print)
            IS  - 1234-567X (Electronic)
            VI  - 12
            IP  - 3
            DP  - 2019 Mar 15
            TI  - A long title that PubMed wraps onto
                  a second line.
            PG  - 101-9
            LID - 10.1000/ABC.123 [doi]
            AB  - BACKGROUND: Something. METHODS: We looked
                  closely.
            FAU - van der Berg, Anna Maria
            AU  - van der Berg AM
            FAU - Smith, John R Jr
            AU  - Smith JR Jr
            CN  - WHO Study Group
            LA  - eng
            PT  - Journal Article
            PT  - Review
            TA  - J Test
            JT  - Journal of testing
            MH  - Humans
            MH  - *Occupational Health/history/*statistics & numerical data
            OT  - screening
            EDAT- 2019/04/02 06:00
            AID - 10.1000/abc.123 [doi]
            AID - S0000-0000(19)00001-1 [pii]
            PMC - PMC6400001
            SO  - J Test. 2019 Mar 15;12(3):101-9.
            """;

    @TempDir
    Path dir;

    private final MedlineImporter importer = new MedlineImporter();

    private CollectingSink read(String text) throws IOException {
        return Imports.text(importer, dir, "records.nbib", text);
    }

    @Test
    void mapsTheFieldsOfAFullRecord() throws IOException {
        CollectingSink sink = read(RECORD);
        assertEquals(List.of(), sink.problems);
        Reference r = sink.references.getFirst();
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals("A long title that PubMed wraps onto a second line.", r.title());
        assertEquals(Optional.of("BACKGROUND: Something. METHODS: We looked closely."), r.abstractText());
        assertEquals(List.of(Person.of("van der Berg", "Anna Maria"), Person.of("Smith Jr", "John R"),
                Person.institution("WHO Study Group")), r.authors());
        assertFalse(r.authorsTruncated());
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 15)), r.issued());
        assertEquals(Optional.of("Journal of testing"), r.venue());
        assertEquals(Optional.of("12"), r.volume());
        assertEquals(Optional.of("3"), r.issue());
        assertEquals(Optional.of("101-9"), r.pages());
        assertEquals(Optional.of("10.1000/abc.123"), r.doi());
        assertEquals(Optional.of("31000001"), r.pmid());
        assertEquals(List.of("Humans", "Occupational Health/history/statistics & numerical data", "screening"),
                r.keywords());
        assertEquals(Map.of("venueAbbreviation", "J Test", "issn", "1234-5678; 1234-567X", "language", "eng",
                "publicationTypes", "Journal Article; Review", "pii", "S0000-0000(19)00001-1", "pmcid", "PMC6400001"),
                r.fields());
        assertEquals(List.of(Provenance.of("records.nbib", "medline", 0, 1).fromDatabase("PubMed")), r.provenance());
    }

    @Test
    void shortAuthorsWhenThereAreNoFullOnes() throws IOException {
        Reference r = read("""
                PMID- 1
                TI  - T.
                AU  - Smith JR Jr
                AU  - van der Berg AM
                AU  - Selvamani
                AU  - et al
                """).references.getFirst();
        assertEquals(List.of(Person.of("Smith Jr", "JR"), Person.of("van der Berg", "AM"), Person.of("Selvamani", "")),
                r.authors());
        assertTrue(r.authorsTruncated());
    }

    @Test
    void datesKeepThePrecisionGiven() throws IOException {
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 3)), dated("2019 Mar").issued());
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), dated("2019").issued());
        Reference season = dated("2019 Spring");
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), season.issued());
        assertEquals(Optional.of("2019 Spring"), season.field("dateText"));
        Reference range = dated("2018 Dec-2019 Jan");
        assertEquals(Optional.of(IssuedDate.ofMonth(2018, 12)), range.issued());
        assertEquals(Optional.of("2018 Dec-2019 Jan"), range.field("dateText"));
        assertEquals(Optional.empty(), dated("2019 Mar 15").field("dateText"));
    }

    @Test
    void indexingDatesAreNotTheIssuedDate() throws IOException {
        Reference r = read("PMID- 1\nTI  - T.\nDA  - 20190402\nDCOM- 20190510\nEDAT- 2019/04/02 06:00\nDEP - 20190301\n")
                .references.getFirst();
        assertEquals(Optional.empty(), r.issued());
    }

    @Test
    void aDateWithoutAYearIsAWarning() throws IOException {
        CollectingSink sink = read("PMID- 1\nTI  - T.\nDP  - Spring\n");
        assertEquals(Optional.empty(), sink.references.getFirst().issued());
        assertEquals(Optional.of("Spring"), sink.references.getFirst().field("dateText"));
        assertEquals(3, sink.warnings().getFirst().line());
    }

    @Test
    void publicationTypesChooseTheType() throws IOException {
        assertEquals(ReferenceType.PREPRINT, typed("PT  - Preprint\nPT  - Journal Article\nJT  - medRxiv\n"));
        assertEquals(ReferenceType.ARTICLE, typed("PT  - Randomized Controlled Trial\nJT  - Lancet\n"));
        assertEquals(ReferenceType.OTHER, typed("PT  - Overall\n"));
        assertEquals(ReferenceType.REPORT, typed("PT  - Technical Report\n"));
        assertEquals(ReferenceType.CONFERENCE_PAPER, typed("PT  - Congress\n"));
        assertEquals(ReferenceType.BOOK, typed("PT  - Book\n"));
        assertEquals(ReferenceType.CHAPTER, typed("BTI - The book\nPT  - Review\n"));
    }

    @Test
    void aBookWithoutAChapterTitleIsTitledByTheBook() throws IOException {
        Reference r = read("PMID- 1\nBTI - The Book Title\nPT  - Book\n").references.getFirst();
        assertEquals(ReferenceType.BOOK, r.type());
        assertEquals("The Book Title", r.title());
    }

    @Test
    void recordsWithoutBlankLinesStartAtEachPmid() throws IOException {
        CollectingSink sink = read("PMID- 1\nTI  - One.\nPMID- 2\nTI  - Two.\n\n\nPMID-3\nTI-Three.\n");
        assertEquals(List.of("One.", "Two.", "Three."), sink.references.stream().map(Reference::title).toList());
        assertEquals(List.of(1, 3, 7), sink.references.stream().map(r -> r.provenance().getFirst().line()).toList());
        assertEquals(List.of(0, 1, 2), sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void aBareDoiInAnArticleIdIsTheDoi() throws IOException {
        Reference r = read("PMID- 1\nTI  - T.\nAID - doi:10.1016/j.cpr.2005.02.002\n").references.getFirst();
        assertEquals(Optional.of("10.1016/j.cpr.2005.02.002"), r.doi());
    }

    @Test
    void aBrokenRecordInTheMiddleIsReportedAndTheOthersKept() throws IOException {
        CollectingSink sink = read("""
                PMID- 1
                TI  - First.

                PMID- 12x4
                TI  - Broken.

                PMID- 3
                TI  - Third.
                """);
        assertEquals(List.of("First.", "Third."), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(4, error.line());
        assertTrue(error.message().contains("12x4"), error.message());
        // the broken record keeps its place: the third record is still at position 2
        assertEquals(2, sink.references.get(1).provenance().getFirst().position());
    }

    @Test
    void anEmptyRecordIsAnError() throws IOException {
        CollectingSink sink = read("PMID- 1\nTI  - First.\n\nOWN - NLM\nSTAT- MEDLINE\n\nPMID- 3\nTI  - Third.\n");
        assertEquals(2, sink.references.size());
        assertEquals(List.of(4), sink.errors().stream().map(ImportProblem::line).toList());
    }

    @Test
    void strayTextIsAWarningAndSkipped() throws IOException {
        CollectingSink sink = read("PMID- 1\nTI  - First.\n\nThis line should be omitted.\nSo should this.\n\nPMID- 2\nTI  - Second.\n");
        assertEquals(2, sink.references.size());
        assertEquals(List.of(4), sink.warnings().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(), sink.errors());
    }

    @Test
    void anUnindentedLineInsideARecordIsReadAsAContinuation() throws IOException {
        CollectingSink sink = read("PMID- 1\nTI  - A title broken\nacross lines.\nJT  - J\n");
        assertEquals("A title broken across lines.", sink.references.getFirst().title());
        assertEquals(List.of(3), sink.warnings().stream().map(ImportProblem::line).toList());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = dir.resolve("many.nbib");
        java.nio.file.Files.writeString(file, "PMID- 1\nTI  - A.\n\nPMID- 2\nTI  - B.\n\nPMID- 3\nTI  - C.\n");
        CollectingSink sink = Imports.run(importer, file, 2);
        assertEquals(List.of("A.", "B."), sink.references.stream().map(Reference::title).toList());
    }

    @Test
    void readsWindowsLineEndingsAndABom() throws IOException {
        CollectingSink sink = read("\uFEFFPMID- 1\r\nTI  - A title\r\n      continued.\r\n\r\nPMID- 2\r\nTI  - B.\r\n");
        assertEquals(List.of("A title continued.", "B."), sink.references.stream().map(Reference::title).toList());
        assertEquals(List.of(), sink.problems);
    }

    private Reference dated(String dp) throws IOException {
        return read("PMID- 1\nTI  - T.\nDP  - " + dp + "\n").references.getFirst();
    }

    private ReferenceType typed(String lines) throws IOException {
        return read("PMID- 1\nTI  - T.\n" + lines).references.getFirst().type();
    }
}
