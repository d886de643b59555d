package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/** Tables as the databases and tools write them, and the damage real tables show. */
class TableParserTest {

    @TempDir
    Path dir;

    private CollectingSink read(String name, String text) throws IOException {
        return CollectingSink.read(dir, name, text);
    }

    private List<String> titles(CollectingSink sink) {
        return sink.references.stream().map(Reference::title).toList();
    }

    @Test
    void webOfScienceTabDelimited() throws IOException {
        String header = "PT\tAU\tAF\tTI\tSO\tLA\tDT\tDE\tID\tAB\tC1\tPU\tSN\tEI\tJ9\tPD\tPY\tVL\tIS\tBP\tEP\tAR\tDI"
                + "\tTC\tUT\tPM\tDA\r\n";
        // Web of Science ends every row with a tab that the header does not have
        String row = "J\tLee, A; Kim, B\tLee, Ann; Kim, Bo\tA study of screening\tJOURNAL OF TESTS\tEnglish\tArticle"
                + "\tscreening; review\tMACHINE LEARNING; Screening\tAn abstract.\t[Lee, Ann] Univ X.\tELSEVIER"
                + "\t0000-0001\t1234567X\tJ TESTS\tJAN 15\t2020\t12\t3\t100\t110\t\t10.1000/WOS.1\t5\tWOS:000123"
                + "\t31234567\t2024-01-01\t\r\n";
        CollectingSink sink = read("savedrecs.txt", header + row);
        assertEquals(List.of(), sink.problems);
        Reference r = sink.references.getFirst();
        assertEquals("A study of screening", r.title());
        assertEquals(List.of(Person.of("Lee", "Ann"), Person.of("Kim", "Bo")), r.authors());
        assertEquals(Optional.of("JOURNAL OF TESTS"), r.venue());
        assertEquals(Optional.of("J TESTS"), r.field("venueAbbreviation"));
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 1, 15)), r.issued());
        assertEquals(Optional.of("12"), r.volume());
        assertEquals(Optional.of("3"), r.issue());
        assertEquals(Optional.of("100-110"), r.pages());
        assertEquals(Optional.of("10.1000/wos.1"), r.doi());
        assertEquals(Optional.of("31234567"), r.pmid());
        assertEquals(Optional.of("WOS:000123"), r.field("accessionNumber"));
        assertEquals(Optional.of("0000-0001; 1234-567X"), r.field("issn"));
        assertEquals(List.of("screening", "review", "MACHINE LEARNING"), r.keywords());
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals(Optional.empty(), r.field("tc")); // citation counts are not kept
        assertEquals(Optional.of("Web of Science"), r.provenance().getFirst().database());
        assertEquals("tsv", r.provenance().getFirst().format());
        assertEquals(2, r.provenance().getFirst().line());
    }

    @Test
    void scopusCsv() throws IOException {
        String text = "\uFEFF\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\","
                + "\"Volume\",\"Issue\",\"Art. No.\",\"Page start\",\"Page end\",\"Cited by\",\"DOI\",\"Link\","
                + "\"Abstract\",\"Author Keywords\",\"Index Keywords\",\"PubMed ID\",\"Document Type\",\"Source\","
                + "\"EID\"\n"
                + "\"Federico S.; Grillo A.\",\"Federico, Salvatore (7005432234); Grillo, Alfio (7003412388)\","
                + "\"7005432234; 7003412388\",\"A composite\",\"2004\",\"Journal of Solids\",\"52\",\"10\",\"\","
                + "\"2309\",\"2327\",\"44\",\"\",\"https://www.scopus.com/inward/record.uri?eid=2-s2.0-4544289390"
                + "&doi=10.1016%2fj.jmps.2004.03.010&partnerID=40\",\"[No abstract available]\","
                + "\"Composite; Inclusions\",\"Composite; Spheroids\",\"15012345\",\"Conference Paper\",\"Scopus\","
                + "\"2-s2.0-4544289390\"\n";
        CollectingSink sink = read("scopus.csv", text);
        assertEquals(List.of(), sink.problems);
        Reference r = sink.references.getFirst();
        assertEquals(List.of(Person.of("Federico", "Salvatore"), Person.of("Grillo", "Alfio")), r.authors());
        assertEquals(ReferenceType.CONFERENCE_PAPER, r.type());
        assertEquals(Optional.of("Journal of Solids"), r.venue());
        assertEquals(Optional.of("2309-2327"), r.pages());
        assertEquals(Optional.of("10.1016/j.jmps.2004.03.010"), r.doi()); // from the link's doi= parameter
        assertEquals(Optional.empty(), r.abstractText());
        assertEquals(List.of("Composite", "Inclusions", "Spheroids"), r.keywords());
        assertEquals(Optional.of("15012345"), r.pmid());
        assertEquals(Optional.of("2-s2.0-4544289390"), r.field("scopusEid"));
        assertEquals(Optional.of("Scopus"), r.provenance().getFirst().database());
    }

    @Test
    void ieeeXploreCsv() throws IOException {
        String text = "\"Document Title\",\"Authors\",\"Publication Title\",\"Publication Year\",\"Start Page\","
                + "\"End Page\",\"Abstract\",\"ISBNs\",\"DOI\",\"PDF Link\",\"Author Keywords\",\"IEEE Terms\","
                + "\"Publisher\",\"Document Identifier\"\n"
                + "\"Deep screening\",\"A. Lee; B. Kim\",\"Proc. ICSE\",\"2021\",\"1\",\"10\",\"Abs\","
                + "\"978-1-6654-0296-5\",\"10.1109/ICSE.2021.1\",\"https://ieeexplore.ieee.org/stamp/stamp.jsp?"
                + "arnumber=1\",\"screening\",\"Training;Screening\",\"IEEE\",\"IEEE Conferences\"\n";
        Reference r = only(read("ieee.csv", text));
        assertEquals(List.of(Person.of("Lee", "A."), Person.of("Kim", "B.")), r.authors());
        assertEquals(ReferenceType.CONFERENCE_PAPER, r.type());
        assertEquals(Optional.of("Proc. ICSE"), r.venue());
        assertEquals(List.of("screening", "Training"), r.keywords());
        assertEquals(Optional.of("978-1-6654-0296-5"), r.field("isbn"));
        assertTrue(r.field("pdf").orElseThrow().contains("arnumber=1"));
        assertEquals(Optional.of("IEEE Xplore"), r.provenance().getFirst().database());
    }

    @Test
    void genericTableWithLabelsAndOwnColumns() throws IOException {
        String text = "title,abstract,authors,publication_year,doi,pmid,keywords,label_included,Reviewer Note\n"
                + "First,Abs,\"Smith, J.; Doe, A.\",2019,https://doi.org/10.1000/A,https://pubmed.ncbi.nlm.nih.gov/123/,"
                + "a; b,1,looks good\n"
                + "Second,,,,,,,no,\n"
                + "Third,,,,10.1000/c,,,,\n"
                + "Fourth,,,,,,,maybe,\n"
                + "Fifth,,,2020.0,,,,TRUE,\n";
        CollectingSink sink = read("asreview.csv", text);
        assertEquals(List.of("First", "Second", "Third", "Fourth", "Fifth"), titles(sink));
        Reference first = sink.references.getFirst();
        assertEquals(List.of(Person.of("Smith", "J."), Person.of("Doe", "A.")), first.authors());
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), first.issued());
        assertEquals(Optional.of("10.1000/a"), first.doi());
        assertEquals(Optional.of("123"), first.pmid());
        assertEquals(List.of("a", "b"), first.keywords());
        assertEquals(Optional.of("looks good"), first.field("reviewerNote"));
        assertEquals(Optional.empty(), first.provenance().getFirst().database());
        assertEquals(List.of(Optional.of("include"), Optional.of("exclude"), Optional.empty(), Optional.empty(),
                Optional.of("include")), sink.references.stream().map(r -> r.field("screeningLabel")).toList());
        assertEquals(Optional.of(IssuedDate.ofYear(2020)), sink.references.get(4).issued());
        assertEquals(1, sink.warnings().size());
        assertEquals(5, sink.warnings().getFirst().line());
        assertTrue(sink.warnings().getFirst().message().contains("maybe"));
    }

    @Test
    void semicolonsAndTheExcelSeparatorLine() throws IOException {
        CollectingSink sink = read("excel.csv", "sep=;\r\nTitle;Year;DOI\r\n\"A; B\";2020;10.1000/x\r\n");
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("A; B"), titles(sink));
        assertEquals(3, sink.references.getFirst().provenance().getFirst().line());
        CollectingSink plain = read("semi.csv", "Title;Year;DOI\nC, D;2021;10.1000/y\n");
        assertEquals(List.of("C, D"), titles(plain));
    }

    @Test
    void tabsInAFileNamedCsv() throws IOException {
        CollectingSink sink = read("tabs.csv", "title\tyear\nA, with comma\t2020\n");
        assertEquals(List.of("A, with comma"), titles(sink));
        assertEquals("csv", sink.references.getFirst().provenance().getFirst().format());
    }

    @Test
    void unclosedQuoteInTheMiddleCostsOnlyItsLine() throws IOException {
        CollectingSink sink = read("broken.csv", "title,doi,year\nOne,10.1000/1,2020\n\"Two,10.1000/2,2020\n"
                + "Three,10.1000/3,2021\n\"Four, with comma\",10.1000/4,2022\nFive,10.1000/5,2023\n");
        assertEquals(List.of("One", "Three", "Four, with comma", "Five"), titles(sink));
        assertEquals(1, sink.errors().size());
        assertEquals(3, sink.errors().getFirst().line());
        assertEquals(List.of(2, 4, 5, 6), sink.references.stream().map(r -> r.provenance().getFirst().line()).toList());
        assertEquals(List.of(0, 2, 3, 4),
                sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
    }

    @Test
    void quoteNeverClosedUntilTheEnd() throws IOException {
        CollectingSink sink = read("open.csv", "title,doi\nOne,10.1000/1\n\"Two, 10.1000/2\nThree,10.1000/3\nFour,10.1000/4\n");
        assertEquals(List.of("One", "Three", "Four"), titles(sink));
        assertEquals(1, sink.errors().size());
        assertEquals(3, sink.errors().getFirst().line());
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreKept() throws IOException {
        CollectingSink sink = read("short.csv", "title,doi,year\nOne,10.1000/1\nTwo,10.1000/2,2020,extra\n");
        assertEquals(List.of("One", "Two"), titles(sink));
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of(2, 3), sink.warnings().stream().map(ImportProblem::line).toList());
        assertEquals(Optional.of(IssuedDate.ofYear(2020)), sink.references.get(1).issued());
    }

    @Test
    void rowWithoutTitleOrIdentifierIsAnErrorAtItsLine() throws IOException {
        CollectingSink sink = read("gap.csv", "title,abstract,doi\nOne,\"multi\nline\",\n,An abstract only,\n"
                + ",,10.1000/x\n\n,,\nLast,,\n");
        assertEquals(List.of("One", "", "Last"), titles(sink));
        assertEquals(1, sink.errors().size());
        assertEquals(4, sink.errors().getFirst().line());
        assertEquals(1, sink.warnings().size());
        assertEquals(5, sink.warnings().getFirst().line());
        assertEquals(8, sink.references.getLast().provenance().getFirst().line());
    }

    @Test
    void headerWithoutTitlesIsOneError() throws IOException {
        CollectingSink sink = read("numbers.csv", "a,b,c\n1,2,3\n4,5,6\n");
        assertEquals(List.of(), sink.references);
        assertEquals(1, sink.errors().size());
        assertEquals(1, sink.errors().getFirst().line());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        StringBuilder text = new StringBuilder("title\n");
        for (int i = 0; i < 10; i++) {
            text.append("Row ").append(i).append('\n');
        }
        Path file = dir.resolve("ten.csv");
        Files.writeString(file, text);
        CollectingSink sink = new CollectingSink(3);
        new CsvImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        assertEquals(3, sink.references.size());
    }

    private static Reference only(CollectingSink sink) {
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        return sink.references.getFirst();
    }
}
