package quire.ui.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
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
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Verdict;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/**
 * The "Conflicts" view: the records reviewers decided differently, in every screened stage, with what each of them
 * decided (a conflict is visible to the whole team: both have decided, so blinding has done its work). Selecting
 * one selects the record in the workbench; Include, Maybe and Exclude (with a reason) record the resolution as the
 * current reviewer's decision.
 */
@Component(service = {View.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_PROTOCOL,
        EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED})
public final class ConflictsView implements View, EventHandler {

    /** A conflict's line. */
    record Row(String stage, String referenceId, String title, String decisions) {
    }

    /** What the view shows, gathered off the UI thread. */
    record Snapshot(List<Row> rows, List<Criterion> reasons, Optional<String> reviewer) {
    }

    private final ReviewService review;
    private final Library library;
    private final Set<Panel> panels = ConcurrentHashMap.newKeySet();
    private final Background background = new Background("quire-conflicts-view");

    @Activate
    public ConflictsView(@Reference ReviewService review, @Reference Library library) {
        this.review = review;
        this.library = library;
    }

    @Deactivate
    void deactivate() {
        background.close();
    }

    @Override
    public String id() {
        return "quire.review.conflicts";
    }

    @Override
    public String label() {
        return "Conflicts";
    }

    @Override
    public Placement placement() {
        return Placement.BOTTOM;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        Panel panel = new Panel(parent, context);
        panels.add(panel);
        panel.root.addListener(SWT.Dispose, e -> panels.remove(panel));
        panel.refresh();
        return panel.root;
    }

    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        panels.forEach(Panel::refresh);
    }

    Snapshot snapshot() {
        List<Row> rows = new ArrayList<>();
        List<Decision> log = review.log();
        List<Criterion> reasons = new ArrayList<>(review.protocol().criteria());
        for (ReviewStage stage : review.stages()) {
            if (!stage.screened()) {
                continue;
            }
            for (String id : review.conflicts(stage.id())) {
                String title = library.reference(id).map(quire.api.model.Reference::title).orElse(id);
                rows.add(new Row(stage.id(), id, title, votes(log, stage.id(), id)));
            }
            if (stage.id().equals(ReviewStage.FULL_TEXT)) {
                reasons.add(new Criterion(Criterion.NOT_RETRIEVED, "Full text not retrieved"));
            }
        }
        return new Snapshot(rows, reasons, review.currentReviewer().map(r -> r.id()));
    }

    /** "AB: include · CD: exclude (off-topic)", each reviewer's standing decision. */
    static String votes(List<Decision> log, String stage, String id) {
        Map<String, Decision> latest = new TreeMap<>();
        log.stream().filter(d -> d.stage().equals(stage) && d.referenceId().equals(id) && !d.resolution())
                .sorted(Comparator.comparing(Decision::at)).forEach(d -> latest.put(d.reviewer(), d));
        List<String> parts = new ArrayList<>();
        latest.values().stream().filter(d -> d.verdict() != Verdict.NONE).forEach(d -> parts.add(d.reviewer() + ": "
                + d.verdict().name().toLowerCase(Locale.ROOT) + d.criterion().map(c -> " (" + c + ")").orElse("")));
        return String.join("  ·  ", parts);
    }

    /** The widgets of one open view. */
    final class Panel {
        final Composite root;
        private final ViewContext context;
        private final Label summary;
        private final Table table;
        private final Button include;
        private final Button maybe;
        private final Button exclude;
        private final Combo reason;
        private final AtomicBoolean pending = new AtomicBoolean();
        private List<Criterion> reasons = List.of();

        Panel(Composite parent, ViewContext context) {
            this.context = context;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(5, false));
            summary = new Label(root, SWT.NONE);
            summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
            table = Tables.table(root, SWT.SINGLE, "Stage", 110, SWT.LEFT, "Record", 150, SWT.LEFT,
                    "Title", 480, SWT.LEFT, "Decisions", 330, SWT.LEFT);
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
            table.addListener(SWT.Selection, e -> {
                if (e.item instanceof TableItem item && item.getData() instanceof Row row) {
                    context.workbench().setSelection(List.of(row.referenceId()));
                }
                enable();
            });
            Label resolve = new Label(root, SWT.NONE);
            resolve.setText("Resolve as:");
            include = button("Include", () -> resolve(Verdict.INCLUDE, Optional.empty()));
            maybe = button("Maybe", () -> resolve(Verdict.MAYBE, Optional.empty()));
            exclude = button("Exclude", this::excludeSelected);
            reason = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
            reason.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
            enable();
        }

        private void excludeSelected() {
            int chosen = reason.getSelectionIndex();
            resolve(Verdict.EXCLUDE, chosen < 0 ? Optional.empty() : Optional.of(reasons.get(chosen).id()));
        }

        private Button button(String text, Runnable action) {
            Button button = new Button(root, SWT.PUSH);
            button.setText(text);
            button.addListener(SWT.Selection, e -> action.run());
            return button;
        }

        private void enable() {
            boolean selected = table.getSelectionIndex() >= 0 && table.getSelection()[0].getData() instanceof Row;
            include.setEnabled(selected);
            maybe.setEnabled(selected);
            exclude.setEnabled(selected);
            reason.setEnabled(selected && !reasons.isEmpty());
        }

        /** Records the resolution on the view's thread; the event that follows refreshes the list. */
        void resolve(Verdict verdict, Optional<String> criterion) {
            if (table.getSelectionIndex() < 0 || !(table.getSelection()[0].getData() instanceof Row row)) {
                return;
            }
            background.run(context, "Resolving " + row.referenceId(), () -> {
                Decision d = review.resolve(row.stage(), row.referenceId(), verdict, criterion, Optional.empty());
                refresh();
                return "Resolved " + d.referenceId() + ": " + d.verdict().name().toLowerCase(Locale.ROOT)
                        + d.criterion().map(c -> " (" + c + ")").orElse("");
            });
        }

        void refresh() {
            background.refresh(pending, context, ConflictsView.this::snapshot, this::show);
        }

        void show(Snapshot snapshot) {
            if (root.isDisposed()) {
                return;
            }
            summary.setText(snapshot.rows().isEmpty() ? "No conflicts: the reviewers agree on every record both"
                    + " decided." : snapshot.rows().size() + (snapshot.rows().size() == 1 ? " record" : " records")
                    + " to resolve" + snapshot.reviewer().map(r -> " (resolutions are recorded as " + r + "'s)")
                    .orElse(" (choose a reviewer first)") + ".");
            String selected = table.getSelectionIndex() >= 0 && table.getSelection()[0].getData() instanceof Row r
                    ? r.stage() + "/" + r.referenceId() : "";
            table.setRedraw(false);
            table.removeAll();
            for (Row row : snapshot.rows()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(row);
                item.setText(new String[] {row.stage(), row.referenceId(), row.title(), row.decisions()});
                if ((row.stage() + "/" + row.referenceId()).equals(selected)) {
                    table.setSelection(item);
                }
            }
            table.setRedraw(true);
            reasons = snapshot.reasons();
            int chosen = reason.getSelectionIndex();
            reason.setItems(reasons.stream().map(c -> c.id() + " — " + c.text()).toArray(String[]::new));
            if (!reasons.isEmpty()) {
                reason.select(Math.max(0, Math.min(chosen, reasons.size() - 1)));
            }
            enable();
            root.layout(true, true);
        }

        Table table() {
            return table;
        }

        String summary() {
            return summary.getText();
        }

        Button include() {
            return include;
        }

        Button exclude() {
            return exclude;
        }

        Combo reason() {
            return reason;
        }
    }

    /** For tests: the open panels. */
    Set<Panel> panels() {
        return panels;
    }
}
