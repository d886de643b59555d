package quire.ui.citations;

import quire.testing.FakeSearch;
import quire.testing.VirtualDisplay;
import quire.testing.TestViewContext;
import quire.testing.SampleReferences;
import quire.testing.MemoryLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;
import quire.api.search.SearchService;

/** The citation view on a real display (its own Xvfb), driven with SWT events. */
class CitationTableTest {

    private static Display display;

    private Shell shell;
    private TestViewContext context;
    private CitationTable view;
    private MemoryLibrary library;
    private FakeSearch search;
    private FakeReview review;

    private record Services(Library library, Optional<SearchService> search, Optional<ReviewService> review,
            Optional<ScreeningOrder> screeningOrder) implements CitationServices {
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

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private void open(boolean withReview, Optional<ScreeningOrder> order) {
        library = new MemoryLibrary(Path.of("/tmp/w"), SampleReferences.samples(0, 50));
        search = new FakeSearch(library);
        review = new FakeReview();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 700);
        context = new TestViewContext(display);
        view = new CitationTable(shell, context, new Services(library, Optional.of(search),
                withReview ? Optional.of(review) : Optional.empty(), order));
        shell.open();
        waitUntil(() -> view.table().getItemCount() == 50);
    }

    @Test
    void searchAsYouTypeShowsHitsAndTheCountAndABadQueryInline() {
        open(true, Optional.empty());
        assertEquals("50 references", view.hitCount().getText());
        assertEquals(List.of("ref-0"), context.selection(), "the cursor starts on the first record");
        for (String typed : List.of("s", "st", "stu", "stud", "study", "study ", "study 0", "study 00")) {
            view.searchBox().setText(typed); // each keystroke is a Modify event
            pump(20);
        }
        waitUntil(() -> view.table().getItemCount() == 10);
        assertTrue(search.searches() <= 3, "typing is debounced: " + search.searches() + " searches");
        assertEquals("10 of 50 match", view.hitCount().getText());
        assertEquals("study 00", context.query());
        assertTrue(view.table().getItem(0).getText(3).startsWith("Study 000"));
        assertFalse(view.error().getVisible());

        view.searchBox().setText("study (00");
        waitUntil(() -> view.error().getVisible());
        assertEquals("Cannot search: a parenthesis is not closed (at character 7)", view.error().getText());
        assertEquals(10, view.table().getItemCount(), "the last good result stays");

        view.searchBox().setText("");
        waitUntil(() -> view.table().getItemCount() == 50 && !view.error().getVisible());
    }

    @Test
    void screeningKeysRecordDecisionsShowThemAtOnceAndMoveTheCursor() {
        open(true, Optional.empty());
        Table table = view.table();
        table.setFocus();
        assertEquals(0, table.getSelectionIndex());

        press('i');
        assertEquals("Include", table.getItem(0).getText(6), "shown at once");
        assertEquals(1, table.getSelectionIndex(), "the cursor moved on");
        assertEquals(List.of("ref-1"), context.selection());

        press('e'); // asks for the reason
        Shell dialog = Arrays.stream(shell.getShells()).filter(s -> s.getText().equals("Exclude: why?"))
                .findFirst().orElseThrow();
        org.eclipse.swt.widgets.List reasons = findList(dialog);
        assertEquals(2, reasons.getItemCount());
        Event two = new Event();
        two.character = '2';
        reasons.notifyListeners(SWT.KeyDown, two);
        assertTrue(dialog.isDisposed());
        assertEquals("Exclude", table.getItem(1).getText(6));
        assertEquals(2, table.getSelectionIndex());

        press('m');
        press('j');
        press('k');
        assertEquals(4, table.getSelectionIndex() + 1, "j then k comes back");
        waitUntil(() -> review.log.size() == 3);
        assertEquals(Verdict.INCLUDE, review.log.get(0).verdict());
        assertEquals("ref-0", review.log.get(0).referenceId());
        assertEquals(Optional.of("not-empirical"), review.log.get(1).criterion());
        assertEquals(ReviewStage.TITLE_ABSTRACT, review.log.get(2).stage());

        // twenty more with the keyboard alone
        for (int i = 0; i < 20; i++) {
            press(i % 3 == 0 ? 'm' : 'i');
        }
        waitUntil(() -> review.log.size() == 23);
        assertEquals(23, table.getSelectionIndex());
        view.reloadStatuses();
        pump(200);
        assertEquals("Maybe", table.getItem(3).getText(6), "the review's statuses agree with what was shown");
        assertEquals("Include", table.getItem(4).getText(6));
    }

    @Test
    void withoutAReviewTheKeysSaySo() {
        open(false, Optional.empty());
        press('i');
        assertTrue(context.statusMessage().orElseThrow().error());
        assertTrue(context.statusMessage().orElseThrow().text().contains("no ReviewService is running"));
        assertEquals("", view.table().getItem(0).getText(6));
    }

    @Test
    void columnsSortAndTheFilterNarrows() {
        open(true, Optional.empty());
        Table table = view.table();
        table.getColumn(2).notifyListeners(SWT.Selection, new Event()); // Year
        pump(500);
        assertEquals("2000", table.getItem(0).getText(2), () -> Arrays.toString(view.rows().stream().limit(5).map(r -> r.id() + r.year()).toArray()));
        assertEquals("", table.getItem(49).getText(2), "unknown years last");
        table.getColumn(2).notifyListeners(SWT.Selection, new Event());
        waitUntil(() -> table.getItem(0).getText(2).equals("2024"));

        context.setFilter("year:2005"); // what the facets view does
        waitUntil(() -> table.getItemCount() == 2);
        assertEquals("2005", table.getItem(0).getText(2));
        assertEquals("2005", table.getItem(1).getText(2));
    }

    @Test
    void screeningOrderFollowsTheRanking() {
        ScreeningOrder ranking = stage -> List.of(new ScreeningOrder.Ranked("ref-7", 0.9),
                new ScreeningOrder.Ranked("ref-3", 0.8));
        open(true, Optional.of(ranking));
        view.order().select(1);
        view.order().notifyListeners(SWT.Selection, new Event());
        waitUntil(() -> view.rows().get(0).id().equals("ref-7"));
        assertEquals("ref-3", view.rows().get(1).id());
        assertEquals("ref-0", view.rows().get(2).id());
    }

    private void press(char key) {
        Event event = new Event();
        event.character = key;
        event.keyCode = key;
        view.table().notifyListeners(SWT.KeyDown, event);
        pump(10);
    }

    private static org.eclipse.swt.widgets.List findList(Shell dialog) {
        for (org.eclipse.swt.widgets.Control child : dialog.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.List list) {
                return list;
            }
        }
        throw new AssertionError("no list");
    }

    private static void pump(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out");
            }
            pump(20);
        }
    }
}
