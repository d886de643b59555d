package quire.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.search.SearchRequest;
import quire.api.search.SearchService;
import quire.api.work.Progress;

/**
 * {@code reindex}: throws the search index away and builds it again from the library, with a progress line on
 * stderr; prints how many references were indexed and how long it took. The index rebuilds itself after a crash
 * or an upgrade; this is for when it is suspected of being wrong.
 */
@Component(service = Command.class, property = Command.NAME + "=reindex")
public final class ReindexCommand implements Command {

    private final SearchService search;

    @Activate
    public ReindexCommand(@Reference SearchService search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String summary() {
        return "rebuild the search index from the library";
    }

    @Override
    public String usage() {
        return "reindex";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args, Set.of(), Set.of());
        if (!arguments.operands().isEmpty()) {
            throw new UsageException("reindex takes no operands");
        }
        long started = System.nanoTime();
        IndexProgress progress = new IndexProgress(io.err(), io.interactive());
        try {
            search.rebuild(progress);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long indexed;
        try {
            indexed = search.search(SearchRequest.of("", 0)).totalHits();
        } catch (quire.api.search.QuerySyntaxException e) {
            throw new IllegalStateException("counting the index failed: " + e.getMessage(), e);
        }
        io.out().printf(Locale.ROOT, "indexed %,d references in %.1f s%n", indexed, seconds);
        return OK;
    }

    /**
     * "Indexing 12,345 references: 45%", redrawn in place at most ten times a second when a person watches, a
     * plain line every few seconds when stderr is a file or a pipe.
     */
    static final class IndexProgress implements Progress {
        private final PrintStream err;
        private final boolean interactive;
        private String task = "";
        private long total = -1;
        private long done;
        private long lastDraw = System.nanoTime();
        private boolean drawn;

        IndexProgress(PrintStream err, boolean interactive) {
            this.err = err;
            this.interactive = interactive;
        }

        @Override
        public synchronized void begin(String name, long totalWork) {
            task = name;
            total = totalWork;
            done = 0;
            draw();
        }

        @Override
        public synchronized void worked(long amount) {
            done += amount;
            long now = System.nanoTime();
            if (now - lastDraw > (interactive ? 100_000_000L : 5_000_000_000L)) {
                lastDraw = now;
                draw();
            }
        }

        private void draw() {
            String line = total > 0 ? String.format(Locale.ROOT, "%s: %d%%", task, Math.min(100, done * 100 / total))
                    : String.format(Locale.ROOT, "%s: %,d", task, done);
            if (interactive) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
                drawn = true;
            } else {
                err.println(line);
            }
        }

        synchronized void finish() {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
                drawn = false;
            }
        }

        @Override
        public boolean isCancelled() {
            return false; // Ctrl-C stops the process; the index's last commit stands, and catches up on the next start
        }
    }
}
