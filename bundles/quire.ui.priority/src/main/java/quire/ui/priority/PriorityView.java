package quire.ui.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.review.RecordStatus;
import quire.api.review.Reviewer;
import quire.api.review.ReviewService;
import quire.api.review.ScreeningOrder;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The "Priority" view: the unscreened records of the current stage in the screening order with the model's
 * relevance of each, a live chart of includes found against records screened, and a stopping hint after a run of
 * excludes (configuration PID {@code quire.ui.priority}, {@code stopAfterExcludes}, default 50; the spinner changes
 * it for the session). Everything it shows is gathered on its own thread after each decision, retraining or library
 * change, then handed to the UI thread; selecting a record selects it in the workbench.
 */
@Component(service = {View.class, org.osgi.service.event.EventHandler.class}, configurationPid = "quire.ui.priority",
        property = {EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
                EventConstants.EVENT_TOPIC + "=" + PriorityView.TOPIC_RANKED,
                EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED})
public final class PriorityView implements View, EventHandler {

    /** Posted by the screening order (bundle quire.priority) after each retraining. */
    static final String TOPIC_RANKED = "quire/priority/RANKED";
    private static final Logger LOG = Logger.getLogger(PriorityView.class.getName());

    /** Configuration. */
    public @interface Config {
        int stopAfterExcludes() default StoppingRule.DEFAULT;

        /** How many of the best-ranked records the table lists. */
        int rows() default 200;
    }

    /** A record in the table. */
    record Row(String referenceId, String title, double relevance) {
    }

    /** What the view shows, gathered off the UI thread. */
    record Snapshot(ScreeningProgress progress, List<Row> rows, int unscreened, String model) {
    }

    private final ReviewService review;
    private final Library library;
    private final int rowLimit;
    private volatile ScreeningOrder order;
    private volatile StoppingRule rule;
    private volatile String ranked = "";
    private final Set<Panel> panels = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quire-priority-view");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PriorityView(@Reference ReviewService review, @Reference Library library, Config config) {
        this.review = review;
        this.library = library;
        this.rule = new StoppingRule(Math.max(1, config.stopAfterExcludes()));
        this.rowLimit = Math.max(10, config.rows());
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setOrder(ScreeningOrder screeningOrder) {
        order = screeningOrder;
        refreshAll();
    }

    void unsetOrder(ScreeningOrder screeningOrder) {
        if (order == screeningOrder) {
            order = null;
            refreshAll();
        }
    }

    @Override
    public String id() {
        return "quire.priority";
    }

    @Override
    public String label() {
        return "Priority";
    }

