package quire.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import quire.api.importing.ImportReport;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

/**
 * The main window: a search box, the citation table and a status line. Create, use and close it on the thread that
 * owns the {@link Display}. Reading the library, importing the seeds and searching run on the {@code background}
 * executor; their results come back through {@link Display#asyncExec}, so the UI thread only paints and dispatches.
 * The table is virtual: rows are written only when they are about to be painted.
 */
final class LibraryWindow {

    static final String SEARCH_HINT = "Search: words, \"phrases\", author:name, year:2020..2024";
    /** The most hits a search shows. */
    static final int SEARCH_LIMIT = 10_000;
    /** How long typing must pause before the search runs by itself. */
    static final int TYPING_PAUSE_MILLIS = 250;

    private static final Logger LOG = Logger.getLogger(LibraryWindow.class.getName());

    private final Display display;
    private final WindowServices services;
    private final Executor background;
    private final String version;
    private final Shell shell;
    private final Text searchBox;
    private final Table table;
    private final Label status;
    private final Runnable searchAfterTyping = this::searchNow;

    // UI thread only
    private List<Reference> rows = List.of();
    private String shownQuery = "";
    private boolean loadedOnce;
    private Runnable afterFirstLoad = () -> { };

    // shared with the background thread
    private final AtomicBoolean loadQueued = new AtomicBoolean();
    private volatile String query = "";
    private volatile long loadedGeneration = -1;
    private volatile boolean closed;

    // background thread only
    private Seeds seedsChecked;

    /** Seed import progress goes to the status line; closing the window cancels it. */
    private final Progress seedProgress = new Progress() {
        @Override
        public void begin(String task, long totalWork) {
            showStatus("Importing the seed documents: " + task + " …");
        }

        @Override
        public void worked(long amount) {
        }

        @Override
        public boolean isCancelled() {
            return closed;
        }
    };

