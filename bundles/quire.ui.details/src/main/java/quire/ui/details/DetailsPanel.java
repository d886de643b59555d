package quire.ui.details;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;
import quire.ui.api.WorkbenchContext.Aspect;

/**
 * The details view's widgets: the first selected reference in full. Title, authors, year, venue, DOI, tags and
 * abstract are editable; Save stores the edit through the library, and Undo stores the version before the last
 * save again (the library keeps every version in its journal, so nothing typed is lost either way). The abstract
 * marks the words of the current search; identifiers are links opened in the system browser; a BibTeX preview comes
 * from the installed BibTeX exporter. Reading, storing and the preview run on this panel's background thread.
 */
final class DetailsPanel {

    private static final Logger LOG = Logger.getLogger(DetailsPanel.class.getName());

    private final DetailsServices services;
    private final ViewContext site;
    private final WorkbenchContext context;
    private final ScrolledComposite scroller;
    private final Composite body;
    private final Label heading;
    private final Text title;
    private final Text authors;
    private final Text year;
    private final Text venue;
    private final Text doi;
    private final Text tags;
    private final Label type;
    private final Link identifiers;
    private final StyledText abstractText;
    private final Label provenance;
    private final StyledText bibtex;
    private final Button save;
    private final Button undo;
    private final Font mono;
    private final ExecutorService background;
    private final Deque<Reference> history = new ArrayDeque<>(); // versions before each save, newest first

    private Optional<Reference> shown = Optional.empty();

