package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportersTest {

    private final CsvImporter csv = new CsvImporter();
    private final TsvImporter tsv = new TsvImporter();

    @Test
    void describeThemselves() {
        assertEquals("csv", csv.format());
        assertEquals(List.of("csv"), csv.extensions());
        assertEquals("tsv", tsv.format());
        assertEquals(List.of("tsv", "txt"), tsv.extensions());
    }

    @Test
    void recogniseTablesOfReferences() {
        assertTrue(csv.recognises("a.csv", "title,abstract\nT,A\n"));
        assertTrue(csv.recognises("a.csv", "\uFEFF\"Authors\",\"Title\",\"Year\"\r\n"));
        assertTrue(csv.recognises("a.csv", "sep=;\nTitle;DOI\n"));
        assertTrue(csv.recognises("a.csv", "Title;Year;DOI\n"));
        assertTrue(csv.recognises("a.csv", "Title,\"Abstract\n\"\nT,A\n")); // a header cell over two lines
        assertTrue(tsv.recognises("savedrecs.txt", "PT\tAU\tTI\tSO\tPY\tUT\nJ\tLee, A\tT\tS\t2020\tWOS:1\t\n"));
        assertTrue(tsv.recognises("a.tsv", "title\tabstract\tlabel_included\n"));
    }

    @Test
    void eachClaimsItsOwnDelimiter() {
        assertFalse(tsv.recognises("a.csv", "title,abstract\nT,A\n"));
        assertFalse(csv.recognises("a.tsv", "title\tabstract\nT\tA\n"));
    }

    @Test
    void leaveOtherFormatsAlone() {
        String ris = "TY  - JOUR\nTI  - Title, with comma\nAU  - Lee, A.\nER  - \n";
        String medline = "PMID- 27169098\nOWN - NLM\nTI  - Proteomics, a new perspective\n";
        String bibtex = "@article{a,\n  title = {T},\n  author = {A and B}\n}\n";
        String json = "[{\"title\": \"T\", \"abstract\": \"A\"}]";
        String numbers = "1,2,3\n4,5,6\n";
        String unknownHeader = "name,value\nx,1\n";
        String titleOnly = "title\nT\n";
        String prose = "Dear reader, this title and abstract are prose.\nMore prose.\n";
        String listing = "AIMar 8\nA TitleAnn Lee\nAn abstract.\n";
        String xml = "<?xml version=\"1.0\"?>\n<xml><records/></xml>";
        for (String head : List.of(ris, medline, bibtex, json, numbers, unknownHeader, titleOnly, prose, listing,
                xml, "")) {
            assertFalse(csv.recognises("x.csv", head), head);
            assertFalse(tsv.recognises("x.txt", head), head);
        }
        assertFalse(tsv.recognises("x.txt", "TY  - JOUR\tX\nTI  - T\n"));
    }
}
