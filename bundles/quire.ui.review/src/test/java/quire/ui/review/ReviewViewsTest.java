package quire.ui.review;

import quire.testing.VirtualDisplay;
import quire.testing.TestViewContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.SearchRun;
import quire.api.review.Verdict;
import quire.review.DeduplicationStage;
import quire.review.FullTextStage;
import quire.review.IdentificationStage;
import quire.review.IncludedStage;
import quire.review.PrismaFlowDiagram;
import quire.review.TitleAbstractStage;
import quire.review.WorkspaceReview;

/** The three review views in a real SWT window under Xvfb, against the real review service. */
class ReviewViewsTest {

    private static final String TA = ReviewStage.TITLE_ABSTRACT;
    private static Display display;

    @TempDir
    Path dir;
    private Library library;

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        display.dispose();
    }

    /**
     * 20 records from two databases; AB and CD screened them blind: AB includes the odd ones; CD too, but excludes
     * r3 and r7 and includes r12. So they disagree on r3, r7 and r12.
     */
    private WorkspaceReview review() throws Exception {
        library = new SmallLibrary(dir, 20);
        WorkspaceReview review = new WorkspaceReview(library);
        review.addStage(new IdentificationStage());
        review.addStage(new DeduplicationStage(library));
        review.addStage(new TitleAbstractStage());
        review.addStage(new FullTextStage());
        review.addStage(new IncludedStage());
        review.saveProtocol(new ReviewProtocol("Exercise for depression in adults", "Does exercise help?",
                List.of(new Criterion("population", "Not adults with depression"),
                        new Criterion("design", "Not a randomised trial")),
                List.of(new SearchRun("PubMed", "exercise AND depression", LocalDate.of(2026, 11, 2), 12,
                        List.of())),
                List.of(new Reviewer("AB", "Ann Bell"), new Reviewer("CD", "Carl Dunn")), true, 2));
        for (String reviewer : List.of("AB", "CD")) {
            review.setCurrentReviewer(reviewer);
            for (int i = 1; i <= 20; i++) {
                boolean include = i % 2 == 1;
                if (reviewer.equals("CD") && (i == 3 || i == 7 || i == 12)) {
                    include = !include;
                }
                review.decide(TA, List.of("r" + i), include ? Verdict.INCLUDE : Verdict.EXCLUDE,
                        include ? Optional.empty() : Optional.of(i % 4 == 0 ? "design" : "population"),
                        Optional.empty());
            }
        }
        review.setCurrentReviewer("AB");
        return review;
    }

    private static void spinUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the view did not update in 20 s");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    private static Shell shell(int width, int height) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /** A picture of the shell, to look at. */
    private static Path screenshot(Shell shell, String name) throws Exception {
        for (int i = 0; i < 30; i++) {
            display.readAndDispatch();
        }
        Point size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(shell);
        gc.copyArea(image, 0, 0);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        Path png = Path.of("target", name);
        Files.createDirectories(png.getParent());
        loader.save(png.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return png;
    }

    @Test
    void theReviewViewShowsStagesReviewersAndAgreement() throws Exception {
        WorkspaceReview review = review();
        ReviewProgressView view = new ReviewProgressView(review);
        TestViewContext context = new TestViewContext(display);
        Shell shell = shell(1100, 380);
        try {
            view.createControl(shell, context);
            shell.open();
            ReviewProgressView.Panel panel = view.panels().iterator().next();
            spinUntil(() -> panel.stages().getItemCount() == 5);
            assertTrue(panel.heading().startsWith("Exercise for depression in adults  —  blinded, 2 reviewers per"
                    + " record  —  reviewing: AB (Ann Bell)"), panel.heading());
            Table stages = panel.stages();
            // title-abstract: 20 records; both include 8, both exclude 9, 3 conflicts
            assertEquals("▸ Title and abstract screening", stages.getItem(2).getText(0));
            assertEquals(List.of("20", "8", "9", "3", "3", "AB 20/20    CD 20/20"), texts(stages, 2).subList(1, 7));
            assertEquals("8", stages.getItem(3).getText(1), "full text receives the 8 passed");
            Table agreement = panel.agreement();
            assertEquals(List.of("title-abstract", "AB / CD", "20", "17", "85.0 %"), texts(agreement, 0).subList(0, 5));
            assertEquals(kappaText(review), agreement.getItem(0).getText(5));

            // a decision elsewhere (the terminal, another view) shows here through the event
            review.decide(ReviewStage.FULL_TEXT, List.of("r1"), Verdict.INCLUDE, Optional.empty(), Optional.empty());
            view.handleEvent(new org.osgi.service.event.Event(ReviewService.TOPIC_DECIDED, Map.of()));
            spinUntil(() -> stages.getItemCount() == 5 && stages.getItem(3).getText(6).contains("AB 1/8"));

            // double-clicking a stage makes it the current one
            Event event = new Event();
            event.item = stages.getItem(3);
            stages.notifyListeners(SWT.DefaultSelection, event);
            assertEquals(ReviewStage.FULL_TEXT, context.stage());
            spinUntil(() -> stages.getItem(3).getText(0).startsWith("▸"));
            assertTrue(Files.size(screenshot(shell, "review-view.png")) > 5_000);
        } finally {
            shell.dispose();
            view.deactivate();
        }
    }

    /** Kappa by hand: AB includes 10 of 20, CD 9; both include 8, both exclude 9. */
    private static String kappaText(WorkspaceReview review) {
        double kappa = review.agreement(TA).get(0).kappa();
        double po = 17 / 20.0;
        double pe = (10 / 20.0) * (9 / 20.0) + (10 / 20.0) * (11 / 20.0);
        assertEquals((po - pe) / (1 - pe), kappa, 1e-12);
        return String.format(java.util.Locale.ROOT, "%.3f", kappa);
    }

    @Test
    void theConflictsViewListsAndResolves() throws Exception {
        WorkspaceReview review = review();
        ConflictsView view = new ConflictsView(review, library);
        TestViewContext context = new TestViewContext(display);
        Shell shell = shell(1100, 300);
        try {
            view.createControl(shell, context);
            shell.open();
            ConflictsView.Panel panel = view.panels().iterator().next();
            spinUntil(() -> panel.table().getItemCount() == 3);
            assertEquals("3 records to resolve (resolutions are recorded as AB's).", panel.summary());
            assertEquals(List.of("title-abstract", "r3", "Record 3 on exercise and mood",
                    "AB: include  ·  CD: exclude (population)"), texts(panel.table(), 0));
            assertFalse(panel.include().isEnabled(), "nothing selected, nothing to resolve");

            select(panel.table(), 1);
            assertEquals(List.of("r7"), context.selection(), "the workbench shows the record");
            assertTrue(panel.exclude().isEnabled());
            panel.reason().select(1); // design
            panel.exclude().notifyListeners(SWT.Selection, new Event());
            spinUntil(() -> panel.table().getItemCount() == 2);
            Decision resolution = review.log().get(review.log().size() - 1);
            assertTrue(resolution.resolution());
            assertEquals("r7", resolution.referenceId());
            assertEquals(Optional.of("design"), resolution.criterion());
            spinUntil(() -> context.statusMessage().isPresent());
            assertEquals("Resolved r7: exclude (design)", context.statusMessage().get().text());
            assertTrue(Files.size(screenshot(shell, "conflicts-view.png")) > 5_000);

            select(panel.table(), 0);
            panel.include().notifyListeners(SWT.Selection, new Event());
            spinUntil(() -> panel.table().getItemCount() == 1);
            assertEquals(List.of("r12"), review.conflicts(TA));
        } finally {
            shell.dispose();
            view.deactivate();
        }
    }

    @Test
    void thePrismaViewDrawsTheDiagramAndSavesIt() throws Exception {
        WorkspaceReview review = review();
        PrismaView view = new PrismaView(review, new PrismaFlowDiagram());
        TestViewContext context = new TestViewContext(display);
        Shell shell = shell(900, 760);
        try {
            view.createControl(shell, context);
            shell.open();
            PrismaView.Panel panel = view.panels().iterator().next();
            spinUntil(() -> panel.shown() != null);
            assertEquals("20 identified, 20 screened, 8 assessed, 0 included; 11 awaiting a decision",
                    panel.summary());
            assertEquals(review.prisma(), panel.shown().counts());
            Path svg = dir.resolve("flow.svg");
            Path csv = dir.resolve("flow.csv");
            view.save(svg);
            view.save(csv);
            assertTrue(Files.readString(svg).contains("<g id=\"records_screened\">"));
            assertTrue(Files.readString(csv).contains("\nrecords_excluded,node10,box5,"));
            assertTrue(Files.size(screenshot(shell, "prisma-view.png")) > 10_000);
        } finally {
            shell.dispose();
            view.deactivate();
        }
    }

    private static void select(Table table, int index) {
        table.setSelection(index);
        Event event = new Event();
        event.item = table.getItem(index);
        table.notifyListeners(SWT.Selection, event);
    }

    private static List<String> texts(Table table, int row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            texts.add(table.getItem(row).getText(i));
        }
        return texts;
    }

    /** Records r1..rn, the odd ones from PubMed, the even ones from Embase. */
    static final class SmallLibrary implements Library {
        private final Path workspace;
        private final Map<String, Reference> refs = new LinkedHashMap<>();

        SmallLibrary(Path workspace, int n) {
            this.workspace = workspace;
            for (int i = 1; i <= n; i++) {
                refs.put("r" + i, Reference.builder().id("r" + i).title("Record " + i + " on exercise and mood")
                        .abstractText("Abstract " + i).provenance(Provenance.of(i % 2 == 0 ? "embase.ris"
                                : "pubmed.nbib", "ris", i, i).fromDatabase(i % 2 == 0 ? "Embase" : "PubMed"))
                        .build());
            }
        }

        @Override public Path workspace() { return workspace; }
        @Override public int size() { return refs.size(); }
        @Override public long generation() { return 1; }
        @Override public List<Reference> references() { return new ArrayList<>(refs.values()); }
        @Override public Optional<Reference> reference(String id) { return Optional.ofNullable(refs.get(id)); }
        @Override public long store(Collection<Reference> references) { throw new UnsupportedOperationException(); }
        @Override public LibraryTransaction begin() { throw new UnsupportedOperationException(); }
        @Override public long remove(Collection<String> ids) { throw new UnsupportedOperationException(); }
        @Override public LibraryChanges changesSince(long g) { return new LibraryChanges(g, 1, Set.of(), true); }
    }
}