    DetailsPanel(Composite parent, ViewContext site, DetailsServices services) {
        this.services = services;
        this.site = site;
        this.context = site.workbench();
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quire-details");
            thread.setDaemon(true);
            return thread;
        });
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        scroller.setContent(body);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 8;
        layout.marginHeight = 6;
        body.setLayout(layout);

        heading = new Label(body, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        heading.setText("Select a reference to see it here.");
        title = field("Title", SWT.MULTI | SWT.WRAP, 48);
        authors = field("Authors", SWT.MULTI | SWT.WRAP, 36);
        authors.setToolTipText("Family, Given; Family, Given; …");
        year = field("Year", SWT.SINGLE, 0);
        venue = field("Venue", SWT.SINGLE, 0);
        doi = field("DOI", SWT.SINGLE, 0);
        tags = field("Tags", SWT.SINGLE, 0);
        tags.setToolTipText("Separated by commas");
        label("Type");
        type = new Label(body, SWT.NONE);
        type.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label("Links");
        identifiers = new Link(body, SWT.NONE);
        identifiers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        identifiers.addListener(SWT.Selection, e -> Program.launch(e.text));

        Composite buttons = new Composite(body, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new GridLayout(2, true));
        save = new Button(buttons, SWT.PUSH);
        save.setText("Save (Ctrl+S)");
        save.addListener(SWT.Selection, e -> save());
        undo = new Button(buttons, SWT.PUSH);
        undo.setText("Undo last save");
        undo.addListener(SWT.Selection, e -> undo());

        Label abstractLabel = label("Abstract");
        abstractLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        abstractText = new StyledText(body, SWT.MULTI | SWT.WRAP | SWT.BORDER);
        GridData abstractData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        abstractData.heightHint = 180;
        abstractData.widthHint = 200;
        abstractText.setLayoutData(abstractData);
        abstractText.setMargins(4, 4, 4, 4);
        abstractText.addListener(SWT.KeyDown, this::saveKey);

        label("Provenance").setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        provenance = new Label(body, SWT.WRAP);
        GridData provenanceData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        provenanceData.widthHint = 200;
        provenance.setLayoutData(provenanceData);

        label("BibTeX").setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        bibtex = new StyledText(body, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.H_SCROLL);
        GridData bibtexData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        bibtexData.heightHint = 150;
        bibtexData.widthHint = 200;
        bibtex.setLayoutData(bibtexData);
        FontData[] data = parent.getDisplay().getSystemFont().getFontData();
        mono = new Font(parent.getDisplay(), "Monospace", Math.max(8, data[0].getHeight() - 1), SWT.NORMAL);
        bibtex.setFont(mono);
        bibtex.setMargins(4, 4, 4, 4);

        scroller.addListener(SWT.Resize, e -> relayout());
        scroller.addListener(SWT.Dispose, e -> {
            mono.dispose();
            finishWork(background);
        });
        context.watch(Aspect.SELECTION, this::selectionChanged);
        context.watch(Aspect.QUERY, this::highlight);
        context.watch(Aspect.FILTER, this::highlight);
        enable(false);
        selectionChanged();
    }

    Control control() {
        return scroller;
    }

    private Label label(String text) {
        Label label = new Label(body, SWT.NONE);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        return label;
    }

    private Text field(String name, int style, int height) {
        label(name);
        Text text = new Text(body, style | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 200;
        if (height > 0) {
            data.heightHint = height;
        }
        text.setLayoutData(data);
        text.addListener(SWT.KeyDown, this::saveKey);
        return text;
    }

    private void saveKey(org.eclipse.swt.widgets.Event e) {
        if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 's' || e.keyCode == 'S')) {
            save();
            e.doit = false;
        }
    }

    private void relayout() {
        int width = scroller.getClientArea().width;
        scroller.setMinSize(body.computeSize(width, SWT.DEFAULT));
        body.layout(true, true);
    }

    /** Shows the first selected reference, read in the background. */
    void selectionChanged() {
        List<String> selection = context.selection();
        if (selection.isEmpty()) {
            show(Optional.empty());
            return;
        }
        String id = selection.get(0);
        submit(() -> {
            Optional<Reference> reference = services.library().reference(id);
            site.asyncExec(() -> {
                List<String> now = context.selection();
                if (!now.isEmpty() && now.get(0).equals(id)) {
                    show(reference);
                }
            });
        });
    }

    /** The library changed: shows the current version of the reference shown. */
    void refresh() {
        selectionChanged();
    }

    private void show(Optional<Reference> reference) {
        shown = reference;
        enable(reference.isPresent());
        if (reference.isEmpty()) {
            heading.setText(context.selection().isEmpty() ? "Select a reference to see it here."
                    : "This reference is no longer in the library.");
            for (Text text : List.of(title, authors, year, venue, doi, tags)) {
                text.setText("");
            }
            type.setText("");
            identifiers.setText("");
            abstractText.setText("");
            provenance.setText("");
            bibtex.setText("");
            relayout();
            return;
        }
        Reference r = reference.get();
        int selected = context.selection().size();
        heading.setText(selected > 1 ? "The first of " + selected + " selected references" : "");
        title.setText(r.title());
        authors.setText(authorsText(r.authors()));
        year.setText(r.year().map(String::valueOf).orElse(""));
        venue.setText(r.venue().orElse(""));
        doi.setText(r.doi().orElse(""));
        tags.setText(String.join(", ", r.tags()));
        type.setText(r.type().label());
        identifiers.setText(links(r));
        abstractText.setText(r.abstractText().orElse(""));
        provenance.setText(provenanceText(r.provenance()));
        highlight();
        preview(r);
        relayout();
    }

    private void enable(boolean enabled) {
        for (Text text : List.of(title, authors, year, venue, doi, tags)) {
            text.setEditable(enabled);
        }
        abstractText.setEditable(enabled);
        save.setEnabled(enabled);
        undo.setEnabled(!history.isEmpty());
    }

    /** Marks the words of the search box's query and the facets' filter in the abstract. */
    private void highlight() {
        String text = abstractText.getText();
        List<String> terms = SearchTerms.of(context.query() + " " + context.filter());
        List<StyleRange> ranges = new ArrayList<>();
        for (int[] found : SearchTerms.find(text, terms)) {
            StyleRange range = new StyleRange(found[0], found[1], null,
                    abstractText.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            range.fontStyle = SWT.BOLD;
            ranges.add(range);
        }
        abstractText.setStyleRanges(ranges.toArray(StyleRange[]::new));
    }

    private void preview(Reference reference) {
        Optional<Exporter> exporter = services.bibtex();
        if (exporter.isEmpty()) {
            bibtex.setText("(no BibTeX exporter is installed)");
            return;
        }
        submit(() -> {
            String text;
            try {
                StringWriter out = new StringWriter();
                exporter.get().write(List.of(reference), ExportOptions.NONE, out);
                text = out.toString().strip();
            } catch (IOException | RuntimeException e) {
                text = "(the BibTeX preview failed: " + e.getMessage() + ")";
            }
            String preview = text;
            site.asyncExec(() -> {
                if (shown.isPresent() && shown.get().id().equals(reference.id())) {
                    bibtex.setText(preview);
                    relayout();
                }
            });
        });
    }

    /** The reference as the fields now say; fails with a message a user can act on. */
    Reference edited(Reference base) {
        Reference.Builder builder = base.toBuilder()
                .title(title.getText().strip())
                .authors(parseAuthors(authors.getText()))
                .venue(blankToNull(venue.getText()))
                .doi(blankToNull(doi.getText()))
                .abstractText(blankToNull(abstractText.getText()))
                .tags(List.of(tags.getText().split("\\s*,\\s*")).stream().map(String::strip)
                        .filter(t -> !t.isEmpty()).distinct().toList());
        String yearText = year.getText().strip();
        if (yearText.isEmpty()) {
            builder.issued(null);
        } else {
            int value;
            try {
                value = Integer.parseInt(yearText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the year must be a number, not \"" + yearText + "\"");
            }
            if (base.year().filter(y -> y == value).isEmpty()) {
                builder.issued(IssuedDate.ofYear(value));
            }
        }
        return builder.build();
    }

    /** Stores the edit through the library; the version before it goes on the undo history. */
    void save() {
        if (shown.isEmpty()) {
            return;
        }
        Reference before = shown.get();
        Reference after;
        try {
            after = edited(before);
        } catch (IllegalArgumentException e) {
            context.showError("Not saved: " + e.getMessage());
            return;
        }
        if (after.equals(before)) {
            context.showStatus("Nothing to save");
            return;
        }
        history.push(before);
        shown = Optional.of(after);
        undo.setEnabled(true);
        store(after, "Saved \"" + shortTitle(after) + "\"", () -> history.remove(before));
    }

    /** Stores again the version before the last save. */
    void undo() {
        Reference previous = history.poll();
        if (previous == null) {
            context.showStatus("Nothing to undo");
            return;
        }
        undo.setEnabled(!history.isEmpty());
        store(previous, "Restored \"" + shortTitle(previous) + "\"", () -> history.push(previous));
        if (shown.isPresent() && shown.get().id().equals(previous.id())) {
            show(Optional.of(previous));
        }
    }

    private void store(Reference reference, String done, Runnable onFailure) {
        submit(() -> {
            try {
                services.library().store(List.of(reference));
                site.asyncExec(() -> context.showStatus(done));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "storing an edit", e);
                site.asyncExec(() -> {
                    onFailure.run();
                    undo.setEnabled(!history.isEmpty());
                    context.showError("The edit was not stored: " + e.getMessage());
                });
            }
        });
    }

    private void submit(Runnable task) {
        try {
            background.execute(task);
        } catch (RejectedExecutionException e) {
            // the view is closing
        }
    }

    /** Links for the identifiers: DOI, arXiv, PubMed, and the URL. */
    static String links(Reference r) {
        List<String> links = new ArrayList<>();
        r.doi().ifPresent(d -> links.add("<a href=\"https://doi.org/" + d + "\">doi:" + d + "</a>"));
        r.arxivId().ifPresent(a -> links.add("<a href=\"https://arxiv.org/abs/" + a + "\">arXiv:" + a + "</a>"));
        r.pmid().ifPresent(p -> links.add("<a href=\"https://pubmed.ncbi.nlm.nih.gov/" + p + "/\">PMID " + p
                + "</a>"));
        r.url().filter(u -> u.startsWith("http")).ifPresent(u -> links.add("<a href=\"" + u + "\">web page</a>"));
        return links.isEmpty() ? "(none)" : String.join("    ", links);
    }

    static String authorsText(List<Person> people) {
        List<String> names = new ArrayList<>();
        for (Person person : people) {
            names.add(person.institution() || person.given().isEmpty() ? person.family()
                    : person.family().isEmpty() ? person.given() : person.family() + ", " + person.given());
        }
        return String.join("; ", names);
    }

    /** "Family, Given; Family, Given"; a name without a comma is kept whole (an institution). */
    static List<Person> parseAuthors(String text) {
        List<Person> people = new ArrayList<>();
        for (String name : text.split("\\s*;\\s*")) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            int comma = n.indexOf(',');
            if (comma < 0) {
                people.add(Person.institution(n));
            } else {
                String family = n.substring(0, comma).strip();
                String given = n.substring(comma + 1).strip();
                people.add(family.isEmpty() ? Person.of("", given) : Person.of(family, given));
            }
        }
        return people;
    }

    static String provenanceText(List<Provenance> provenance) {
        List<String> lines = new ArrayList<>();
        for (Provenance p : provenance) {
            StringBuilder line = new StringBuilder(p.sourceFile());
            if (p.line() > 0) {
                line.append(':').append(p.line());
            }
            line.append(" (").append(p.format());
            p.database().ifPresent(d -> line.append(", ").append(d));
            line.append(", record ").append(p.position() + 1).append(')');
            if (!p.importedAt().equals(java.time.Instant.EPOCH)) {
                line.append(", imported ").append(p.importedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
            }
            lines.add(line.toString());
        }
        return lines.isEmpty() ? "(entered by hand)" : String.join("\n", lines);
    }

    private static String shortTitle(Reference r) {
        String t = r.title().isEmpty() ? r.id() : r.title();
        return t.length() <= 60 ? t : t.substring(0, 57) + "…";
    }

    private static String blankToNull(String text) {
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    // for tests
    Text titleField() {
        return title;
    }

    StyledText abstractField() {
        return abstractText;
    }

    StyledText bibtexField() {
        return bibtex;
    }

    Link identifiersLink() {
        return identifiers;
    }

    Button saveButton() {
        return save;
    }

    Button undoButton() {
        return undo;
    }

    Optional<Reference> shown() {
        return shown;
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
