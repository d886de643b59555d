package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;

class BibtexExporterTest {

    private final Exporter exporter = new BibtexExporter();

    @Test
    void describesItself() {
        assertEquals("bibtex", exporter.format());
        assertEquals("BibTeX", exporter.label());
        assertEquals("bib", exporter.extension());
    }

    @Test
    void writesWhatTheWriterWritesAndIgnoresUnknownOptions() throws IOException {
        StringWriter expected = new StringWriter();
        BibtexWriter.write(SampleReferences.varied(), expected);
        StringWriter out = new StringWriter();
        exporter.write(SampleReferences.varied(), new ExportOptions(Map.of("bibtex.unknown", "x")), out);
        assertEquals(expected.toString(), out.toString());
    }

    @Test
    void leavesTheWriterOpen() throws IOException {
        class TrackingWriter extends StringWriter {
            boolean closed;

            @Override
            public void close() throws IOException {
                closed = true;
                super.close();
            }
        }
        TrackingWriter out = new TrackingWriter();
        exporter.write(List.of(SampleReferences.simhi()), ExportOptions.NONE, out);
        assertFalse(out.closed);
    }

    @Test
    void theBiblatexExporterDescribesItselfAndWritesTheBiblatexDialect() throws IOException {
        Exporter biblatex = new BiblatexExporter();
        assertEquals("biblatex", biblatex.format());
        assertEquals("biblatex (biber)", biblatex.label());
        assertEquals("bib", biblatex.extension());
        StringWriter out = new StringWriter();
        biblatex.write(List.of(SampleReferences.goedel()), ExportOptions.NONE, out);
        assertTrue(out.toString().contains("  journaltitle = {Monatshefte für Mathematik und Physik},\n"),
                out.toString());
        StringWriter full = new StringWriter();
        biblatex.write(List.of(SampleReferences.goedel().toBuilder().title("王 ≤").build()),
                new ExportOptions(Map.of(BiblatexExporter.ENCODING_OPTION, "utf8")), full);
        assertTrue(full.toString().contains("  title = {王 ≤},\n"), full.toString());
    }
}
