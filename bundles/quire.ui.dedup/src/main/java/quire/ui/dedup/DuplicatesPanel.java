package quire.ui.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import quire.api.dedup.Merge;
import quire.api.work.CancelledException;
import quire.api.work.Work;
import quire.ui.api.ViewContext;

/**
 * The duplicate review queue: the pairs on the left, most likely duplicates first; the selected pair side by side
 * on the right, every field that differs coloured (red: different values, yellow: spelled differently, blue: only
 * one record has it), with the reasons above. Keys: A merges, R keeps apart, N and P move, U undoes the last
 * merge made here, F5 looks again. All work runs as jobs; the UI thread only shows results.
 */
final class DuplicatesPanel {

    private static final String KEYS = "Keys: A merge \u00b7 R keep apart \u00b7 N/P move \u00b7 U undo";

    private final ViewContext context;
    private final Supplier<Optional<ReviewQueue>> services;
    private final Composite root;
    private final Label status;
    private final Table list;
    private final Label reasons;
    private final Table comparison;
    private final Button accept;
    private final Button reject;
    private final Button undo;
    private final Button find;
    private final Color different;
    private final Color spelling;
    private final Color oneSide;
    private final Deque<Merge> merged = new ArrayDeque<>();
    private List<ReviewQueue.Item> items = List.of();
    private boolean busy;

    DuplicatesPanel(Composite parent, ViewContext context, Supplier<Optional<ReviewQueue>> services) {
        this.context = context;
        this.services = services;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        different = new Color(255, 205, 205);
        spelling = new Color(255, 240, 180);
        oneSide = new Color(215, 230, 255);

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(5, false));
        find = button(bar, "Find duplicates (F5)", this::find);
        Button automatic = button(bar, "Merge the certain ones", this::mergeAutomatic);
        automatic.setToolTipText("Merge every group found with a confidence of 0.95 or more (never two DOIs)");
        undo = button(bar, "Undo merge (U)", this::undo);
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Press F5 or Find duplicates to list the pairs to review");
        Label keys = new Label(bar, SWT.NONE);
        keys.setText(KEYS);

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new Table(sash, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        list.setHeaderVisible(true);
        column(list, "Confidence", 90);
        column(list, "Title", 320);
        list.addListener(SWT.Selection, e -> showSelected());

        Composite right = new Composite(sash, SWT.NONE);
        GridLayout rightLayout = new GridLayout(1, false);
        rightLayout.marginWidth = 0;
        right.setLayout(rightLayout);
        reasons = new Label(right, SWT.WRAP);
        reasons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        comparison = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        comparison.setHeaderVisible(true);
        comparison.setLinesVisible(true);
        comparison.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(comparison, "Field", 80);
        column(comparison, "Kept", 320);
        column(comparison, "Other", 320);
        comparison.addListener(SWT.Resize, e -> fitColumns());
        Composite actions = new Composite(right, SWT.NONE);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        actions.setLayout(new GridLayout(8, false));
        accept = button(actions, "Merge (A)", this::accept);
        reject = button(actions, "Keep apart (R)", this::reject);
        button(actions, "Previous (P)", () -> move(-1));
        button(actions, "Next (N)", () -> move(1));
        Label legend = new Label(actions, SWT.NONE);
        legend.setText("Fields:");
        legend.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        swatch(actions, "different", different);
        swatch(actions, "spelled differently", spelling);
        swatch(actions, "in one only", oneSide);
        sash.setWeights(35, 65);

        for (Control control : new Control[] {root, list, comparison}) {
            control.addListener(SWT.KeyDown, this::key);
        }
        root.addListener(SWT.Dispose, e -> {
            different.dispose();
            spelling.dispose();
            oneSide.dispose();
        });
        enable();
    }

    Control control() {
        return root;
    }

    // for tests and for the view's own use

    Table list() {
        return list;
    }

    Table comparison() {
        return comparison;
    }

    String status() {
        return status.getText();
    }

    String reasons() {
        return reasons.getText();
    }

    boolean busy() {
        return busy;
    }

    /** Whether Merge and Keep apart can be pressed. */
    boolean decidable() {
        return accept.isEnabled() && reject.isEnabled();
    }

