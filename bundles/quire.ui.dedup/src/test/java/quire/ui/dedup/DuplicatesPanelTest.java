package quire.ui.dedup;

import quire.testing.TestViewContext;
import quire.testing.ThreadJobs;
import quire.testing.VirtualDisplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.dedup.DedupService;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.dedup.LibraryDedupService;

/** The duplicates view on a real display (its own Xvfb) against the real deduplication service. */
class DuplicatesPanelTest {

    private static Display display;

    @TempDir
    Path workspace;

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    private static Reference paper(String id, String title, String doi, String database) {
        return Reference.builder().id(id).type(ReferenceType.ARTICLE).title(title)
                .authors(List.of(Person.of("Okafor", "Chidi"), Person.of("Lindqvist", "Åsa")))
                .issued(IssuedDate.ofYear(2021)).venue("Journal of Clinical Epidemiology").volume("132")
                .pages("45-53").doi(doi)
                .abstractText("Objective: to compare the records that bibliographic databases return for one search.")
                .provenance(Provenance.of(database.toLowerCase() + ".ris", "ris", 0, 1).fromDatabase(database))
                .build();
    }

    @Test
    void theReviewerComparesMergesUndoesAndKeepsApartWithKeys() throws Exception {
        MemoryLibrary library = new MemoryLibrary();
        library.workspace = workspace;
        String title = "Duplicate records across bibliographic databases: a cross-sectional study";
        library.add(List.of(
                paper("scopus-1", title, "10.1016/j.jclinepi.2021.01.004", "Scopus"),
                // the same work in Embase, title cut at the colon and the journal abbreviated: not sure enough
                paper("embase-1", "Duplicate records across bibliographic databases", null, "Embase").toBuilder()
                        .venue("J Clin Epidemiol").volume(null).pages(null)
                        .authors(List.of(Person.of("Okafor", "C."))).build(),
                // conference version: same title, own DOI; never merged without a reviewer
                paper("ieee-1", title, "10.1109/icde.2021.00123", "IEEE").toBuilder().venue("Proceedings of ICDE")
                        .volume(null).pages(null).issued(IssuedDate.ofYear(2020)).build()));
        LibraryDedupService dedup = new LibraryDedupService(library);
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 560);
        TestViewContext context = new TestViewContext(display).withJobs(new ThreadJobs());
        status = () -> context.statusMessage() + " / " + dedup.find(quire.api.work.Progress.NONE);
        DuplicatesPanel panel = new DuplicatesPanel(shell, context, () -> Optional.of(new ReviewQueue(dedup, library)));
        shell.open();
        try {
            panel.find();
            waitUntil(() -> !panel.busy() && panel.list().getItemCount() == 2);
            assertEquals("2 pairs to review", panel.status());
            assertTrue(panel.decidable(), "a pair is shown: it can be merged or kept apart");
            assertTrue(panel.reasons().startsWith("Confidence "), panel.reasons());
            ReviewQueue.Item first = panel.current().orElseThrow();
            assertEquals(List.of(first.kept().id(), first.other().id()), context.selection(),
                    "the pair becomes the workbench's selection, so the details view shows it");
            List<Comparison.Row> rows = Comparison.rows(first.kept(), first.other());
            for (int i = 0; i < rows.size(); i++) {
                TableItem line = panel.comparison().getItem(i);
                assertEquals(rows.get(i).field(), line.getText(0));
                boolean coloured = !line.getBackground().equals(panel.comparison().getBackground());
                assertEquals(rows.get(i).difference() != Comparison.Difference.SAME, coloured, rows.get(i).toString());
            }
            screenshot(shell, "duplicates-view.png");

            // N and P move, A merges the pair shown
            press(panel, 'n');
            assertEquals(1, panel.list().getSelectionIndex());
            press(panel, 'p');
            ReviewQueue.Item merging = panel.current().orElseThrow();
            press(panel, 'a');
            waitUntil(() -> !panel.busy() && panel.list().getItemCount() < 2);
            String away = merging.other().id();
            assertEquals(merging.kept().id(), library.reference(away).orElseThrow().field(DedupService.DUPLICATE_OF)
                    .orElseThrow());
            assertTrue(context.statusMessage().orElseThrow().text().startsWith("Merged " + away));

            // U undoes it: both records as they were
            press(panel, 'u');
            waitUntil(() -> !panel.busy() && panel.list().getItemCount() == 2);
            assertEquals(merging.other(), library.reference(away).orElseThrow());
            assertEquals(merging.kept(), library.reference(merging.kept().id()).orElseThrow());

            // R keeps a pair apart, for good
            ReviewQueue.Item apart = panel.current().orElseThrow();
            press(panel, 'r');
            waitUntil(() -> !panel.busy() && panel.list().getItemCount() == 1);
            assertFalse(dedup.reviewQueue(quire.api.work.Progress.NONE).stream()
                    .anyMatch(g -> g.referenceIds().equals(apart.group().referenceIds())));
            assertTrue(Files.exists(workspace.resolve("dedup").resolve("rejections.jsonl")));
        } finally {
            shell.dispose();
        }
    }

    @Test
    void withoutDeduplicationTheViewSaysSo() {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        TestViewContext context = new TestViewContext(display).withJobs(new ThreadJobs());
        DuplicatesPanel panel = new DuplicatesPanel(shell, context, Optional::empty);
        try {
            panel.find();
            assertEquals("Find duplicates: deduplication is not installed",
                    context.statusMessage().orElseThrow().text());
            assertTrue(context.statusMessage().orElseThrow().error());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void rowsSayHowTheRecordsDiffer() {
        assertEquals(Comparison.Difference.SAME, Comparison.row("Title", "Gödel's proof", "GODELS PROOF.").difference());
        assertEquals(Comparison.Difference.SPELLING,
                Comparison.row("Venue", "Journal of Clinical Epidemiology", "J Clin Epidemiol").difference());
        assertEquals(Comparison.Difference.DIFFERENT, Comparison.row("Year", "2020", "2021").difference());
        assertEquals(Comparison.Difference.ONE_SIDE, Comparison.row("DOI", "10.1000/x", "").difference());
        assertEquals(Comparison.Difference.SAME, Comparison.row("Title", "a <i>b</i> &amp; c", "A b c").difference());
    }

    private static void press(DuplicatesPanel panel, char key) {
        Event event = new Event();
        event.character = key;
        event.doit = true;
        panel.list().notifyListeners(SWT.KeyDown, event);
    }

    private static java.util.function.Supplier<String> status = () -> "";

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out: " + status.get());
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    private static void screenshot(Shell shell, String name) throws Exception {
        long end = System.currentTimeMillis() + 500;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
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
    }
}