    /**
     * Builds the window (not yet shown) on the calling thread, which must own {@code display}.
     *
     * @param background where the library is read and searched; one thread keeps results in request order
     * @param version    the bundle version, for Help &gt; About
     */
    LibraryWindow(Display display, WindowServices services, Executor background, String version) {
        this.display = display;
        this.services = services;
        this.background = background;
        this.version = version;

        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText(title(services.library().workspace()));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        layout.verticalSpacing = 6;
        shell.setLayout(layout);
        shell.setMenuBar(menuBar());

        searchBox = new Text(shell, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        searchBox.setMessage(SEARCH_HINT);
        searchBox.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        searchBox.addListener(SWT.Modify, e -> display.timerExec(TYPING_PAUSE_MILLIS, searchAfterTyping));
        searchBox.addListener(SWT.DefaultSelection, e -> {
            display.timerExec(-1, searchAfterTyping);
            searchNow();
        });

        table = new Table(shell, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (CitationColumn column : CitationColumn.values()) {
            TableColumn tableColumn = new TableColumn(table, SWT.LEFT);
            tableColumn.setText(column.header());
            tableColumn.setResizable(true);
            tableColumn.setMoveable(true);
        }
        table.addListener(SWT.SetData, this::fillRow);
        table.addListener(SWT.Resize, e -> fitColumns());

        status = new Label(shell, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Reading the library …");

        shell.addListener(SWT.Dispose, e -> {
            closed = true;
            display.timerExec(-1, searchAfterTyping);
        });
        shell.setSize(1200, 720);
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setLocation(screen.x + Math.max(0, (screen.width - 1200) / 2),
                screen.y + Math.max(0, (screen.height - 720) / 2));
    }

    /** "Quire — my-review": the workspace folder names the window. */
    static String title(Path workspace) {
        Path name = workspace.getFileName();
        return "Quire — " + (name != null ? name : workspace);
    }

    /** Shows the window and starts the first load (seeds, then the library). */
    void open() {
        shell.open();
        searchBox.setFocus();
        requestLoad();
    }

    /** Runs once, on the UI thread, when the first load has been shown (or has failed). */
    void whenFirstLoaded(Runnable action) {
        afterFirstLoad = action;
    }

    /** Closes the window; the event loop that waits for it then ends. */
    void close() {
        if (!shell.isDisposed()) {
            shell.close();
        }
    }

    /** Whether the window is closed; any thread. */
    boolean isClosed() {
        return closed;
    }

    /**
     * The library reached {@code generation}: reloads the table (or re-runs the search) in the background unless
     * it already shows that generation. Any thread.
     */
    void libraryChanged(long generation) {
        if (generation > loadedGeneration) {
            requestLoad();
        }
    }

    /** Reloads the table (or re-runs the search) in the background, e.g. when a Seeds service appears. Any thread. */
    void reload() {
        requestLoad();
    }

    /**
     * Saves a PNG of the window as it is on the screen. Paints pending changes first.
     *
     * @throws IOException   when the folder cannot be made
     * @throws SWTException when the image cannot be written
     */
    void saveScreenshot(Path file) throws IOException {
        shell.update();
        Rectangle area = screenArea();
        Image image = new Image(display, area.width, area.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
            } finally {
                gc.dispose();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /**
     * Where the window is on the screen. Without a window manager (Xvfb) SWT's bounds include a frame it estimated
     * and that is not there, so the area ends where the client area ends; it starts at the bounds, which keeps the
     * title bar when there is one.
     */
    Rectangle screenArea() {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
        Rectangle area = new Rectangle(bounds.x, bounds.y, end.x - bounds.x, end.y - bounds.y);
        return area.intersection(display.getBounds());
    }

    Shell shell() {
        return shell;
    }

    Table table() {
        return table;
    }

    Text searchBox() {
        return searchBox;
    }

    Label status() {
        return status;
    }

    private Menu menuBar() {
        Menu bar = new Menu(shell, SWT.BAR);
        Menu file = cascade(bar, "&File");
        MenuItem quit = new MenuItem(file, SWT.PUSH);
        quit.setText("&Quit\tCtrl+Q");
        quit.setAccelerator(SWT.MOD1 | 'Q');
        quit.addListener(SWT.Selection, e -> shell.close());
        Menu help = cascade(bar, "&Help");
        MenuItem about = new MenuItem(help, SWT.PUSH);
        about.setText("&About Quire");
        about.addListener(SWT.Selection, e -> showAbout());
        return bar;
    }

    private Menu cascade(Menu bar, String text) {
        MenuItem item = new MenuItem(bar, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(shell, SWT.DROP_DOWN);
        item.setMenu(menu);
        return menu;
    }

    /**
     * Help &gt; About as a modal shell of our own rather than a MessageBox: a native dialog runs its own event loop,
     * which does not run {@code asyncExec} work, so a window closing from outside (framework stop) would wait for
     * the user to dismiss it.
     */
    private void showAbout() {
        Shell about = new Shell(shell, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        about.setText("About Quire");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 18;
        layout.marginHeight = 14;
        layout.verticalSpacing = 12;
        about.setLayout(layout);
        Label text = new Label(about, SWT.NONE);
        text.setText("Quire " + version + "\nA workbench for systematic literature reviews.\n\nWorkspace: "
                + services.library().workspace());
        Button ok = new Button(about, SWT.PUSH);
        ok.setText("OK");
        GridData okData = new GridData(SWT.END, SWT.CENTER, false, false);
        okData.widthHint = Math.max(90, ok.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        ok.setLayoutData(okData);
        ok.addListener(SWT.Selection, e -> about.close());
        about.setDefaultButton(ok);
        about.pack();
        Rectangle parent = shell.getBounds();
        Rectangle size = about.getBounds();
        about.setLocation(parent.x + (parent.width - size.width) / 2, parent.y + (parent.height - size.height) / 3);
        about.open();
    }

    /** Writes one row of the virtual table when it is about to be painted. */
    private void fillRow(Event event) {
        TableItem item = (TableItem) event.item;
        int index = table.indexOf(item);
        if (index >= 0 && index < rows.size()) {
            item.setText(CitationColumn.row(rows.get(index)));
        }
    }

    /** Year and Type get what they need; of the rest Title gets half, Authors 28 % and Venue 22 %. */
    private void fitColumns() {
        int width = table.getClientArea().width;
        if (width <= 0) {
            return;
        }
        int yearWidth;
        int typeWidth;
        GC gc = new GC(table);
        try {
            // GTK pads cells by a few pixels each side; two characters more keep a short column readable
            int padding = 16 + (int) Math.ceil(2 * gc.getFontMetrics().getAverageCharacterWidth());
            yearWidth = Math.max(gc.textExtent("Year").x, gc.textExtent("8888").x) + padding;
            typeWidth = gc.textExtent("Conference paper").x + padding;
        } finally {
            gc.dispose();
        }
        int rest = Math.max(width - yearWidth - typeWidth, 400);
        int authors = rest * 28 / 100;
        int venue = rest * 22 / 100;
        int title = rest - authors - venue;
        int[] widths = new int[CitationColumn.values().length];
        widths[CitationColumn.AUTHORS.ordinal()] = authors;
        widths[CitationColumn.YEAR.ordinal()] = yearWidth;
        widths[CitationColumn.TITLE.ordinal()] = title;
        widths[CitationColumn.VENUE.ordinal()] = venue;
        widths[CitationColumn.TYPE.ordinal()] = typeWidth;
        for (int i = 0; i < widths.length; i++) {
            table.getColumn(i).setWidth(widths[i]);
        }
    }

    /** Runs what the search box says: a search, or the whole library when it is empty. */
    private void searchNow() {
        if (shell.isDisposed()) {
            return;
        }
        query = searchBox.getText().strip();
        requestLoad();
    }

    /** Queues a load unless one is queued and not yet started (it will read the newest query). Any thread. */
    private void requestLoad() {
        if (closed || !loadQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(this::load);
        } catch (RejectedExecutionException e) {
            loadQueued.set(false); // shutting down
        }
    }

    /** Background thread: seeds once, then the library or the search, then hand the rows to the UI thread. */
    private void load() {
        loadQueued.set(false);
        if (closed) {
            return;
        }
        String wanted = query;
        Listing listing;
        try {
            String seedProblem = importSeeds();
            listing = wanted.isEmpty() ? everything() : search(wanted);
            if (!seedProblem.isEmpty()) {
                listing = listing.withStatus(listing.status() + " — " + seedProblem);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, wanted.isEmpty() ? "reading the library" : "searching for " + wanted, e);
            listing = Listing.problem(wanted,
                    (wanted.isEmpty() ? "Cannot read the library: " : "The search failed: ") + message(e));
        }
        Listing result = listing;
        onUiThread(() -> show(result));
    }

    /** Imports the seeds the first time a Seeds service is seen; returns a problem to show, or "". */
    private String importSeeds() {
        Optional<Seeds> seeds = services.seeds();
        if (seeds.isEmpty() || seeds.get() == seedsChecked) {
            return "";
        }
        seedsChecked = seeds.get();
        try {
            List<ImportReport> reports = seeds.get().ensureImported(seedProgress);
            for (ImportReport report : reports) {
                LOG.info(() -> "seed " + report.file() + ": " + report.added() + " references added, "
                        + report.errors() + " records skipped");
            }
            return "";
        } catch (IOException e) {
            LOG.log(Level.WARNING, "importing the seed documents", e);
            return "the seed documents were not imported: " + message(e);
        }
    }

    private Listing everything() {
        Library library = services.library();
        long generation = library.generation();
        List<Reference> references = library.references();
        loadedGeneration = generation;
        int n = references.size();
        return new Listing("", Optional.of(references),
                n == 0 ? "The library is empty" : n == 1 ? "1 reference" : n + " references");
    }

    private Listing search(String wanted) {
        Optional<SearchService> search = services.search();
        if (search.isEmpty()) {
            return Listing.problem(wanted, "Search is not available: the index bundle is not running");
        }
        Library library = services.library();
        long generation = library.generation();
        SearchResult result;
        try {
            result = search.get().search(SearchRequest.of(wanted, SEARCH_LIMIT));
        } catch (QuerySyntaxException e) {
            String where = e.position() >= 0 ? " (at character " + (e.position() + 1) + ")" : "";
            return Listing.problem(wanted, "Cannot search: " + e.getMessage() + where);
        }
        loadedGeneration = generation;
        List<Reference> references = result.hits().stream().map(SearchHit::reference).toList();
        String text = result.totalHits() > references.size()
                ? "Showing the best " + references.size() + " of " + result.totalHits() + " matching references"
                : references.size() + " of " + library.size() + " references match";
        return new Listing(wanted, Optional.of(references), text);
    }

    /** UI thread: puts a listing in the table and the status line. */
    private void show(Listing listing) {
        listing.rows().ifPresent(references -> {
            rows = references;
            if (!listing.query().equals(shownQuery)) {
                table.deselectAll();
                table.setTopIndex(0);
                shownQuery = listing.query();
            }
            table.setItemCount(references.size());
            table.clearAll();
        });
        status.setText(listing.status());
        if (!loadedOnce) {
            loadedOnce = true;
            afterFirstLoad.run();
        }
    }

    private void showStatus(String text) {
        onUiThread(() -> status.setText(text));
    }

    /** Any thread: runs on the UI thread unless the window is gone by then. */
    private void onUiThread(Runnable action) {
        if (closed) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    action.run();
                }
            });
        } catch (SWTException e) {
            // the display was disposed meanwhile: nothing left to show it in
        }
    }

    private static String message(Throwable e) {
        Throwable shown = e instanceof UncheckedIOException ? e.getCause() : e;
        return shown.getMessage() != null ? shown.getMessage() : shown.getClass().getSimpleName();
    }

    /**
     * What one load found.
     *
     * @param query  the query it ran, "" for the whole library
     * @param rows   the references to show; empty to keep the table as it is (a problem)
     * @param status the status line
     */
    private record Listing(String query, Optional<List<Reference>> rows, String status) {
        static Listing problem(String query, String status) {
            return new Listing(query, Optional.empty(), status);
        }

        Listing withStatus(String text) {
            return new Listing(query, rows, text);
        }
    }
}
