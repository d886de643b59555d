package quire.ui.citations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.review.Criterion;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewService;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;
import quire.ui.api.WorkbenchContext.Aspect;

/**
 * The citation view's widgets: a search box with the hit count and an inline error line, an order chooser, and a
 * virtual table whose rows are written only when about to be painted (100,000 rows scroll as 100 do).
 *
 * <p>Listing, searching, sorting and reading the review's statuses run on this panel's own background thread;
 * results come back through {@link ViewContext#asyncExec}, so typing never waits. A newer request makes older ones
 * moot: each load carries a number and a load that is no longer the latest is dropped.
 *
 * <p>Screening keys on the table: {@code I} include, {@code E} exclude (asks for a criterion), {@code M} maybe,
 * {@code J}/{@code K} next/previous, {@code T} tag. A decision shows at once and the cursor moves to the next
 * record; the review records it in the background, and a failure puts the row back and says why.
 */
final class CitationTable {

    static final String SEARCH_HINT = "Search: words, \"phrases\", author:name, year:2020..2024  (Ctrl+F)";
    static final String LIBRARY_ORDER = "Library order";
    static final String SCREENING_ORDER = "Screening order";
    /** How long typing must pause before the search runs by itself. */
    static final int TYPING_PAUSE_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(CitationTable.class.getName());

    private final CitationServices services;
    private final ViewContext site;
    private final WorkbenchContext context;
    private final Composite root;
    private final Text searchBox;
    private final Label hitCount;
    private final Combo order;
    private final Label error;
    private Table table; // the one shown
    private Table spare; // hidden; see show(): swapping tables beats shrinking a GTK list row by row
    private final ExecutorService background;
    private final Runnable searchAfterTyping = this::publishQuery;
    private final AtomicLong loads = new AtomicLong();
    /** The rows GTK gets per turn of the event loop while a long listing fills the table. */
    static final int GROWTH_STEP = 10_000;
    private long growth; // number of the latest growTo, UI thread

    // UI thread only
    private List<Reference> rows = List.of();
    private Map<String, RecordStatus> statuses = Map.of();
    private final Map<String, Verdict> pending = new HashMap<>(); // shown before the review confirms them
    private List<Criterion> criteria = List.of();
    private CitationColumn sortColumn;
    private boolean descending;
    private boolean loadedOnce;
    private String shownQuery = "";

