package quire.ui.citations;

import quire.testing.FakeSearch;
import quire.testing.VirtualDisplay;
import quire.testing.TestViewContext;
import quire.testing.SampleReferences;
import quire.testing.MemoryLibrary;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Prints how the citation table copes with 100,000 references on a real display (its own Xvfb): time to first
 * paint and to a complete table, time per page scrolled (the page painted), and
 * search-as-you-type latency (from the last keystroke to the hit count, with and without the typing pause). Not a
 * test: run it with
 *
 * <pre>
 * ./mvnw -q -o -pl bundles/quire.ui.citations test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=quire.ui.citations.CitationTableBenchmark [-Dexec.args=100000]
 * </pre>
 */
public final class CitationTableBenchmark {

    private CitationTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        VirtualDisplay.ensure();
        Display display = new Display();
        MemoryLibrary library = new MemoryLibrary(Path.of("/tmp/bench"), SampleReferences.samples(0, count));
        FakeSearch search = new FakeSearch(library);
        record Services(MemoryLibrary library, Optional<quire.api.search.SearchService> search,
                Optional<quire.api.review.ReviewService> review,
                Optional<quire.api.review.ScreeningOrder> screeningOrder) implements CitationServices {
        }
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 900);
        TestViewContext context = new TestViewContext(display);

        long start = System.nanoTime();
        CitationTable view = new CitationTable(shell, context,
                new Services(library, Optional.of(search), Optional.of(new FakeReview()), Optional.empty()));
        shell.open();
        pumpUntil(display, () -> view.table().getItemCount() > 0);
        view.table().update();
        display.update();
        long firstPaint = System.nanoTime() - start;
        pumpUntil(display, () -> view.table().getItemCount() == count);
        long filled = System.nanoTime() - start;
        System.out.printf("references: %,d%n", count);
        System.out.printf("first paint (view built, library listed, first rows painted): %.0f ms%n", firstPaint / 1e6);
        System.out.printf("all %,d rows in the table (scroll bar complete): %.0f ms%n", count, filled / 1e6);

        int pageRows = Math.max(1, view.table().getClientArea().height / view.table().getItemHeight());
        int pages = 300;
        // page down from the top as a reader does, then jump across the table; each page painted and every
        // event GTK queued for it handled before the next
        for (String how : new String[] {"page down", "jumps"}) {
            long scrollStart = System.nanoTime();
            long worst = 0;
            for (int page = 0; page < pages; page++) {
                long one = System.nanoTime();
                int top = how.equals("jumps") ? (page * pageRows * 97) % (count - pageRows) : page * pageRows;
                view.table().setTopIndex(top);
                view.table().update();
                while (display.readAndDispatch()) {
                    // handle everything pending
                }
                worst = Math.max(worst, System.nanoTime() - one);
            }
            System.out.printf("scroll (%s): %.2f ms per page of %d rows, worst %.1f ms (%d pages)%n", how,
                    (System.nanoTime() - scrollStart) / 1e6 / pages, pageRows, worst / 1e6, pages);
        }

        for (String query : new String[] {"study 12", "hallucinations 0077", "study"}) {
            String before = view.hitCount().getText();
            long typed = System.nanoTime();
            view.searchBox().setText(query);
            pumpUntil(display, () -> !view.hitCount().getText().equals(before));
            long latency = System.nanoTime() - typed;
            System.out.printf("search as you type \"%s\": %s in %.0f ms (of which %d ms typing pause)%n", query,
                    view.hitCount().getText(), latency / 1e6, CitationTable.TYPING_PAUSE_MILLIS);
        }
        // the UI thread while a search runs: how long the longest gap between two dispatches is
        long longest = 0;
        view.searchBox().setText("study 4");
        view.searchBox().setText("study 45");
        view.searchBox().setText("");
        long last = System.nanoTime();
        long end = last + 2_000_000_000L;
        while (System.nanoTime() < end) {
            display.readAndDispatch();
            long now = System.nanoTime();
            longest = Math.max(longest, now - last);
            last = now;
        }
        System.out.printf("longest UI-thread stall while typing \"study 4\", \"study 45\", then clearing: %.0f ms%n",
                longest / 1e6);
        shell.dispose();
        display.dispose();
        System.exit(0);
    }

    private static void pumpUntil(Display display, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
