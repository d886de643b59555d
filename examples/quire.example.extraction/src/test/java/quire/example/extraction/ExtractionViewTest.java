package quire.example.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.work.JobStatus;
import quire.api.work.Jobs;
import quire.api.work.Progress;
import quire.api.work.Work;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/** The view, generated from the example form, in a real SWT window on a private Xvfb. */
class ExtractionViewTest {

    static Display display;

    @TempDir
    Path workspace;

    Shell shell;
    ExtractionStore store;
    ExecutorService workers;
    final List<String> jobNames = new ArrayList<>();
    final List<String> workbenchErrors = new ArrayList<>();

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        display.dispose();
    }

    @BeforeEach
    void open() throws Exception {
        store = new ExtractionStore(workspace, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        workers = Executors.newSingleThreadExecutor();
        shell = new Shell(display);
        shell.setText("Data extraction");
        shell.setLayout(new FillLayout());
        shell.setSize(1180, 720);
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        workers.shutdownNow();
        store.close();
    }

    ExtractionPanel openView(Optional<String> reviewer) throws InterruptedException {
        List<Reference> references = List.of(
                Reference.builder().id("r1").title("Aspirin after stroke: a randomised trial")
                        .author(Person.of("Okafor", "N")).author(Person.of("Lind", "P"))
                        .issued(IssuedDate.ofYear(2021)).build(),
                Reference.builder().id("r2").title("Statins in the elderly").author(Person.of("Sato", "K"))
                        .issued(IssuedDate.ofYear(2019)).build(),
                Reference.builder().id("r3").title("Excluded at full text").build());
        ExtractionView view = new ExtractionView(store, ReviewFixture.review(Set.of("r1", "r2"), reviewer),
                ReviewFixture.library(workspace, references));
        Control control = view.createControl(shell, context());
        shell.open();
        ExtractionPanel panel = (ExtractionPanel) control.getData(ExtractionPanel.class.getName());
        until(() -> panel.studiesTable().getItemCount() == 2 && panel.form() != null, "the studies and the form");
        return panel;
    }

    @Test
    void theFormIsGeneratedFilledSavedInAJobAndShownComplete() throws Exception {
        ExtractionPanel panel = openView(Optional.of("AB"));
        assertEquals("Load data extraction", jobNames.get(0), "loading runs as a job, off the UI thread");
        assertEquals("\u2014", panel.studiesTable().getItem(0).getText(0));
        assertEquals("Okafor et al. (2021) Aspirin after stroke: a randomised trial",
                panel.studiesTable().getItem(0).getText(1));
        assertEquals("0 of 2 studies extracted", panel.summaryText());

        FormControls form = panel.form();
        Combo design = assertInstanceOf(Combo.class, form.input("design").control());
        assertEquals(List.of("", "randomised controlled trial", "cohort", "case-control", "cross-sectional",
                "other"), List.of(design.getItems()));
        Text participants = assertInstanceOf(Text.class, form.input("participants").control());
        assertInstanceOf(Text.class, form.input("mean_age").control());
        Composite outcomes = assertInstanceOf(Composite.class, form.input("outcomes").control());
        assertEquals(4, outcomes.getChildren().length);
        Combo preregistered = assertInstanceOf(Combo.class, form.input("preregistered").control());
        Composite published = assertInstanceOf(Composite.class, form.input("published").control());
        assertInstanceOf(DateTime.class, published.getChildren()[1]);

        // what a reviewer does: pick, type, tick
        design.select(1);
        design.notifyListeners(SWT.Modify, null);
        ((Text) form.input("country").control()).setText("Norway");
        participants.setText("12a");
        assertEquals("", participants.getText(), "letters are refused in a whole-number field");
        participants.setText("120");
        ((Text) form.input("mean_age").control()).setText("67.5");
        check((Button) outcomes.getChildren()[0]);
        check((Button) outcomes.getChildren()[2]);
        preregistered.select(1);
        preregistered.notifyListeners(SWT.Modify, null);
        check((Button) published.getChildren()[0]);
        ((DateTime) published.getChildren()[1]).setDate(2021, 2, 15);
        ((Text) form.input("notes").control()).setText("ITT analysis; 3 lost to follow-up");
        assertTrue(panel.saveButton().isEnabled());

        panel.saveButton().notifyListeners(SWT.Selection, null);
        until(() -> panel.statusText().startsWith("Saved"), "the save to finish");
        assertTrue(jobNames.contains("Save extraction of Okafor et al. (2021) Aspirin after stroke: a randomised "
                + "trial"), jobNames.toString());
        assertEquals("Saved Okafor et al. (2021) Aspirin after stroke: a randomised tri\u2026: complete",
                panel.statusText());
        assertEquals(Map.of("design", List.of("randomised controlled trial"), "country", List.of("Norway"),
                "participants", List.of("120"), "mean_age", List.of("67.5"),
                "outcomes", List.of("mortality", "adverse events"), "preregistered", List.of("true"),
                "published", List.of("2021-03-15"), "notes", List.of("ITT analysis; 3 lost to follow-up")),
                store.extraction("r1", "AB").orElseThrow().answers());
        assertEquals("\u2713 done", panel.studiesTable().getItem(0).getText(0));
        assertEquals("1 of 2 studies extracted", panel.summaryText());
        screenshot(Path.of("target/extraction-view.png"));

        // a reopened store reads back what the view saved
        store.close();
        assertEquals(2026, new ExtractionStore(workspace, Clock.systemUTC()).extraction("r1", "AB").orElseThrow()
                .at().atZone(ZoneOffset.UTC).getYear());
    }

    @Test
    void answersThatDoNotFitKeepTheReviewerOnTheStudyAndMovingOnSavesTheRest() throws Exception {
        ExtractionPanel panel = openView(Optional.of("CD"));
        choose(panel, 1);
        assertEquals("", ((Text) panel.form().input("participants").control()).getText());
        ((Text) panel.form().input("mean_age").control()).setText("6.7.5");
        ((Text) panel.form().input("participants").control()).setText("40");

        choose(panel, 0);
        assertEquals(1, panel.studiesTable().getSelectionIndex(), "the reviewer stays on the study being edited");
        assertEquals("Not saved: mean_age: '6.7.5' is not a number", panel.statusText());
        assertTrue(store.extractions().isEmpty());

        ((Text) panel.form().input("mean_age").control()).setText("67");
        choose(panel, 0);
        until(() -> panel.statusText().startsWith("Saved"), "the edits to be saved on moving on");
        assertEquals("Saved Sato (2019) Statins in the elderly: 1 required field(s) still empty (Study design)",
                panel.statusText());
        assertEquals(Map.of("participants", List.of("40"), "mean_age", List.of("67")),
                store.extraction("r2", "CD").orElseThrow().answers());
        assertEquals("partial", panel.studiesTable().getItem(1).getText(0));
        assertEquals(0, panel.studiesTable().getSelectionIndex());
        assertEquals("", ((Text) panel.form().input("mean_age").control()).getText(), "study 1 shows its own answers");
        assertTrue(workbenchErrors.isEmpty(), workbenchErrors.toString());
    }

    @Test
    void refreshingAfterTheTeamChangedTheFormSavesTheEditsFirstThenShowsTheNewForm() throws Exception {
        ExtractionPanel panel = openView(Optional.of("AB"));
        ((Text) panel.form().input("participants").control()).setText("33");
        Files.createDirectories(workspace.resolve("extraction"));
        Files.writeString(workspace.resolve("extraction/form.json"), """
                {"fields": [{"id": "participants", "label": "Participants", "type": "integer"},
                            {"id": "funding", "label": "Funding", "type": "choice", "values": ["public", "industry"]}]}
                """);
        panel.refreshButton().notifyListeners(SWT.Selection, null);
        until(() -> panel.form() != null && panel.form().input("funding") != null, "the new form");
        assertEquals(Map.of("participants", List.of("33")), store.extraction("r1", "AB").orElseThrow().answers());
        assertEquals("33", ((Text) panel.form().input("participants").control()).getText());
        assertEquals("\u2713 done", panel.studiesTable().getItem(0).getText(0), "nothing is required any more");
    }

    @Test
    void withoutAReviewerNothingCanBeSavedAndTheViewSaysWhy() throws Exception {
        ExtractionPanel panel = openView(Optional.empty());
        assertFalse(panel.saveButton().isEnabled());
        assertEquals("No reviewer chosen: choose yourself as reviewer (Review menu) to extract", panel.statusText());
    }

    @Test
    void aBrokenFormIsShownWithWhereItIsBroken() throws Exception {
        Files.createDirectories(workspace.resolve("extraction"));
        Files.writeString(workspace.resolve("extraction/form.json"),
                "{\"fields\": [{\"id\": \"n\", \"type\": \"int\"}]}");
        ExtractionView view = new ExtractionView(store, ReviewFixture.review(Set.of("r1"), Optional.of("AB")),
                ReviewFixture.library(workspace, List.of(Reference.builder().id("r1").title("One").build())));
        ExtractionPanel panel = (ExtractionPanel) view.createControl(shell, context())
                .getData(ExtractionPanel.class.getName());
        shell.open();
        until(() -> !panel.statusText().isEmpty(), "the form problem to show");
        assertEquals("extraction/form.json:1:33: field 'n': type 'int' is not one of text, number, integer, choice, "
                + "multi-choice, boolean, date", panel.statusText());
        assertFalse(panel.saveButton().isEnabled());
    }

    static void check(Button button) {
        button.setSelection(true);
        button.notifyListeners(SWT.Selection, null);
    }

    static void choose(ExtractionPanel panel, int row) {
        panel.studiesTable().setSelection(row);
        panel.studiesTable().notifyListeners(SWT.Selection, null);
    }

    void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            if (!display.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
    }

    void screenshot(Path file) throws Exception {
        for (int i = 0; i < 50; i++) {
            display.readAndDispatch();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Image image = new Image(display, shell.getSize().x, shell.getSize().y);
        GC gc = new GC(shell);
        gc.copyArea(image, 0, 0);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
    }

    /** The workbench as the view sees it: jobs on a worker thread, results back on the UI thread. */
    ViewContext context() {
        Jobs jobs = new Jobs() {
            @Override
            public <T> CompletableFuture<T> submit(String name, Work<T> work) {
                jobNames.add(name);
                return CompletableFuture.supplyAsync(() -> {
                    assertFalse(Thread.currentThread() == display.getThread(), "jobs never run on the UI thread");
                    try {
                        return work.run(Progress.NONE);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, workers);
            }

            @Override
            public List<JobStatus> running() {
                return List.of();
            }

            @Override
            public boolean cancel(long jobId) {
                return false;
            }
        };
        WorkbenchContext workbench = (WorkbenchContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkbenchContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "selection" -> List.of();
                    case "watch" -> (WorkbenchContext.Subscription) () -> { };
                    case "showStatus" -> null;
                    case "showError" -> workbenchErrors.add((String) args[0]);
                    default -> throw new UnsupportedOperationException("WorkbenchContext." + method.getName());
                });
        return new ViewContext() {
            @Override
            public WorkbenchContext workbench() {
                return workbench;
            }

            @Override
            public Jobs jobs() {
                return jobs;
            }

            @Override
            public void asyncExec(Runnable action) {
                display.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        action.run();
                    }
                });
            }
        };
    }
}
