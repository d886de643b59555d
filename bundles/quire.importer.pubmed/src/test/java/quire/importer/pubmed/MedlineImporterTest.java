package quire.importer.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedlineImporterTest {

    private final MedlineImporter importer = new MedlineImporter();

    @Test
    void describesItself() {
        assertEquals("medline", importer.format());
        assertEquals(List.of("nbib", "txt", "medline"), importer.extensions());
        assertFalse(importer.label().isBlank());
    }

    @Test
    void recognisesTheFixtures() {
        assertTrue(importer.recognises("a.nbib", Imports.head(Imports.fixture("jabref_NbibImporterTest.nbib"))));
        assertTrue(importer.recognises("a.txt",
                Imports.head(Imports.fixture("jabref_MedlinePlainImporterTestMultipleEntries.txt"))));
    }

    @Test
    void recognisesByContentNotName() {
        assertTrue(importer.recognises("export.dat", "\n\nPMID-22664220\nPT  - Technical Report\n"));
        assertTrue(importer.recognises("x", "\uFEFFPMID- 1\r\nTI  - T.\r\n"));
        // no PMID first, but MEDLINE tags on every line
        assertTrue(importer.recognises("x", "OWN - NLM\nSTAT- MEDLINE\nTI  - A title.\nFAU - Doe, John\nAU  - Doe J\n"));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        String ris = "TY  - JOUR\nTI  - A title\nAU  - Doe, John\nPY  - 2019\nJO  - J\nER  - \n";
        String risWithoutType = "\nTI  - A title\nAU  - Doe, John\nPY  - 2019\nER  -\n";
        String bibtex = "@article{doe2019,\n  title = {A title},\n  author = {Doe, John}\n}\n";
        String csv = "Title,Authors,Year\n\"A title\",\"Doe J\",2019\n";
        String xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>";
        String json = "[{\"id\": \"x\", \"title\": \"PMID- 1\"}]";
        String listing = "AIMar 8\nA TitleAnn Lee\nAn abstract.\n";
        String wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A title\nER\n";
        for (String other : List.of(ris, risWithoutType, bibtex, csv, xml, json, listing, wos, "", "\n\n",
                "Dear reader,\nTI  - this is not a record\n")) {
            assertFalse(importer.recognises("refs.txt", other), other);
        }
    }
}
