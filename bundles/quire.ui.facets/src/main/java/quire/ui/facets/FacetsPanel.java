package quire.ui.facets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import quire.api.search.FacetCount;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.search.SortOrder;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;
import quire.ui.api.WorkbenchContext.Aspect;

/**
 * The facets view's widgets: counts by decision, year, type, venue, tag and source over what the search box and
 * the ticked values select; ticking a value narrows the citation view through the shared context's filter. Counts
 * are computed on this panel's background thread.
 */
final class FacetsPanel {

    private final java.util.function.Supplier<Optional<SearchService>> searchService;
    private final ViewContext site;
    private final WorkbenchContext context;
    private final Composite root;
    private final Label summary;
    private final Tree tree;
    private final FacetFilter filter = new FacetFilter();
    private final ExecutorService background;
    private final AtomicLong loads = new AtomicLong();
    /** The groups the user has open; decision, year and type at first. */
    private final java.util.Set<String> expanded = new java.util.HashSet<>(List.of("decision", "year", "type"));

    FacetsPanel(Composite parent, ViewContext site, java.util.function.Supplier<Optional<SearchService>> search) {
        this.searchService = search;
        this.site = site;
        this.context = site.workbench();
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quire-facets");
            thread.setDaemon(true);
            return thread;
        });
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        summary = new Label(root, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button clear = new Button(root, SWT.PUSH);
        clear.setText("Clear");
        clear.setToolTipText("Untick every value");
        clear.addListener(SWT.Selection, e -> {
            filter.clear();
            context.setFilter("");
        });
        tree = new Tree(root, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        tree.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TreeItem item) {
                ticked(item);
            }
        });
        tree.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TreeItem item && item.getData("facet") != null) {
                item.setChecked(!item.getChecked());
                ticked(item);
            }
        });
        tree.addListener(SWT.Expand, e -> expanded.add((String) e.item.getData("group")));
        tree.addListener(SWT.Collapse, e -> expanded.remove((String) e.item.getData("group")));
        root.addListener(SWT.Dispose, e -> background.shutdown());
        context.watch(Aspect.QUERY, this::load);
        context.watch(Aspect.FILTER, () -> {
            if (!filter.query().equals(context.filter())) {
                filter.clear(); // set by someone else: the ticks no longer say what filters
            }
            load();
        });
        load();
    }

    Control control() {
        return root;
    }

    Tree tree() {
        return tree;
    }

    /** A value was ticked or unticked: the filter follows; a group's box is not a value and is put back. */
    void ticked(TreeItem item) {
        Object facet = item.getData("facet");
        if (facet == null) {
            item.setChecked(false);
            return;
        }
        filter.toggle((String) facet, (String) item.getData("value"), item.getChecked());
        context.setFilter(filter.query());
    }

    /** The library changed: counts again. */
    void reload() {
        load();
    }

    private void load() {
        long number = loads.incrementAndGet();
        String query = combined(context.query(), context.filter());
        try {
            background.execute(() -> {
                if (number != loads.get()) {
                    return;
                }
                Optional<SearchService> service = searchService.get();
                if (service.isEmpty()) {
                    site.asyncExec(() -> summary.setText("No counts: the index bundle is not running"));
                    return;
                }
                SearchResult result;
                try {
                    result = service.get().search(new SearchRequest(query, 0, 0, SortOrder.RELEVANCE, true, false));
                } catch (QuerySyntaxException e) {
                    return; // the citation view shows the error inline
                } catch (RuntimeException e) {
                    site.asyncExec(() -> context.showError("Counting the facets failed: " + e.getMessage()));
                    return;
                }
                site.asyncExec(() -> {
                    if (number == loads.get()) {
                        show(result);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private static String combined(String query, String filter) {
        if (query.isBlank() || filter.isBlank()) {
            return query.isBlank() ? filter.strip() : query.strip();
        }
        return "(" + query.strip() + ") AND (" + filter.strip() + ")";
    }

    private void show(SearchResult result) {
        summary.setText(result.totalHits() + (result.totalHits() == 1 ? " reference" : " references"));
        tree.setRedraw(false);
        tree.removeAll();
        for (Map.Entry<String, String> facet : FacetFilter.FACETS.entrySet()) {
            List<FacetCount> counts = result.facets().getOrDefault(facet.getKey(), List.of());
            TreeItem group = new TreeItem(tree, SWT.NONE);
            group.setText(facet.getValue() + (counts.isEmpty() ? "" : " (" + counts.size() + ")"));
            group.setData("group", facet.getKey());
            List<FacetCount> sorted = facet.getKey().equals("year")
                    ? counts.stream().sorted((a, b) -> b.value().compareTo(a.value())).toList() : counts;
            for (FacetCount count : sorted) {
                TreeItem value = new TreeItem(group, SWT.NONE);
                value.setText(count.value() + "  " + count.count());
                value.setData("facet", facet.getKey());
                value.setData("value", count.value());
                value.setChecked(filter.isChosen(facet.getKey(), count.value()));
            }
            group.setExpanded(expanded.contains(facet.getKey()));
        }
        tree.setRedraw(true);
    }
}
