package quire.importer.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RisImporterTest {

    private final RisImporter importer = new RisImporter();

    @Test
    void describesItself() {
        assertEquals("ris", importer.format());
        assertEquals(List.of("ris", "txt"), importer.extensions());
        assertTrue(importer.label().startsWith("RIS"));
    }

    @Test
    void recognisesRis() {
        assertTrue(importer.recognises("a.ris", "TY  - JOUR\nTI  - T\nER  - \n"));
        assertTrue(importer.recognises("a.txt", "\uFEFF\r\nTY  - JOUR\r\nAU  - Lee, A.\r\n"));
        assertTrue(importer.recognises("a.ris", "Provider: X\nDatabase: Y\n\nTY  - BOOK\nTI  - T\n"));
        // no TY, but tagged from the start and ended
        assertTrue(importer.recognises("a.ris", "JF  - J\nT1  - T\nAU  - Lee, A.\nER  -\n"));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        String medline = "PMID- 27169098\nOWN - NLM\nSTAT- PubMed-not-MEDLINE\nTI  - Proteomics.\nAU  - Shruthi BS\n";
        String medlineWithoutPmidFirst = "\nTI  - Proteomics.\nFAU - Shruthi, Basavaradhya\nAU  - Shruthi BS\n";
        String bibtex = "@article{a,\n  title = {T},\n  year = {2020}\n}\n";
        String csv = "title,abstract,doi\nT,A,10.1/x\n";
        String json = "[{\"title\": \"TY  - JOUR\"}]";
        String listing = "AIMar 8\nA TitleAnn Lee\nAn abstract.\n";
        assertFalse(importer.recognises("a.nbib", medline));
        assertFalse(importer.recognises("a.txt", medlineWithoutPmidFirst));
        assertFalse(importer.recognises("a.bib", bibtex));
        assertFalse(importer.recognises("a.csv", csv));
        assertFalse(importer.recognises("a.json", json));
        assertFalse(importer.recognises("a.txt", listing));
        assertFalse(importer.recognises("a.txt", ""));
        assertFalse(importer.recognises("a.txt", "TI  - a lone tag\n"));
        assertFalse(importer.recognises("a.txt", "Notes\nTI  - T\nAU  - A\nER  - \n"));
    }
}
