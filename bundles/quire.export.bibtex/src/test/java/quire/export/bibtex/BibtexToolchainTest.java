package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.model.Reference;

/**
 * Runs the real tools on exports ({@link TexToolchain}): bibtex with plain.bst, and biber with biblatex, each
 * between two pdflatex runs. This is the test that the output is BibTeX that BibTeX reads, a data file biber reads
 * and LaTeX that LaTeX sets, not just text that looks like it; and that nothing in the data runs. The seeds and the
 * real-world fixtures are exported through the importers in the export service's tests.
 */
class BibtexToolchainTest {

    @TempDir
    Path dir;

    private static String export(Exporter exporter, List<Reference> references, ExportOptions options)
            throws IOException {
        StringWriter out = new StringWriter();
        exporter.write(references, options, out);
        return out.toString();
    }

    private static List<String> keys(List<Reference> references) {
        return CitationKeys.assign(references);
    }

    @Test
    void bibtexAndPdflatexAcceptTheExportAndRunNothingFromIt() throws Exception {
        List<Reference> references = SampleReferences.varied();
        assertEquals(20, references.size());
        String bbl = new TexToolchain(dir).bibtex(export(new BibtexExporter(), references, ExportOptions.NONE),
                keys(references), false);
        assertTrue(keys(references).contains("Pinned:2020"));
        // the attack arrives as printed text
        assertTrue(bbl.contains("{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}"), bbl);
    }

    @Test
    void biberAndPdflatexAcceptTheExportAndRunNothingFromIt() throws Exception {
        List<Reference> references = SampleReferences.varied();
        String bbl = new TexToolchain(dir).biber(export(new BiblatexExporter(), references, ExportOptions.NONE),
                keys(references));
        assertTrue(bbl.contains("{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}"), bbl);
        assertTrue(bbl.contains("G\u00f6del"), "letters stay UTF-8:\n" + bbl);
    }

    @Test
    void bibtexAndPdflatexAcceptTheTortureSet() throws Exception {
        List<Reference> references = TortureReferences.all();
        String bib = export(new BibtexExporter(), references, ExportOptions.NONE);
        assertTrue(bib.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)), "ASCII only");
        new TexToolchain(dir).bibtex(bib, keys(references), false);
    }

    @Test
    void biberAndPdflatexAcceptTheTortureSet() throws Exception {
        List<Reference> references = TortureReferences.all();
        String bib = export(new BiblatexExporter(), references, ExportOptions.NONE);
        assertFalse(bib.contains("crossref") || bib.contains("execute"), "no field that follows or runs");
        new TexToolchain(dir).biber(bib, keys(references));
    }

    @Test
    void bibtexAndPdflatexAcceptRandomHardText() throws Exception {
        // Random references lack fields their type requires, which bibtex rightly warns about; nothing else.
        List<Reference> references = SampleReferences.random(7L, 60);
        new TexToolchain(dir).bibtex(export(new BibtexExporter(), references, ExportOptions.NONE),
                keys(references), true);
    }

    @Test
    void biberAndPdflatexAcceptRandomHardText() throws Exception {
        List<Reference> references = SampleReferences.random(11L, 60);
        new TexToolchain(dir).biber(export(new BiblatexExporter(), references, ExportOptions.NONE),
                keys(references));
    }

    @Test
    void biberAcceptsFullUtf8() throws Exception {
        // For xelatex and lualatex; pdflatex cannot set every script, so only biber runs on the whole set here.
        List<Reference> references = TortureReferences.all();
        String bib = export(new BiblatexExporter(), references,
                new ExportOptions(Map.of(BiblatexExporter.ENCODING_OPTION, "utf8")));
        assertTrue(bib.contains("王") && bib.contains("Иванов") && bib.contains("😀"), "every script kept");
        new TexToolchain(dir).biberOnly(bib, keys(references));
    }
}
