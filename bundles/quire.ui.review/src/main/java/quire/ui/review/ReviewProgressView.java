package quire.ui.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.review.Agreement;
import quire.api.review.Decision;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The "Review" view: each stage with its records, passed, excluded, pending and conflicts and how far each reviewer
 * has got (counts only, so nothing of a blinded reviewer's decisions shows), and the agreement of each pair of
 * reviewers per stage (percent and Cohen's kappa, maybe counted as include). Double-clicking a stage makes it the
 * workbench's current stage.
 */
@Component(service = {View.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_PROTOCOL,
        EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED})
public final class ReviewProgressView implements View, EventHandler {

    /** A stage's line. */
    record StageRow(String id, String label, boolean screened, int records, int passed, int excluded, int pending,
            int conflicts, Map<String, Integer> decided) {
    }

    /** What the view shows, gathered off the UI thread. */
    record Snapshot(String heading, List<StageRow> stages, List<Agreement> agreement, List<String> problems) {
    }

    private final ReviewService review;
    private final Set<Panel> panels = ConcurrentHashMap.newKeySet();
    private final Background background = new Background("quire-review-view");

    @Activate
    public ReviewProgressView(@Reference ReviewService review) {
        this.review = review;
    }

    @Deactivate
    void deactivate() {
        background.close();
    }

    @Override
    public String id() {
        return "quire.review";
    }

    @Override
    public String label() {
        return "Review";
    }

    @Override
    public Placement placement() {
        return Placement.BOTTOM;
    }

    @Override
    public int order() {
        return 200;
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
        panels.forEach(Panel::refresh);
    }

    Snapshot snapshot() {
        ReviewProtocol protocol = review.protocol();
        String reviewer = review.currentReviewer().map(r -> r.id() + " (" + r.name() + ")").orElse("nobody yet");
        String heading = (protocol.title().isBlank() ? "Untitled review" : protocol.title()) + "  —  "
                + (protocol.blinded() ? "blinded" : "not blinded") + ", " + protocol.reviewersPerRecord()
                + (protocol.reviewersPerRecord() == 1 ? " reviewer" : " reviewers") + " per record  —  reviewing: "
                + reviewer;
        Map<String, StageOutcome> outcomes = review.outcomes();
        List<Decision> log = review.log();
        List<StageRow> rows = new ArrayList<>();
        List<Agreement> agreement = new ArrayList<>();
        for (ReviewStage stage : review.stages()) {
            StageOutcome o = outcomes.get(stage.id());
            if (o == null) {
                continue; // a stage that arrived since the outcomes were read
            }
            int conflicts = stage.screened() ? review.conflicts(stage.id()).size() : 0;
            rows.add(new StageRow(stage.id(), stage.label(), stage.screened(), o.entered().size(), o.passed().size(),
                    o.excludedTotal(), o.pending().size(), conflicts,
                    stage.screened() ? decided(log, stage.id(), o.entered()) : Map.of()));
            if (stage.screened()) {
                agreement.addAll(review.agreement(stage.id()));
            }
        }
        return new Snapshot(heading, rows, agreement, review.problems());
    }

    /** How many of the stage's records each reviewer has a standing decision on. */
    static Map<String, Integer> decided(List<Decision> log, String stage, Set<String> entered) {
        Map<String, Map<String, Verdict>> standing = new TreeMap<>();
        for (Decision d : log) {
            if (d.stage().equals(stage) && !d.resolution() && entered.contains(d.referenceId())) {
                standing.computeIfAbsent(d.reviewer(), r -> new HashMap<>()).put(d.referenceId(), d.verdict());
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        standing.forEach((r, votes) -> counts.put(r,
                (int) votes.values().stream().filter(v -> v != Verdict.NONE).count()));
        return counts;
    }

    /** The widgets of one open view. */
    final class Panel {
        final Composite root;
        private final ViewContext context;
        private final Label heading;
        private final Label problems;
        private final Table stages;
        private final Table agreement;
        private final AtomicBoolean pending = new AtomicBoolean();

        Panel(Composite parent, ViewContext context) {
            this.context = context;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(1, false));
            heading = new Label(root, SWT.NONE);
            heading.setFont(Tables.bold(heading));
            heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            stages = Tables.table(root, SWT.SINGLE, "Stage", 230, SWT.LEFT, "Records", 70, SWT.RIGHT,
                    "Passed", 70, SWT.RIGHT, "Excluded", 75, SWT.RIGHT, "Pending", 70, SWT.RIGHT,
                    "Conflicts", 75, SWT.RIGHT, "Decided by reviewer", 330, SWT.LEFT);
            stages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            stages.addListener(SWT.PaintItem, this::paintProgress);
            stages.addListener(SWT.DefaultSelection, e -> {
                if (e.item instanceof TableItem item && item.getData() instanceof StageRow row && row.screened()) {
                    context.workbench().setStage(row.id());
                }
            });
            Label title = new Label(root, SWT.NONE);
            title.setText("Agreement between reviewers (maybe counts as include)");
            title.setFont(Tables.bold(title));
            agreement = Tables.table(root, SWT.SINGLE, "Stage", 230, SWT.LEFT, "Reviewers", 100, SWT.LEFT,
                    "Records", 70, SWT.RIGHT, "Agreed", 70, SWT.RIGHT, "Percent", 75, SWT.RIGHT,
                    "Cohen's kappa", 110, SWT.RIGHT);
            GridData agreementData = new GridData(SWT.FILL, SWT.FILL, true, false);
            agreementData.heightHint = 90;
            agreement.setLayoutData(agreementData);
            problems = new Label(root, SWT.WRAP);
            problems.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            problems.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }

        /** Under the reviewers' counts, a thin bar per reviewer: how much of the stage each has screened. */
        private void paintProgress(Event e) {
            if (e.index != 6 || !(e.item instanceof TableItem item) || !(item.getData() instanceof StageRow row)
                    || row.decided().isEmpty() || row.records() == 0) {
                return;
            }
            Rectangle cell = item.getBounds(6);
            int y = cell.y + cell.height - 4;
            Color done = new Color(0x2e, 0x7d, 0x32);
            e.gc.setBackground(done);
            int n = 0;
            int slot = (cell.width - 8) / row.decided().size();
            for (int count : row.decided().values()) {
                int width = (int) Math.round((slot - 6) * Math.min(1.0, (double) count / row.records()));
                e.gc.fillRectangle(cell.x + 4 + n * slot, y, width, 3);
                n++;
            }
            done.dispose();
        }

        void refresh() {
            background.refresh(pending, context, ReviewProgressView.this::snapshot, this::show);
        }

        void show(Snapshot snapshot) {
            if (root.isDisposed()) {
                return;
            }
            heading.setText(snapshot.heading());
            String current = context.workbench().stage();
            stages.setRedraw(false);
            stages.removeAll();
            for (StageRow row : snapshot.stages()) {
                TableItem item = new TableItem(stages, SWT.NONE);
                item.setData(row);
                List<String> decided = new ArrayList<>();
                row.decided().forEach((r, n) -> decided.add(r + " " + n + "/" + row.records()));
                item.setText(new String[] {(row.id().equals(current) ? "▸ " : "   ") + row.label(),
                    Integer.toString(row.records()), Integer.toString(row.passed()), Integer.toString(row.excluded()),
                    Integer.toString(row.pending()), row.screened() ? Integer.toString(row.conflicts()) : "",
                    String.join("    ", decided)});
                if (row.conflicts() > 0) {
                    item.setForeground(5, root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                }
            }
            stages.setRedraw(true);
            agreement.removeAll();
            for (Agreement a : snapshot.agreement()) {
                TableItem item = new TableItem(agreement, SWT.NONE);
                item.setData(a);
                item.setText(new String[] {a.stage(), a.reviewerA() + " / " + a.reviewerB(),
                    Integer.toString(a.records()), Integer.toString(a.agreed()),
                    Double.isNaN(a.percent()) ? "–" : String.format(Locale.ROOT, "%.1f %%", a.percent() * 100),
                    Double.isNaN(a.kappa()) ? "undefined" : String.format(Locale.ROOT, "%.3f", a.kappa())});
            }
            if (snapshot.agreement().isEmpty()) {
                new TableItem(agreement, SWT.NONE).setText(new String[] {"(no two reviewers have decided the same"
                        + " records yet)", "", "", "", "", ""});
            }
            problems.setText(String.join("\n", snapshot.problems()));
            root.layout(true, true);
        }

        Table stages() {
            return stages;
        }

        Table agreement() {
            return agreement;
        }

        String heading() {
            return heading.getText();
        }
    }

    /** For tests: the open panels. */
    Set<Panel> panels() {
        return panels;
    }
}
