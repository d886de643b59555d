package quire.example.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.review.ReviewService;
import quire.api.review.Reviewer;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The widgets of one {@link ExtractionView} control and their state. Reading the review and the store and saving
 * run as jobs; their results come back through {@link ViewContext#asyncExec}. Edits are never dropped silently:
 * choosing another study first saves the one being edited, and refuses to move on while its answers do not fit.
 */
final class ExtractionPanel {

    /** What the view shows, read off the UI thread. */
    record Snapshot(Optional<ExtractionForm> form, Optional<String> formError, List<Reference> studies,
            Map<Extraction.Key, Extraction> extractions, Optional<String> reviewer) {
    }

    private final ViewContext context;
    private final ExtractionStore store;
    private final ReviewService review;
    private final Library library;

    private final SashForm root;
    private final Table studies;
    private final Label summary;
    private final Label title;
    private final Label info;
    private final ScrolledComposite scroller;
    private final Button save;
    private final Button refresh;
    private final Label status;
    private final Font bold;

    private Snapshot snapshot = new Snapshot(Optional.empty(), Optional.empty(), List.of(), Map.of(),
            Optional.empty());
    private Optional<ExtractionForm> shownForm = Optional.empty();
    private FormControls controls;
    private Optional<Reference> current = Optional.empty();
    private int edits;
    private int savedEdits;
    /** The last save started; a reload waits for it, so that it reads what was saved. */
    private CompletableFuture<?> lastSave = CompletableFuture.completedFuture(null);

    ExtractionPanel(Composite parent, ViewContext context, ExtractionStore store, ReviewService review,
            Library library) {
        this.context = context;
        this.store = store;
        this.review = review;
        this.library = library;
        root = new SashForm(parent, SWT.HORIZONTAL);
        root.setData(ExtractionPanel.class.getName(), this);

        Composite left = new Composite(root, SWT.NONE);
        left.setLayout(new GridLayout(2, false));
        Label heading = new Label(left, SWT.NONE);
        heading.setText("Included studies");
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        refresh = new Button(left, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> {
            // a changed form.json rebuilds the inputs: what is being edited is saved first, or nothing happens
            if (!dirty() || saveCurrent()) {
                load();
            }
        });
        studies = new Table(left, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        studies.setHeaderVisible(true);
        studies.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        TableColumn state = new TableColumn(studies, SWT.LEFT);
        state.setText("Extraction");
        state.setWidth(90);
        TableColumn study = new TableColumn(studies, SWT.LEFT);
        study.setText("Study");
        study.setWidth(330);
        studies.addListener(SWT.Selection, e -> studyChosen());
        // the study column takes the width the status column leaves
        studies.addListener(SWT.Resize, e -> study.setWidth(Math.max(100,
                studies.getClientArea().width - state.getWidth())));
        summary = new Label(left, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Composite right = new Composite(root, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        title = new Label(right, SWT.WRAP);
        FontData[] data = title.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
            d.setHeight(d.getHeight() + 1);
        }
        bold = new Font(title.getDisplay(), data);
        title.setFont(bold);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        info = new Label(right, SWT.WRAP);
        info.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        scroller = new ScrolledComposite(right, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite bottom = new Composite(right, SWT.NONE);
        bottom.setLayout(new GridLayout(2, false));
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        save = new Button(bottom, SWT.PUSH);
        save.setText("Save");
        save.setEnabled(false);
        save.addListener(SWT.Selection, e -> saveCurrent());
        status = new Label(bottom, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        root.setWeights(35, 65);

        root.addListener(SWT.Dispose, e -> disposed());
        context.workbench().watch(WorkbenchContext.Aspect.SELECTION, this::followSelection);
        load();
    }

    Control control() {
        return root;
    }

    // --- loading ------------------------------------------------------------------------------------------------

    /** Reads the studies, the form and the extractions in a job, then shows them. */
    CompletableFuture<Snapshot> load() {
        CompletableFuture<Snapshot> loaded = lastSave.handle((saved, failure) -> null)
                .thenCompose(ignored -> context.jobs().submit("Load data extraction", progress -> read()));
        loaded.whenComplete((read, failure) -> context.asyncExec(() -> {
            if (failure != null) {
                showStatus("Could not load the data extraction: " + failure.getMessage(), true);
            } else {
                show(read);
            }
        }));
        return loaded;
    }

    private Snapshot read() {
        Optional<ExtractionForm> form = Optional.empty();
        Optional<String> formError = Optional.empty();
        try {
            form = Optional.of(store.form());
        } catch (FormException e) {
            formError = Optional.of(e.getMessage());
        }
        Map<Extraction.Key, Extraction> extractions = new HashMap<>();
        store.extractions().forEach(x -> extractions.put(x.key(), x));
        return new Snapshot(form, formError, IncludedStudies.of(review, library), extractions,
                review.currentReviewer().map(Reviewer::id));
    }

    private void show(Snapshot read) {
        snapshot = read;
        boolean rebuilt = !read.form().equals(shownForm);
        if (rebuilt) {
            buildForm(read.form());
        }
        String selected = current.map(Reference::id).orElse("");
        studies.removeAll();
        for (Reference study : read.studies()) {
            TableItem item = new TableItem(studies, SWT.NONE);
            item.setData(study);
            item.setText(new String[] {state(study.id()), label(study)});
            if (study.id().equals(selected)) {
                studies.setSelection(item);
            }
        }
        updateSummary();
        if (read.formError().isPresent()) {
            showStatus(read.formError().get(), true);
        } else if (read.reviewer().isEmpty()) {
            showStatus("No reviewer chosen: choose yourself as reviewer (Review menu) to extract", true);
        }
        if (studies.getSelectionIndex() >= 0 && rebuilt) {
            choose((Reference) studies.getItem(studies.getSelectionIndex()).getData()); // its answers, new inputs
        } else if (studies.getSelectionIndex() < 0 && studies.getItemCount() > 0 && controls != null) {
            studies.setSelection(0);
            choose(read.studies().get(0));
        } else if (studies.getItemCount() == 0) {
            current = Optional.empty();
            title.setText("No included studies yet");
            info.setText("Studies appear here once the review includes them (Review > full-text screening).");
        }
        updateSave();
        root.layout(true, true);
    }

    private void buildForm(Optional<ExtractionForm> form) {
        if (scroller.getContent() != null) {
            scroller.getContent().dispose();
        }
        controls = null;
        shownForm = form;
        if (form.isEmpty()) {
            return;
        }
        Composite content = new Composite(scroller, SWT.NONE);
        controls = new FormControls(content, form.get(), this::edited);
        scroller.setContent(content);
        scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    // --- choosing a study ---------------------------------------------------------------------------------------

    private void studyChosen() {
        int index = studies.getSelectionIndex();
        if (index < 0) {
            return;
        }
        Reference chosen = (Reference) studies.getItem(index).getData();
        if (current.isPresent() && current.get().id().equals(chosen.id())) {
            return;
        }
        if (dirty() && !saveCurrent()) {
            // the answers being edited do not fit the form: stay on them rather than lose them
            reselectCurrent();
            return;
        }
        choose(chosen);
    }

    private void choose(Reference study) {
        current = Optional.of(study);
        title.setText(label(study));
        info.setText(snapshot.reviewer().map(r -> "Reviewer " + r + " \u00b7 ").orElse("")
                + snapshot.form().map(f -> (f.title().isEmpty() ? "" : f.title() + " \u00b7 ") + f.source())
                        .orElse("") + " \u00b7 fields marked * are required");
        if (controls != null) {
            controls.show(answers(study.id()));
            controls.mark(List.of());
        }
        savedEdits = edits;
        updateSave();
        root.layout(true, true);
    }

    private Map<String, List<String>> answers(String study) {
        return snapshot.reviewer().map(r -> snapshot.extractions().get(new Extraction.Key(study, r)))
                .map(Extraction::answers).orElse(Map.of());
    }

    private void reselectCurrent() {
        for (int i = 0; i < studies.getItemCount(); i++) {
            if (current.isPresent() && ((Reference) studies.getItem(i).getData()).id().equals(current.get().id())) {
                studies.setSelection(i);
            }
        }
    }

    private void followSelection() {
        List<String> selection = context.workbench().selection();
        if (selection.size() != 1) {
            return;
        }
        for (int i = 0; i < studies.getItemCount(); i++) {
            if (((Reference) studies.getItem(i).getData()).id().equals(selection.get(0))) {
                studies.setSelection(i);
                studyChosen();
            }
        }
    }

    // --- saving -------------------------------------------------------------------------------------------------

    private void edited() {
        edits++;
        updateSave();
    }

    private boolean dirty() {
        return edits != savedEdits;
    }

    /**
     * Saves what the form shows for the current study in a job. Returns false, saving nothing, when an answer does
     * not fit the form (the fields are marked and the problem shown).
     */
    boolean saveCurrent() {
        if (current.isEmpty() || controls == null || snapshot.reviewer().isEmpty() || snapshot.form().isEmpty()) {
            return false;
        }
        ExtractionForm form = snapshot.form().get();
        String study = current.get().id();
        String reviewer = snapshot.reviewer().get();
        Map<String, List<String>> answers = collect(form, study);
        Map<String, List<String>> shown = controls.answers();
        List<String> problems = form.problems(shown);
        if (!problems.isEmpty()) {
            List<String> fields = new ArrayList<>();
            problems.forEach(p -> fields.add(p.substring(0, p.indexOf(':'))));
            controls.mark(fields);
            showStatus("Not saved: " + String.join("; ", problems), true);
            return false;
        }
        controls.mark(List.of());
        int savedAt = edits;
        String name = label(current.get());
        lastSave = context.jobs().submit("Save extraction of " + name,
                        progress -> store.save(study, reviewer, answers));
        lastSave.whenComplete((saved, failure) -> context.asyncExec(() -> saved((Extraction) saved, failure, savedAt,
                name)));
        savedEdits = savedAt; // a study chosen meanwhile must not save these answers twice
        showStatus("Saving\u2026", false);
        updateSave();
        return true;
    }

    /** What to save: answers kept from an earlier form stay; the form's fields take what the inputs show. */
    private Map<String, List<String>> collect(ExtractionForm form, String study) {
        Map<String, List<String>> answers = new LinkedHashMap<>(answers(study));
        form.fields().forEach(f -> answers.put(f.id(), controls.input(f.id()).get()));
        return answers;
    }

    private void saved(Extraction saved, Throwable failure, int savedAt, String name) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            savedEdits = -1; // still to be saved
            showStatus("Not saved: " + cause.getMessage(), true);
            context.workbench().showError("Data extraction of " + name + " not saved: " + cause.getMessage());
            updateSave();
            return;
        }
        Map<Extraction.Key, Extraction> extractions = new HashMap<>(snapshot.extractions());
        extractions.put(saved.key(), saved);
        snapshot = new Snapshot(snapshot.form(), snapshot.formError(), snapshot.studies(), extractions,
                snapshot.reviewer());
        for (TableItem item : studies.getItems()) {
            if (((Reference) item.getData()).id().equals(saved.study())) {
                item.setText(0, state(saved.study()));
            }
        }
        updateSummary();
        ExtractionForm form = snapshot.form().orElseThrow();
        List<FormField> missing = form.missing(saved.answers());
        String message = "Saved " + shorten(name) + (missing.isEmpty() ? ": complete"
                : ": " + missing.size() + " required field(s) still empty ("
                        + String.join(", ", missing.stream().map(FormField::label).toList()) + ")");
        showStatus(message, false);
        context.workbench().showStatus(message);
        updateSave();
    }

    private void disposed() {
        bold.dispose();
        if (dirty() && current.isPresent() && controls != null && snapshot.reviewer().isPresent()
                && snapshot.form().isPresent()) {
            // closing the window with unsaved answers: save them on a thread of their own if they fit the form
            Map<String, List<String>> answers = collect(snapshot.form().get(), current.get().id());
            if (snapshot.form().get().problems(controls.answers()).isEmpty()) {
                String study = current.get().id();
                String reviewer = snapshot.reviewer().get();
                Thread.ofPlatform().name("quire-extraction-save").start(() -> {
                    try {
                        store.save(study, reviewer, answers);
                    } catch (Exception e) {
                        java.util.logging.Logger.getLogger(ExtractionPanel.class.getName())
                                .warning("unsaved data extraction of " + study + " could not be saved: " + e);
                    }
                });
            }
        }
    }

    // --- showing ------------------------------------------------------------------------------------------------

    private String state(String study) {
        ExtractionForm form = snapshot.form().orElse(null);
        if (form == null) {
            return "";
        }
        boolean any = false;
        for (Extraction extraction : snapshot.extractions().values()) {
            if (extraction.study().equals(study)) {
                if (form.complete(extraction.answers())) {
                    return "\u2713 done";
                }
                any = true;
            }
        }
        return any ? "partial" : "\u2014";
    }

    private void updateSummary() {
        long done = snapshot.studies().stream().filter(s -> state(s.id()).startsWith("\u2713")).count();
        summary.setText(done + " of " + snapshot.studies().size() + " studies extracted");
    }

    private void updateSave() {
        save.setEnabled(current.isPresent() && controls != null && snapshot.reviewer().isPresent());
    }

    private void showStatus(String message, boolean error) {
        status.setText(message);
        status.setForeground(error ? status.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        status.getParent().layout(true);
    }

    private static String label(Reference study) {
        String authors = study.authors().isEmpty() ? "" : study.authors().get(0).family()
                + (study.authors().size() > 1 ? " et al." : "") + " ";
        String year = study.issued().map(i -> "(" + i.year() + ") ").orElse("");
        return authors + year + (study.title().isEmpty() ? study.id() : study.title());
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "\u2026";
    }

    // --- for tests: what the view shows -------------------------------------------------------------------------

    Table studiesTable() {
        return studies;
    }

    FormControls form() {
        return controls;
    }

    Button saveButton() {
        return save;
    }

    Button refreshButton() {
        return refresh;
    }

    String statusText() {
        return status.getText();
    }

    String summaryText() {
        return summary.getText();
    }
}