    @Override
    public Placement placement() {
        return Placement.BOTTOM;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        Panel panel = new Panel(parent, context);
        panels.add(panel);
        panel.root.addListener(SWT.Dispose, e -> panels.remove(panel));
        context.workbench().watch(WorkbenchContext.Aspect.STAGE, panel::refresh);
        panel.refresh();
        return panel.root;
    }

    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        if (event.getTopic().equals(TOPIC_RANKED)) {
            Object model = event.getProperty("model");
            Object labelled = event.getProperty("labelled");
            Object millis = event.getProperty("millis");
            ranked = model == null || model.toString().isEmpty() ? ""
                    : String.format(Locale.ROOT, "Ranked by %s, learned from %s decisions in %s ms.", model,
                            labelled, millis);
        }
        refreshAll();
    }

    private void refreshAll() {
        panels.forEach(Panel::refresh);
    }

    /** Gathers what the view shows for the stage: reads the review and the ranking, never on the UI thread. */
    Snapshot snapshot(String stage) {
        Map<String, RecordStatus> statuses = review.statuses(stage);
        String reviewer = review.currentReviewer().map(Reviewer::id).orElse("");
        ScreeningProgress progress = ScreeningProgress.of(review.log(), stage, reviewer, statuses.size());
        ScreeningOrder current = order;
        List<Row> rows = new ArrayList<>();
        int unscreened = 0;
        String model;
        if (current == null) {
            model = "Priority screening is not installed: records come in library order.";
        } else {
            List<ScreeningOrder.Ranked> ranking = current.rank(stage);
            unscreened = ranking.size();
            for (ScreeningOrder.Ranked r : ranking.subList(0, Math.min(rowLimit, ranking.size()))) {
                String title = library.reference(r.referenceId()).map(quire.api.model.Reference::title)
                        .orElse(r.referenceId());
                rows.add(new Row(r.referenceId(), title, r.relevance()));
            }
            model = ranked.isEmpty() ? "Not ranked yet: the model starts from the first include and exclude."
                    : ranked;
        }
        return new Snapshot(progress, rows, unscreened, model);
    }

    /** The widgets of one open view. */
    final class Panel {
        final Composite root;
        private final ViewContext context;
        private final Label summary;
        private final Label hint;
        private final Spinner stopAfter;
        private final IncludesChart chart;
        private final Table table;
        private final Font bold;
        private final AtomicBoolean pending = new AtomicBoolean();
        private ScreeningProgress shown = ScreeningProgress.EMPTY;

        Panel(Composite parent, ViewContext context) {
            this.context = context;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(3, false));
            summary = new Label(root, SWT.NONE);
            summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
            hint = new Label(root, SWT.NONE);
            hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            FontData[] data = hint.getFont().getFontData();
            for (FontData d : data) {
                d.setStyle(SWT.BOLD);
            }
            bold = new Font(root.getDisplay(), data);
            hint.setFont(bold);
            new Label(root, SWT.NONE).setText("Stopping hint after excludes in a row:");
            stopAfter = new Spinner(root, SWT.BORDER);
            stopAfter.setValues(rule.consecutiveExcludes(), 1, 10_000, 0, 5, 50);
            SashForm sash = new SashForm(root, SWT.HORIZONTAL);
            sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
            chart = new IncludesChart(sash);
            table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
            table.setHeaderVisible(true);
            column("#", 48, SWT.RIGHT);
            column("Relevance", 130, SWT.LEFT);
            column("Title", 520, SWT.LEFT);
            table.addListener(SWT.PaintItem, this::paintRelevance);
            table.addListener(SWT.Selection, e -> {
                if (e.item instanceof TableItem item && item.getData() instanceof Row row) {
                    context.workbench().setSelection(List.of(row.referenceId()));
                }
            });
            sash.setWeights(45, 55);
            stopAfter.addListener(SWT.Selection, e -> {
                rule = new StoppingRule(stopAfter.getSelection());
                showHint();
                chart.show(shown, rule);
            });
            root.addListener(SWT.Dispose, e -> bold.dispose());
        }

        private void column(String text, int width, int style) {
            TableColumn column = new TableColumn(table, style);
            column.setText(text);
            column.setWidth(width);
        }

        /** The relevance as a bar with its percentage, so the drop-off after the likely includes shows at a glance. */
        private void paintRelevance(Event e) {
            if (e.index != 1 || !(e.item instanceof TableItem item) || !(item.getData() instanceof Row row)) {
                return;
            }
            Rectangle cell = item.getBounds(1);
            int barWidth = (int) Math.round((cell.width - 52) * row.relevance());
            Color bar = new Color(0x1f, 0x77, 0xb4);
            Color track = new Color(0xe8, 0xee, 0xf4);
            e.gc.setBackground(track);
            e.gc.fillRectangle(cell.x + 4, cell.y + cell.height / 2 - 4, cell.width - 52, 8);
            e.gc.setBackground(bar);
            e.gc.fillRectangle(cell.x + 4, cell.y + cell.height / 2 - 4, barWidth, 8);
            String text = String.format(Locale.ROOT, "%.0f%%", row.relevance() * 100);
            Point size = e.gc.textExtent(text);
            e.gc.setForeground(table.getForeground());
            e.gc.drawText(text, cell.x + cell.width - 6 - size.x, cell.y + (cell.height - size.y) / 2, true);
            bar.dispose();
            track.dispose();
        }

        /** Gathers off the UI thread and shows the result; requests meanwhile fold into one. */
        void refresh() {
            if (!pending.compareAndSet(false, true)) {
                return;
            }
            String stage = context.workbench().stage();
            try {
                worker.execute(() -> {
                    pending.set(false);
                    try {
                        Snapshot snapshot = snapshot(stage);
                        context.asyncExec(() -> show(snapshot));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "the priority view could not be updated: " + e.getMessage(), e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // the view is going away
            }
        }

        void show(Snapshot snapshot) {
            if (root.isDisposed()) {
                return;
            }
            shown = snapshot.progress();
            summary.setText(String.format(Locale.ROOT, "Screened %,d of %,d; %,d includes found. %s",
                    shown.screened(), shown.total(), shown.includes(), snapshot.model()));
            showHint();
            chart.show(shown, rule);
            table.setRedraw(false);
            table.removeAll();
            int rank = 1;
            for (Row row : snapshot.rows()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(row);
                item.setText(new String[] {Integer.toString(rank++), "", row.title()});
            }
            table.setRedraw(true);
            root.layout(true, true);
        }

        private void showHint() {
            hint.setText(rule.hint(shown));
            hint.setForeground(rule.reached(shown) ? root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED)
                    : root.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            hint.getParent().layout(true);
        }

        Table table() {
            return table;
        }

        String summaryText() {
            return summary.getText();
        }

        String hintText() {
            return hint.getText();
        }
    }

    /** For tests: the open panels. */
    Set<Panel> panels() {
        return panels;
    }
}
