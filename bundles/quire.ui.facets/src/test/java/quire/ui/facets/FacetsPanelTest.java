package quire.ui.facets;

import quire.testing.FakeSearch;
import quire.testing.VirtualDisplay;
import quire.testing.TestViewContext;
import quire.testing.SampleReferences;
import quire.testing.MemoryLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facets view on a real display (its own Xvfb): counts, and ticking a value sets the shared filter. */
class FacetsPanelTest {

    private static Display display;

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
    void tickingAValueFiltersAndTheQueryOfSeveralIsOredWithinAndAndedAcross() {
        FacetFilter filter = new FacetFilter();
        filter.toggle("year", "2024", true);
        filter.toggle("type", "preprint", true);
        filter.toggle("type", "article", true);
        filter.toggle("venue", "Nature Machine Intelligence", true);
        assertEquals("year:2024 AND (type:preprint OR type:article) AND venue:\"Nature Machine Intelligence\"",
                filter.query());
        filter.toggle("type", "preprint", false);
        filter.toggle("type", "article", false);
        assertEquals("year:2024 AND venue:\"Nature Machine Intelligence\"", filter.query());

        MemoryLibrary library = new MemoryLibrary(Path.of("/tmp/w"), SampleReferences.samples(0, 50));
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(300, 700);
        TestViewContext context = new TestViewContext(display);
        FacetsPanel panel = new FacetsPanel(shell, context, () -> Optional.of(new FakeSearch(library)));
        shell.open();
        try {
            waitUntil(() -> year(panel) != null && year(panel).getItemCount() == 25);
            TreeItem y2005 = Arrays.stream(year(panel).getItems()).filter(i -> "2005".equals(i.getData("value")))
                    .findFirst().orElseThrow();
            assertEquals("2005  2", y2005.getText());
            y2005.setChecked(true);
            Event click = new Event();
            click.detail = SWT.CHECK;
            click.item = y2005;
            panel.tree().notifyListeners(SWT.Selection, click);
            assertEquals("year:2005", context.filter());
            waitUntil(() -> year(panel).getItemCount() == 1, "the counts follow the filter");
            assertEquals("2005  2", year(panel).getItem(0).getText());
        } finally {
            shell.dispose();
        }
    }

    private static TreeItem year(FacetsPanel panel) {
        return Arrays.stream(panel.tree().getItems()).filter(i -> "year".equals(i.getData("group"))).findFirst()
                .orElse(null);
    }

    private static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, "timed out");
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail(what);
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
