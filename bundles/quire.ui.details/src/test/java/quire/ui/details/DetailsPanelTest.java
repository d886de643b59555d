package quire.ui.details;

import quire.testing.VirtualDisplay;
import quire.testing.TestViewContext;
import quire.testing.SampleReferences;
import quire.testing.MemoryLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.library.Library;
import quire.api.model.Reference;

/** The details view on a real display (its own Xvfb): shows the selection, marks terms, edits and undoes. */
class DetailsPanelTest {

    private static Display display;

    private record Services(Library library, Optional<Exporter> bibtex) implements DetailsServices {
    }

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void showsTheSelectionMarksTheSearchEditsAndUndoes() {
        Reference first = SampleReferences.sample(1).toBuilder().doi("10.1000/XYZ.1").arxivId("2401.01234")
                .abstractText("We probe hallucinations of language models; a hallucination is confident.").build();
        MemoryLibrary library = new MemoryLibrary(Path.of("/tmp/w"), List.of(first, SampleReferences.sample(2)));
        Exporter bibtex = new Exporter() {
            public String format() {
                return "bibtex";
            }

            public String label() {
                return "BibTeX";
            }

            public String extension() {
                return "bib";
            }

            public void write(List<Reference> references, ExportOptions options, Writer out)
                    throws java.io.IOException {
                out.write("@article{" + references.get(0).id() + ",\n  title = {" + references.get(0).title() + "}\n}");
            }
        };
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(500, 900);
        TestViewContext context = new TestViewContext(display);
        DetailsPanel panel = new DetailsPanel(shell, context, new Services(library, Optional.of(bibtex)));
        shell.open();
        try {
            context.setQuery("hallucination author:simhi");
            context.setSelection(List.of("ref-1"));
            waitUntil(() -> panel.shown().isPresent() && panel.bibtexField().getText().startsWith("@article{ref-1"));
            assertEquals(first.title(), panel.titleField().getText());
            assertTrue(panel.identifiersLink().getText().contains("href=\"https://doi.org/10.1000/xyz.1\""));
            assertTrue(panel.identifiersLink().getText().contains("href=\"https://arxiv.org/abs/2401.01234\""));
            StyleRange[] marks = panel.abstractField().getStyleRanges();
            assertEquals(2, marks.length, "hallucinations and hallucination, not the author filter");
            assertEquals("hallucinations", panel.abstractField().getText(marks[0].start, marks[0].start + marks[0].length - 1));

            panel.titleField().setText("A corrected title");
            panel.save();
            waitUntil(() -> library.reference("ref-1").orElseThrow().title().equals("A corrected title"));
            waitUntil(() -> context.statusMessage().isPresent());
            assertEquals("Saved \"A corrected title\"", context.statusMessage().orElseThrow().text());

            panel.undo();
            waitUntil(() -> library.reference("ref-1").orElseThrow().title().equals(first.title()));
            waitUntil(() -> panel.titleField().getText().equals(first.title()));
            assertEquals(first, library.reference("ref-1").orElseThrow(), "the earlier version, whole");

            panel.titleField().setText("x");
            ((org.eclipse.swt.widgets.Text) find(shell, "Year")).setText("twenty");
            panel.save();
            assertEquals("Not saved: the year must be a number, not \"twenty\"",
                    context.statusMessage().orElseThrow().text());
        } finally {
            shell.dispose();
        }
    }

    /** The text field after the label with this text. */
    private static org.eclipse.swt.widgets.Control find(Shell shell, String label) {
        org.eclipse.swt.widgets.Composite body = (org.eclipse.swt.widgets.Composite)
                ((org.eclipse.swt.custom.ScrolledComposite) shell.getChildren()[0]).getContent();
        org.eclipse.swt.widgets.Control[] children = body.getChildren();
        for (int i = 0; i < children.length - 1; i++) {
            if (children[i] instanceof org.eclipse.swt.widgets.Label l && l.getText().equals(label)) {
                return children[i + 1];
            }
        }
        throw new AssertionError("no field " + label);
    }

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out");
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
