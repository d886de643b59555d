package quire.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportReport;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;

/**
 * The window on a real display, without OSGi: the test thread creates the {@link Display} and so is the UI thread;
 * loading runs on a background executor as in the product. Uses DISPLAY, or starts its own Xvfb.
 */
class LibraryWindowTest {

    private static final Path WORKSPACE = Path.of("/tmp/reviews/llm-hallucination");
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "library-window.png");

    private static Display display;

    private ExecutorService background;
    private LibraryWindow window;

    /** The services as the component offers them; a record's accessors implement the interface. */
    private record Services(Library library, Optional<Seeds> seeds, Optional<SearchService> search)
            implements WindowServices {
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

    @BeforeEach
    void startBackground() {
        background = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void closeWindow() throws InterruptedException {
        if (window != null) {
            window.close();
            pumpWhile(() -> display.readAndDispatch());
        }
        background.shutdown();
        assertTrue(background.awaitTermination(5, TimeUnit.SECONDS), "background work ends");
    }

    @Test
    void showsTheLibraryInTheTable() throws Exception {
        List<Reference> references = FakeLibrary.samples(0, 100);
        window = open(new Services(new FakeLibrary(WORKSPACE, references), Optional.empty(), Optional.empty()));

        pumpUntil(() -> window.table().getItemCount() == 100, "the table shows 100 references");

        assertEquals("Quire — llm-hallucination", window.shell().getText());
        assertEquals("100 references", window.status().getText());
        assertEquals(LibraryWindow.SEARCH_HINT, window.searchBox().getMessage());
        Menu bar = window.shell().getMenuBar();
        assertEquals("&File", bar.getItem(0).getText());
        assertEquals("&Help", bar.getItem(1).getText());

        bar.getItem(1).getMenu().getItem(0).notifyListeners(SWT.Selection, new Event()); // Help > About
        Shell about = window.shell().getShells()[0];
        assertEquals("About Quire", about.getText());
        assertTrue(((Label) about.getChildren()[0]).getText().startsWith("Quire test\n"), "About names the version");
        pumpFor(300);
        window.saveScreenshot(SCREENSHOT.resolveSibling("about.png"));
        about.close();
        assertTrue(about.isDisposed());

        Table table = window.table();
        assertEquals(5, table.getColumnCount());
        assertEquals("Title", table.getColumn(2).getText());
        // sample 0: truncated WHO list, no year (0 % 17 == 0), a preprint
        assertEquals("World Health Organization et al.", table.getItem(0).getText(0));
        assertEquals("", table.getItem(0).getText(1));
        assertEquals("Preprint", table.getItem(0).getText(4));
        // sample 3: four authors, so three names and et al.
        assertEquals("Belinkov, Nguyen, van der Berg et al.", table.getItem(3).getText(0));
        assertEquals("2003", table.getItem(3).getText(1));
        assertEquals("Study 003: detecting hallucinations in large language models with certainty probes",
                table.getItem(3).getText(2));
        assertEquals("Transactions on Machine Learning Research", table.getItem(3).getText(3));
        for (int i : new int[] {1, 17, 50, 99}) {
            String[] expected = CitationColumn.row(references.get(i));
            String[] shown = new String[expected.length];
            for (int col = 0; col < shown.length; col++) {
                shown[col] = table.getItem(i).getText(col);
            }
            assertArrayEquals(expected, shown, "row " + i);
        }

        int title = table.getColumn(2).getWidth();
        for (int col = 0; col < table.getColumnCount(); col++) {
            assertTrue(col == 2 || table.getColumn(col).getWidth() < title, "Title is the widest column");
            assertTrue(table.getColumn(col).getWidth() >= 50, "column " + col + " is wide enough to read");
        }

        pumpFor(300); // let GTK paint before the screenshot
        Files.deleteIfExists(SCREENSHOT);
        window.saveScreenshot(SCREENSHOT);
        ImageData[] saved = new ImageLoader().load(SCREENSHOT.toString());
        assertEquals(window.screenArea().width, saved[0].width, "the PNG is the window");
        assertEquals(window.screenArea().height, saved[0].height, "the PNG is the window");
    }

    @Test
    void theFirstLoadImportsTheSeedsOnce() {
        FakeLibrary library = new FakeLibrary(WORKSPACE, List.of());
        AtomicInteger imports = new AtomicInteger();
        Seeds seeds = progress -> {
            imports.incrementAndGet();
            progress.begin("seeds.txt", 5);
            library.store(FakeLibrary.samples(0, 5));
            return List.of(new ImportReport("seeds.txt", "listing", 5, 5, 0, List.of(), false));
        };
        window = new LibraryWindow(display, new Services(library, Optional.of(seeds), Optional.empty()),
                background, "test");
        AtomicInteger firstLoads = new AtomicInteger();
        window.whenFirstLoaded(firstLoads::incrementAndGet);
        window.open();

        pumpUntil(() -> firstLoads.get() == 1, "the first load completes");
        assertEquals(5, window.table().getItemCount(), "the seeds are in the first load");
        assertEquals("5 references", window.status().getText());

        window.reload();
        pumpUntil(() -> imports.get() == 1 && "5 references".equals(window.status().getText()), "reloaded");
        pumpFor(100);
        assertEquals(1, imports.get(), "seeds are imported once");
        assertEquals(1, firstLoads.get());
    }

    @Test
    void aLibraryChangeReloadsTheTable() {
        FakeLibrary library = new FakeLibrary(WORKSPACE, FakeLibrary.samples(0, 100));
        window = open(new Services(library, Optional.empty(), Optional.empty()));
        pumpUntil(() -> window.table().getItemCount() == 100, "the table shows 100 references");

        long generation = library.store(FakeLibrary.samples(100, 3));
        window.libraryChanged(generation); // as the EventAdmin thread would
        pumpUntil(() -> window.table().getItemCount() == 103, "the table shows the three new references");
        assertEquals("103 references", window.status().getText());
        assertTrue(window.table().getItem(102).getText(2).startsWith("Study 102:"));
    }

    @Test
    void searchShowsHitsAndSyntaxErrorsAndEmptyShowsAll() {
        FakeLibrary library = new FakeLibrary(WORKSPACE, FakeLibrary.samples(0, 100));
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        SearchService search = new SearchService() {
            @Override
            public SearchResult search(quire.api.search.SearchRequest request) throws QuerySyntaxException {
                queries.add(request.query());
                assertEquals(LibraryWindow.SEARCH_LIMIT, request.limit());
                if (request.query().contains("(")) {
                    throw new QuerySyntaxException("unbalanced parenthesis", 4);
                }
                String wanted = request.query().toLowerCase(Locale.ROOT);
                List<SearchHit> hits = library.references().stream()
                        .filter(r -> r.title().toLowerCase(Locale.ROOT).contains(wanted))
                        .map(r -> new SearchHit(r, 1f))
                        .toList();
                return new SearchResult(request.query(), hits.size(), hits);
            }

            @Override
            public SearchResult similar(java.util.Collection<String> ids, int limit) {
                return new SearchResult("", 0, List.of());
            }

            @Override
            public void rebuild(quire.api.work.Progress progress) {
            }
        };
        window = open(new Services(library, Optional.empty(), Optional.of(search)));
        pumpUntil(() -> window.table().getItemCount() == 100, "the table shows 100 references");

        enter("study 01");
        pumpUntil(() -> window.table().getItemCount() == 10, "ten hits for 'study 01'");
        assertEquals("10 of 100 references match", window.status().getText());
        assertTrue(window.table().getItem(0).getText(2).startsWith("Study 010:"));

        enter("bad (query");
        pumpUntil(() -> window.status().getText().startsWith("Cannot search"), "the syntax error is shown");
        assertEquals("Cannot search: unbalanced parenthesis (at character 5)", window.status().getText());
        assertEquals(10, window.table().getItemCount(), "a bad query keeps the last hits");

        window.searchBox().setText("study 02"); // typing, no Enter: runs after the pause
        pumpUntil(() -> window.status().getText().equals("10 of 100 references match")
                && window.table().getItem(0).getText(2).startsWith("Study 020:"), "the typed search runs");

        enter("");
        pumpUntil(() -> window.table().getItemCount() == 100, "an empty query shows all");
        assertEquals("100 references", window.status().getText());
        assertTrue(!queries.contains(""), "an empty query reads the library, not the index");
    }

    @Test
    void withoutTheIndexSearchSaysItIsNotAvailable() {
        window = open(new Services(new FakeLibrary(WORKSPACE, FakeLibrary.samples(0, 20)), Optional.empty(),
                Optional.empty()));
        pumpUntil(() -> window.table().getItemCount() == 20, "the table shows 20 references");
        enter("hallucination");
        pumpUntil(() -> window.status().getText().startsWith("Search is not available"), "the status says so");
        assertEquals(20, window.table().getItemCount());
    }

    @Test
    void aLibraryThatCannotBeReadSaysWhy() {
        Library locked = new FakeLibrary(WORKSPACE, List.of()) {
            @Override
            public synchronized List<Reference> references() {
                throw new java.io.UncheckedIOException(new quire.api.library.WorkspaceLockedException(
                        "the workspace is open in another Quire process (pid 4242)"));
            }
        };
        window = open(new Services(locked, Optional.empty(), Optional.empty()));
        AtomicInteger firstLoads = new AtomicInteger();
        window.whenFirstLoaded(firstLoads::incrementAndGet);
        pumpUntil(() -> window.status().getText().startsWith("Cannot read"), "the status says why");
        assertEquals("Cannot read the library: the workspace is open in another Quire process (pid 4242)",
                window.status().getText());
        assertEquals(1, firstLoads.get(), "a failed first load still counts (the screenshot mode must end)");
    }

    private LibraryWindow open(WindowServices services) {
        LibraryWindow opened = new LibraryWindow(display, services, background, "test");
        opened.open();
        return opened;
    }

    private void enter(String query) {
        window.searchBox().setText(query);
        window.searchBox().notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** Runs the event loop until the condition holds; fails after 10 s. */
    private static void pumpUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { }); // bounds the sleep
                display.sleep();
            }
        }
    }

    private static void pumpFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        pumpUntil(() -> System.nanoTime() >= end, millis + " ms passed");
    }

    private static void pumpWhile(BooleanSupplier work) {
        for (int i = 0; i < 10_000 && work.getAsBoolean(); i++) {
            // dispatch what is pending
        }
    }
}