    Optional<ReviewQueue.Item> current() {
        int index = list.getSelectionIndex();
        return index < 0 || index >= items.size() ? Optional.empty() : Optional.of(items.get(index));
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private static void swatch(Composite parent, String text, Color colour) {
        Label label = new Label(parent, SWT.BORDER);
        label.setText(" " + text + " ");
        label.setBackground(colour);
    }

    private static void column(Table table, String text, int width) {
        TableColumn column = new TableColumn(table, SWT.NONE);
        column.setText(text);
        column.setWidth(width);
    }

    private void fitColumns() {
        int width = comparison.getClientArea().width;
        if (width > 200) {
            int field = comparison.getColumn(0).getWidth();
            comparison.getColumn(1).setWidth((width - field) / 2);
            comparison.getColumn(2).setWidth(width - field - (width - field) / 2);
        }
    }

    void key(Event e) {
        if (e.keyCode == SWT.F5) {
            find();
            return;
        }
        switch (Character.toLowerCase(e.character)) {
            case 'a' -> accept();
            case 'r' -> reject();
            case 'n' -> move(1);
            case 'p' -> move(-1);
            case 'u' -> undo();
            default -> {
                return;
            }
        }
        e.doit = false;
    }

    /** Looks for duplicates again (a job); the list is replaced when it is done. */
    void find() {
        run("Find duplicates", ReviewQueue::load, found -> {
            items = new ArrayList<>(found);
            fill(0);
        });
    }

    /** What "Merge the certain ones" did, and the queue left after it. */
    private record Merged(int merges, List<ReviewQueue.Item> queue) {
    }

    private void mergeAutomatic() {
        run("Merge duplicates", (queue, progress) -> new Merged(queue.automatic(progress), queue.load(progress)),
                result -> {
                    items = new ArrayList<>(result.queue());
                    fill(0);
                    context.workbench().showStatus("Merged " + result.merges() + " group"
                            + (result.merges() == 1 ? "" : "s") + " of certain duplicates");
                });
    }

    void accept() {
        Optional<ReviewQueue.Item> item = current();
        if (item.isEmpty() || busy) {
            return;
        }
        int index = list.getSelectionIndex();
        run("Merge duplicates", (queue, progress) -> queue.accept(item.get()), merge -> {
            merged.push(merge);
            // pairs with a record now merged away are settled too
            items.removeIf(i -> merge.mergedIds().contains(i.kept().id()) || merge.mergedIds().contains(i.other().id()));
            fill(index);
            context.workbench().showStatus("Merged " + String.join(", ", merge.mergedIds()) + " into "
                    + merge.survivorId());
        });
    }

    void reject() {
        Optional<ReviewQueue.Item> item = current();
        if (item.isEmpty() || busy) {
            return;
        }
        int index = list.getSelectionIndex();
        run("Keep records apart", (queue, progress) -> {
            queue.reject(item.get());
            return item.get();
        }, rejected -> {
            items.remove(rejected);
            fill(index);
            context.workbench().showStatus("Kept apart: " + String.join(", ", rejected.group().referenceIds()));
        });
    }

    void undo() {
        if (merged.isEmpty() || busy) {
            return;
        }
        Merge last = merged.peek();
        run("Undo merge", (queue, progress) -> {
            queue.undo(last);
            return queue.load(progress);
        }, found -> {
            merged.pop();
            items = new ArrayList<>(found);
            fill(0);
            context.workbench().showStatus("Undid the merge of " + String.join(", ", last.mergedIds()) + " into "
                    + last.survivorId());
        });
    }

    void move(int step) {
        if (items.isEmpty()) {
            return;
        }
        int index = Math.max(0, Math.min(items.size() - 1, list.getSelectionIndex() + step));
        list.setSelection(index);
        showSelected();
    }

    /** Work on the queue, as a job; its result shown on the UI thread, its failure in the status line. */
    private interface QueueWork<T> {
        T run(ReviewQueue queue, quire.api.work.Progress progress) throws Exception;
    }

    private <T> void run(String name, QueueWork<T> work, Consumer<T> show) {
        Optional<ReviewQueue> queue = services.get();
        if (queue.isEmpty()) {
            context.workbench().showError(name + ": deduplication is not installed");
            return;
        }
        busy = true;
        enable();
        status.setText(name + "\u2026");
        Work<T> job = progress -> work.run(queue.get(), progress);
        CompletableFuture<T> future = context.jobs().submit(name, job);
        future.whenComplete((result, error) -> context.asyncExec(() -> {
            busy = false;
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (!(cause instanceof CancelledException)) {
                    context.workbench().showError(name + " failed: " + (cause.getMessage() == null
                            ? cause.getClass().getSimpleName() : cause.getMessage()));
                }
                fill(list.getSelectionIndex());
                return;
            }
            show.accept(result);
        }));
    }

    /** Refills the list and selects the pair at {@code index} (or the last). */
    private void fill(int index) {
        list.removeAll();
        for (ReviewQueue.Item item : items) {
            TableItem row = new TableItem(list, SWT.NONE);
            row.setText(new String[] {String.format(Locale.ROOT, "%.2f", item.group().confidence()),
                    item.kept().title()});
        }
        status.setText(items.isEmpty() ? "No pairs to review" : items.size() + " pair" + (items.size() == 1 ? "" : "s")
                + " to review");
        if (!items.isEmpty()) {
            list.setSelection(Math.max(0, Math.min(index, items.size() - 1)));
        }
        showSelected();
        status.getParent().layout();
    }

    private void showSelected() {
        comparison.removeAll();
        Optional<ReviewQueue.Item> item = current();
        if (item.isEmpty()) {
            reasons.setText("");
        } else {
            ReviewQueue.Item pair = item.get();
            reasons.setText(String.format(Locale.ROOT, "Confidence %.2f: %s", pair.group().confidence(),
                    String.join("; ", pair.group().reasons())));
            for (Comparison.Row row : Comparison.rows(pair.kept(), pair.other())) {
                TableItem line = new TableItem(comparison, SWT.NONE);
                line.setText(new String[] {row.field(), oneLine(row.left()), oneLine(row.right())});
                switch (row.difference()) {
                    case DIFFERENT -> line.setBackground(different);
                    case SPELLING -> line.setBackground(spelling);
                    case ONE_SIDE -> line.setBackground(oneSide);
                    case SAME -> { }
                }
            }
            context.workbench().setSelection(List.of(pair.kept().id(), pair.other().id()));
        }
        reasons.getParent().layout();
        enable();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private void enable() {
        boolean chosen = current().isPresent() && !busy;
        accept.setEnabled(chosen);
        reject.setEnabled(chosen);
        undo.setEnabled(!merged.isEmpty() && !busy);
        find.setEnabled(!busy);
    }
}