    CitationTable(Composite parent, ViewContext site, CitationServices services) {
        this.services = services;
        this.site = site;
        this.context = site.workbench();
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quire-citations");
            thread.setDaemon(true);
            return thread;
        });

        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        layout.verticalSpacing = 3;
        root.setLayout(layout);

        searchBox = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        searchBox.setMessage(SEARCH_HINT);
        searchBox.setText(context.query());
        searchBox.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        searchBox.addListener(SWT.Modify, e -> root.getDisplay().timerExec(TYPING_PAUSE_MILLIS, searchAfterTyping));
        searchBox.addListener(SWT.DefaultSelection, e -> {
            root.getDisplay().timerExec(-1, searchAfterTyping);
            publishQuery();
            table.setFocus();
        });
        searchBox.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN) {
                table.setFocus();
                e.doit = false;
            }
        });

        hitCount = new Label(root, SWT.RIGHT);
        GridData countData = new GridData(SWT.END, SWT.CENTER, false, false);
        countData.widthHint = 170;
        hitCount.setLayoutData(countData);

        order = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
        order.setItems(LIBRARY_ORDER, SCREENING_ORDER);
        order.select(0);
        order.setToolTipText("Screening order ranks the undecided records, most likely included first");
        order.addListener(SWT.Selection, e -> {
            sortColumn = null;
            table.setSortColumn(null);
            load();
        });

        error = new Label(root, SWT.WRAP);
        error.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData errorData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        errorData.exclude = true;
        error.setLayoutData(errorData);
        error.setVisible(false);

        table = newTable();

        context.watch(Aspect.FILTER, this::load);
        context.watch(Aspect.STAGE, this::load);
        context.watch(Aspect.QUERY, () -> {
            if (!context.query().equals(searchBox.getText().strip())) {
                searchBox.setText(context.query()); // set elsewhere (a saved search): show and run it
            }
            load();
        });
        root.addListener(SWT.Dispose, e -> {
            root.getDisplay().timerExec(-1, searchAfterTyping);
            finishWork(background);
        });
        load();
    }

    /** A table with the columns; listeners work on whichever table is shown. */
    private Table newTable() {
        Table created = new Table(root, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        created.setHeaderVisible(true);
        created.setLinesVisible(true);
        created.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        for (CitationColumn column : CitationColumn.values()) {
            TableColumn tableColumn = new TableColumn(created, column == CitationColumn.YEAR ? SWT.RIGHT : SWT.LEFT);
            tableColumn.setText(column.header());
            tableColumn.setWidth(column.width());
            tableColumn.setResizable(true);
            tableColumn.setMoveable(true);
            tableColumn.setData(column);
            tableColumn.addListener(SWT.Selection, e -> sortBy(column, tableColumn));
        }
        // the decision first, where a screener's eye is: the rest keep the order of the columns
        int[] order = new int[CitationColumn.values().length];
        order[0] = CitationColumn.DECISION.ordinal();
        int next = 1;
        for (CitationColumn column : CitationColumn.values()) {
            if (column != CitationColumn.DECISION) {
                order[next++] = column.ordinal();
            }
        }
        created.setColumnOrder(order);
        created.addListener(SWT.SetData, this::fillRow);
        created.addListener(SWT.Selection, e -> publishSelection());
        created.addListener(SWT.KeyDown, this::keyPressed);
        return created;
    }

    /**
     * Shows the table that reaches {@code count} rows at least cost. GTK drops surplus rows one at a time, tens of
     * microseconds each (seconds when a search narrows 100,000 rows to a few), while adding rows is cheap; so a
     * spare table is kept: a narrowing listing goes to the spare (or the smaller) table, and a widening one back
     * to the big one, whose rows are already there.
     */
    private void fitTable(int count) {
        int shown = table.getItemCount();
        if (Math.abs(shown - count) < 2_000) {
            return; // cheap enough in place
        }
        if (spare == null) {
            spare = newTable();
            hide(spare);
        }
        if (cost(spare.getItemCount(), count) >= cost(shown, count)) {
            return;
        }
        boolean focused = table.isFocusControl();
        Table big = table;
        spare.setColumnOrder(big.getColumnOrder());
        for (int i = 0; i < big.getColumnCount(); i++) {
            spare.getColumn(i).setWidth(big.getColumn(i).getWidth());
        }
        spare.setSortColumn(big.getSortColumn() == null ? null : spare.getColumn(big.indexOf(big.getSortColumn())));
        spare.setSortDirection(big.getSortDirection());
        table = spare;
        spare = big;
        hide(spare);
        ((GridData) table.getLayoutData()).exclude = false;
        table.setVisible(true);
        root.layout(true);
        if (focused) {
            table.setFocus();
        }
    }

    /**
     * Sets the row count, adding at most {@value #GROWTH_STEP} rows per turn of the event loop: GTK adds rows one by
     * one, so 100,000 at once would hold the first paint back a second or more; in steps, the first rows paint at
     * once and typing is handled between steps. A newer listing stops an older growth.
     */
    private void growTo(int count, long number) {
        if (table.isDisposed() || number != growth) {
            return;
        }
        int now = table.getItemCount();
        int next = count <= now ? count : Math.min(count, now + GROWTH_STEP);
        table.setItemCount(next);
        if (next < count) {
            site.asyncExec(() -> growTo(count, number));
        }
    }

    /** Roughly what it costs GTK to go from {@code from} rows to {@code to}: removing is the dear part. */
    private static long cost(int from, int to) {
        return from > to ? 8L * (from - to) : to - from;
    }

    private static void hide(Table hidden) {
        hidden.deselectAll();
        ((GridData) hidden.getLayoutData()).exclude = true;
        hidden.setVisible(false);
    }

    Composite control() {
        return root;
    }

    Table table() {
        return table;
    }

    Text searchBox() {
        return searchBox;
    }

    Label hitCount() {
        return hitCount;
    }

    Label error() {
        return error;
    }

    Combo order() {
        return order;
    }

    /** The references in table order (UI thread). */
    List<Reference> rows() {
        return rows;
    }

    /** Whether the first listing has been shown. */
    boolean loaded() {
        return loadedOnce;
    }

    // --- loading ----------------------------------------------------------------------------------------------

    private void publishQuery() {
        if (searchBox.isDisposed()) {
            return;
        }
        String typed = searchBox.getText().strip();
        if (typed.equals(context.query())) {
            load(); // Enter on the same query runs it again
        } else {
            context.setQuery(typed); // the QUERY watcher loads
        }
    }

    /** The library or the review changed: lists again, keeping the selection and the scroll position. */
    void reload() {
        load();
    }

    /** Reads the review's statuses again (after decisions), without listing again. */
    void reloadStatuses() {
        String stage = context.stage();
        Optional<ReviewService> review = services.review();
        if (review.isEmpty()) {
            return;
        }
        submit(() -> {
            Map<String, RecordStatus> fresh = statusesOf(review.get(), stage);
            site.asyncExec(() -> {
                statuses = fresh;
                pending.keySet().removeIf(id -> fresh.containsKey(id) && fresh.get(id).own() == pending.get(id));
                table.clearAll();
            });
        });
    }

    private void load() {
        long number = loads.incrementAndGet();
        String query = combined(context.query(), context.filter());
        String stage = context.stage();
        boolean screeningOrder = SCREENING_ORDER.equals(order.getText());
        CitationColumn column = sortColumn;
        boolean down = descending;
        submit(() -> {
            if (number != loads.get()) {
                return; // a newer request is queued
            }
            Listing listing = listing(query, stage, screeningOrder, column, down);
            site.asyncExec(() -> {
                if (number == loads.get()) {
                    show(listing);
                }
            });
        });
    }

    private void submit(Runnable task) {
        try {
            background.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "listing the citations failed", e);
                    context.showError("Listing the citations failed: " + message(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // the view is closing
        }
    }

    /** The search box's query narrowed by the facets' filter. */
    static String combined(String query, String filter) {
        if (query.isBlank() || filter.isBlank()) {
            return query.isBlank() ? filter.strip() : query.strip();
        }
        return "(" + query.strip() + ") AND (" + filter.strip() + ")";
    }

    /** Background thread: what the table should show. */
    private Listing listing(String query, String stage, boolean screeningOrder, CitationColumn column,
            boolean down) {
        Library library = services.library();
        int total = library.size();
        List<Reference> found;
        String count;
        if (query.isEmpty()) {
            found = new ArrayList<>(library.references());
            count = found.size() == 1 ? "1 reference" : found.size() + " references";
        } else {
            Optional<SearchService> search = services.search();
            if (search.isEmpty()) {
                return Listing.problem(query, "Search is not available: the index bundle is not running");
            }
            SearchResult result;
            try {
                result = search.get().search(SearchRequest.of(query, Math.max(1, total)));
            } catch (QuerySyntaxException e) {
                String where = e.position() >= 0 ? " (at character " + (e.position() + 1) + ")" : "";
                return Listing.problem(query, "Cannot search: " + e.getMessage() + where);
            }
            found = new ArrayList<>(result.hits().size());
            for (SearchHit hit : result.hits()) {
                found.add(hit.reference());
            }
            count = result.totalHits() + " of " + total + " match";
        }
        Map<String, RecordStatus> decided = Map.of();
        List<Criterion> reasons = List.of();
        Optional<ReviewService> review = services.review();
        if (review.isPresent()) {
            decided = statusesOf(review.get(), stage);
            try {
                reasons = review.get().protocol().criteria();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reading the protocol's criteria", e);
            }
        }
        if (screeningOrder) {
            Optional<ScreeningOrder> ranking = services.screeningOrder();
            if (ranking.isEmpty()) {
                count += " · no screening order is installed";
            } else {
                Map<String, Integer> rank = new HashMap<>();
                List<ScreeningOrder.Ranked> ranked = ranking.get().rank(stage);
                for (int i = 0; i < ranked.size(); i++) {
                    rank.putIfAbsent(ranked.get(i).referenceId(), i);
                }
                // ranked records first, best first; the rest keep their order after them (stable sort)
                found.sort(Comparator.comparingInt(r -> rank.getOrDefault(r.id(), Integer.MAX_VALUE)));
            }
        } else if (column != null) {
            Map<String, RecordStatus> forSort = decided;
            found.sort(column.order(id -> Optional.ofNullable(forSort.get(id)), down));
        }
        return new Listing(query, Optional.of(found), count, "", decided, reasons);
    }

    private static Map<String, RecordStatus> statusesOf(ReviewService review, String stage) {
        try {
            return review.statuses(stage);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the decisions of stage " + stage, e);
            return Map.of();
        }
    }

    /** UI thread: puts a listing in the table, keeping the selected references selected where they still are. */
    private void show(Listing listing) {
        if (listing.rows().isEmpty()) {
            showError(listing.error());
            hitCount.setText("—");
            return;
        }
        showError("");
        List<String> selected = context.selection();
        int top = table.getTopIndex();
        rows = listing.rows().get();
        statuses = listing.statuses();
        criteria = listing.criteria();
        pending.clear();
        fitTable(rows.size());
        growTo(rows.size(), ++growth);
        table.clearAll();
        hitCount.setText(listing.count());
        boolean sameQuery = listing.query().equals(shownQuery);
        shownQuery = listing.query();
        if (!selected.isEmpty()) {
            Map<String, Integer> index = indexOf(rows);
            int[] keep = selected.stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue)
                    .toArray();
            table.setSelection(keep);
        }
        if (sameQuery) {
            table.setTopIndex(Math.min(top, Math.max(0, rows.size() - 1)));
        } else {
            table.setTopIndex(0);
        }
        loadedOnce = true;
        if (table.getSelectionCount() == 0 && selected.isEmpty() && !rows.isEmpty()) {
            table.setSelection(0); // the cursor starts on the first record, ready to screen
        }
        publishSelection();
    }

    private void showError(String text) {
        boolean visible = !text.isEmpty();
        error.setText(text);
        GridData data = (GridData) error.getLayoutData();
        if (data.exclude == visible) {
            data.exclude = !visible;
            error.setVisible(visible);
            root.layout(true);
        }
        searchBox.setForeground(visible ? root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
    }

    private static Map<String, Integer> indexOf(List<Reference> references) {
        Map<String, Integer> index = new HashMap<>(references.size() * 2);
        for (int i = 0; i < references.size(); i++) {
            index.putIfAbsent(references.get(i).id(), i);
        }
        return index;
    }

    private void fillRow(Event event) {
        TableItem item = (TableItem) event.item;
        int index = event.index;
        if (index < 0 || index >= rows.size()) {
            return;
        }
        Reference reference = rows.get(index);
        item.setText(CitationColumn.row(reference, decisionOf(reference.id())));
    }

    private Optional<RecordStatus> decisionOf(String id) {
        Verdict shown = pending.get(id);
        if (shown != null) {
            return Optional.of(new RecordStatus(id, shown, Verdict.NONE, Optional.empty(), false, 1));
        }
        return Optional.ofNullable(statuses.get(id));
    }

    private void sortBy(CitationColumn column, TableColumn tableColumn) {
        if (column == sortColumn) {
            descending = !descending;
        } else {
            sortColumn = column;
            descending = false;
        }
        order.select(0);
        table.setSortColumn(tableColumn);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        load();
    }

    private void publishSelection() {
        int[] indices = table.getSelectionIndices();
        java.util.Arrays.sort(indices);
        List<String> ids = new ArrayList<>(indices.length);
        for (int index : indices) {
            if (index < rows.size()) {
                ids.add(rows.get(index).id());
            }
        }
        context.setSelection(ids);
    }

    // --- screening keys ---------------------------------------------------------------------------------------

    private void keyPressed(Event event) {
        if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == 'f' || event.keyCode == 'F')) {
            searchBox.setFocus();
            searchBox.selectAll();
            event.doit = false;
            return;
        }
        if ((event.stateMask & (SWT.MOD1 | SWT.MOD3)) != 0) {
            return;
        }
        switch (Character.toLowerCase(event.character)) {
            case 'i' -> decide(Verdict.INCLUDE, Optional.empty());
            case 'm' -> decide(Verdict.MAYBE, Optional.empty());
            case 'e' -> exclude();
            case 'j' -> move(1);
            case 'k' -> move(-1);
            case 't' -> tag();
            default -> {
                return;
            }
        }
        event.doit = false;
    }

    /** Moves the cursor (the single selection) by {@code step} rows. */
    void move(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int[] selected = table.getSelectionIndices();
        int from = selected.length == 0 ? -1 : step > 0 ? max(selected) : min(selected);
        int to = Math.max(0, Math.min(rows.size() - 1, from + step));
        table.setSelection(to);
        table.showSelection();
        publishSelection();
    }

    private void exclude() {
        if (services.review().isEmpty()) {
            noReview();
            return;
        }
        if (criteria.isEmpty()) {
            decide(Verdict.EXCLUDE, Optional.empty());
            return;
        }
        new ReasonDialog(table.getShell(), criteria, criterion -> decide(Verdict.EXCLUDE, Optional.of(criterion)))
                .open();
    }

    /** Records the verdict on the selected records: shown at once, stored in the background, cursor moves on. */
    void decide(Verdict verdict, Optional<String> criterion) {
        Optional<ReviewService> review = services.review();
        if (review.isEmpty()) {
            noReview();
            return;
        }
        int[] selected = table.getSelectionIndices();
        if (selected.length == 0) {
            context.showStatus("Select a reference to screen");
            return;
        }
        java.util.Arrays.sort(selected);
        List<String> ids = new ArrayList<>();
        for (int index : selected) {
            Reference reference = rows.get(index);
            ids.add(reference.id());
            pending.put(reference.id(), verdict);
        }
        table.clear(selected);
        if (selected.length == 1) {
            move(1);
        }
        String stage = context.stage();
        String what = CitationColumn.label(verdict).toLowerCase(java.util.Locale.ROOT);
        submit(() -> {
            try {
                review.get().decide(stage, ids, verdict, criterion, Optional.empty());
                site.asyncExec(() -> context.showStatus(
                        (ids.size() == 1 ? "1 reference" : ids.size() + " references") + ": " + what
                                + criterion.map(c -> " (" + c + ")").orElse("")));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "recording a decision", e);
                site.asyncExec(() -> {
                    ids.forEach(pending::remove);
                    table.clearAll();
                    context.showError("The decision was not recorded: " + message(e));
                });
            }
        });
    }

    private void noReview() {
        context.showError("Screening needs the review: no ReviewService is running (install the review feature)");
    }

    private void tag() {
        int[] selected = table.getSelectionIndices();
        if (selected.length == 0) {
            context.showStatus("Select a reference to tag");
            return;
        }
        new TagDialog(table.getShell(), tag -> addTag(selected, tag)).open();
    }

    /** Adds the tag to the selected references: shown at once, stored through the library in the background. */
    void addTag(int[] selected, String tag) {
        List<Reference> tagged = new ArrayList<>();
        List<Reference> updated = new ArrayList<>(rows);
        for (int index : selected) {
            Reference reference = updated.get(index);
            if (reference.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                List<String> tags = new ArrayList<>(reference.tags());
                tags.add(tag);
                Reference changed = reference.toBuilder().tags(tags).build();
                updated.set(index, changed);
                tagged.add(changed);
            }
        }
        if (tagged.isEmpty()) {
            return;
        }
        rows = Collections.unmodifiableList(updated);
        table.clear(selected);
        Library library = services.library();
        submit(() -> {
            try {
                library.store(tagged);
                site.asyncExec(() -> context.showStatus("Tagged " + tagged.size() + " with \"" + tag + "\""));
            } catch (IOException | RuntimeException e) {
                site.asyncExec(() -> context.showError("The tag was not stored: " + message(e)));
                load();
            }
        });
    }

    private static int max(int[] values) {
        int max = Integer.MIN_VALUE;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static int min(int[] values) {
        int min = Integer.MAX_VALUE;
        for (int v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text.strip();
    }

    /**
     * What one load found.
     *
     * @param query    the query it ran, "" for the whole library
     * @param rows     the references to show; empty when the query failed
     * @param count    the hit count
     * @param error    why the query failed
     * @param statuses the decisions by reference id
     * @param criteria the protocol's exclusion criteria
     */
    private record Listing(String query, Optional<List<Reference>> rows, String count, String error,
            Map<String, RecordStatus> statuses, List<Criterion> criteria) {
        static Listing problem(String query, String error) {
            return new Listing(query, Optional.empty(), "", error, Map.of(), List.of());
        }
    }


    /**
     * Lets decisions and edits already handed to the background thread reach the disk before the view goes (the
     * window is closing, or the framework stopping): a reviewer's last keystroke is never lost. Waits on the UI
     * thread, at close only, and never long: each task is one durable write.
     */
    static void finishWork(java.util.concurrent.ExecutorService background) {
        background.shutdown();
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
