package quire.ui.priority;

import quire.testing.VirtualDisplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.review.Decision;
import quire.api.review.RecordStatus;
import quire.api.review.Reviewer;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/** The view in a real SWT window under Xvfb, against fakes of the review, the library and the screening order. */
class PriorityViewTest {

    private static Display display;

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        display.dispose();
    }

    private static final int RECORDS = 300;
    private final List<String> selected = new CopyOnWriteArrayList<>();

    /** 120 decisions: 25 includes among the first 58, then 62 excludes in a row; the rest ranked by relevance. */
    private static List<Decision> log() {
        List<Decision> log = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Verdict v = i < 60 && (i % 3 == 0 || i < 8) ? Verdict.INCLUDE : Verdict.EXCLUDE;
            log.add(new Decision("d" + i, "r" + i, ReviewStage.TITLE_ABSTRACT, "AB", v, Optional.empty(),
                    Optional.empty(), Instant.EPOCH.plusSeconds(i), false));
        }
        // another reviewer's decisions and an undo do not count for AB's progress
        log.add(new Decision("x", "r200", ReviewStage.TITLE_ABSTRACT, "CD", Verdict.INCLUDE, Optional.empty(),
                Optional.empty(), Instant.EPOCH, false));
        return log;
    }

    private static ReviewService review() {
        List<Decision> log = log();
        return (ReviewService) Proxy.newProxyInstance(ReviewService.class.getClassLoader(),
                new Class<?>[] {ReviewService.class}, (p, m, args) -> switch (m.getName()) {
                    case "statuses" -> {
                        Map<String, RecordStatus> statuses = new LinkedHashMap<>();
                        for (int i = 0; i < RECORDS; i++) {
                            Verdict own = i < 120 ? log.get(i).verdict() : Verdict.NONE;
                            statuses.put("r" + i, new RecordStatus("r" + i, own, own, Optional.empty(), false, 1));
                        }
                        yield statuses;
                    }
                    case "log" -> log;
                    case "currentReviewer" -> Optional.of(new Reviewer("AB", "Ann Bell"));
                    case "toString" -> "FakeReview";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Library library() {
        String[] topics = {"Exercise for depression in adults: a randomised trial",
            "Yoga and mindfulness for anxiety in students", "Walking groups and mood in older people",
            "Cartilage graft outcomes after knee surgery", "Insulin glargine in diabetic cats"};
        return (Library) Proxy.newProxyInstance(Library.class.getClassLoader(), new Class<?>[] {Library.class},
                (p, m, args) -> switch (m.getName()) {
                    case "reference" -> {
                        String id = (String) args[0];
                        int n = Integer.parseInt(id.substring(1));
                        yield Optional.of(Reference.builder().id(id).type(ReferenceType.ARTICLE)
                                .title(topics[n % topics.length] + " (" + id + ")").build());
                    }
                    case "toString" -> "FakeLibrary";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ScreeningOrder order() {
        return stage -> {
            List<ScreeningOrder.Ranked> ranked = new ArrayList<>();
            for (int i = 120; i < RECORDS; i++) {
                double relevance = 0.93 * Math.exp(-(i - 120) / 25.0) + 0.02;
                ranked.add(new ScreeningOrder.Ranked("r" + i, relevance));
            }
            return ranked;
        };
    }

    private ViewContext context() {
        WorkbenchContext workbench = (WorkbenchContext) Proxy.newProxyInstance(
                WorkbenchContext.class.getClassLoader(), new Class<?>[] {WorkbenchContext.class},
                (p, m, args) -> switch (m.getName()) {
                    case "stage" -> ReviewStage.TITLE_ABSTRACT;
                    case "watch" -> (WorkbenchContext.Subscription) () -> { };
                    case "setSelection" -> {
                        @SuppressWarnings("unchecked")
                        List<String> ids = (List<String>) args[0];
                        selected.clear();
                        selected.addAll(ids);
                        yield null;
                    }
                    case "toString" -> "FakeWorkbench";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ViewContext) Proxy.newProxyInstance(ViewContext.class.getClassLoader(),
                new Class<?>[] {ViewContext.class}, (p, m, args) -> switch (m.getName()) {
                    case "workbench" -> workbench;
                    case "asyncExec" -> {
                        display.asyncExec((Runnable) args[0]);
                        yield null;
                    }
                    case "toString" -> "FakeViewContext";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static PriorityView.Config config(int stopAfter) {
        return new PriorityView.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PriorityView.Config.class;
            }

            @Override
            public int stopAfterExcludes() {
                return stopAfter;
            }

            @Override
            public int rows() {
                return 200;
            }
        };
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

    @Test
    void showsRelevanceInScreeningOrderTheChartAndTheStoppingHint() throws Exception {
        PriorityView view = new PriorityView(review(), library(), config(50));
        view.setOrder(order());
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1180, 440);
        try {
            view.createControl(shell, context());
            shell.open();
            PriorityView.Panel panel = view.panels().iterator().next();
            spinUntil(() -> panel.table().getItemCount() > 0);
            view.handleEvent(new org.osgi.service.event.Event(PriorityView.TOPIC_RANKED,
                    Map.of("model", "svm", "labelled", 120, "millis", 38L)));
            spinUntil(() -> panel.summaryText().contains("Ranked by svm"));

            Table table = panel.table();
            assertEquals(180, table.getItemCount(), "every unscreened record, in the screening order");
            assertEquals("1", table.getItem(0).getText(0));
            assertEquals("Exercise for depression in adults: a randomised trial (r120)", table.getItem(0).getText(2));
            assertEquals("r121", ((PriorityView.Row) table.getItem(1).getData()).referenceId());
            assertTrue(panel.summaryText().startsWith("Screened 120 of 300; 25 includes found."),
                    panel.summaryText());
            assertTrue(panel.summaryText().endsWith("Ranked by svm, learned from 120 decisions in 38 ms."));
            assertTrue(panel.hintText().startsWith("62 excludes in a row: the remaining 180 records are probably"),
                    panel.hintText());

            table.setSelection(2);
            Event event = new Event();
            event.item = table.getItem(2);
            table.notifyListeners(SWT.Selection, event);
            assertEquals(List.of("r122"), selected);

            // a picture of the view, to look at
            for (int i = 0; i < 20; i++) {
                display.readAndDispatch();
            }
            Point size = shell.getSize();
            Image image = new Image(display, size.x, size.y);
            GC gc = new GC(shell);
            gc.copyArea(image, 0, 0);
            gc.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path png = Path.of("target", "priority-view.png");
            Files.createDirectories(png.getParent());
            loader.save(png.toString(), SWT.IMAGE_PNG);
            image.dispose();
            assertTrue(Files.size(png) > 5_000);
        } finally {
            shell.dispose();
            view.deactivate();
        }
    }

    @Test
    void stoppingRuleCountsOnlyTheTrailingRunOfExcludes() {
        ScreeningProgress progress = ScreeningProgress.of(log(), ReviewStage.TITLE_ABSTRACT, "AB", RECORDS);
        assertEquals(120, progress.screened());
        assertEquals(25, progress.includes());
        assertEquals(62, progress.consecutiveExcludes(), "the last include is r57");
        assertTrue(new StoppingRule(62).reached(progress));
        assertTrue(!new StoppingRule(63).reached(progress));
        assertEquals("62 excludes in a row (stopping hint at 100).", new StoppingRule(100).hint(progress));
        List<Decision> undone = new ArrayList<>(log());
        undone.add(new Decision("u", "r119", ReviewStage.TITLE_ABSTRACT, "AB", Verdict.NONE, Optional.empty(),
                Optional.empty(), Instant.EPOCH, false));
        undone.add(new Decision("c", "r118", ReviewStage.TITLE_ABSTRACT, "AB", Verdict.INCLUDE, Optional.empty(),
                Optional.empty(), Instant.EPOCH, false));
        ScreeningProgress after = ScreeningProgress.of(undone, ReviewStage.TITLE_ABSTRACT, "AB", RECORDS);
        assertEquals(119, after.screened(), "an undo takes the record out");
        assertEquals(0, after.consecutiveExcludes(), "a changed decision moves the record to the end");
        assertEquals(26, after.includes());
    }
}
