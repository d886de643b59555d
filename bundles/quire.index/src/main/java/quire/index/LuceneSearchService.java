package quire.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

/**
 * The {@link SearchService}: a Lucene index in {@code <workspace>/index} that follows the {@link Library}.
 *
 * <p>Activation only starts a worker thread, which opens the index and catches up with the library (or rebuilds
 * it); library change events queue further catch-ups on it, so the index follows the store in the background.
 * A search waits for the opening (at most {@link #OPEN_TIMEOUT}), then catches up itself when the library is
 * ahead of the index, so it sees every change acknowledged before it began. A query without words lists every
 * reference in library order (score 0). Immediate, so that the index opens at start-up, in the background, rather
 * than on the first search.
 */
@Component(service = {SearchService.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED)
public final class LuceneSearchService implements SearchService, EventHandler {

    /** How long a search waits for the index to open (and catch up or rebuild) at start-up. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    /** How long deactivation waits for work on the worker thread (which is asked to stop) to end. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Sort LIBRARY_ORDER = new Sort(new SortField(IndexSchema.ORD, SortField.Type.LONG));

    private static final Logger LOG = Logger.getLogger(LuceneSearchService.class.getName());

    private final Library library;
    private final Path directory;
    private final Duration openTimeout;
    private final ExecutorService worker;
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /** Work on the worker thread stops (a rebuild between references) once the component is closing. */
    private final Progress background = new Progress() {
        @Override
        public void begin(String task, long totalWork) {
            LOG.fine(() -> task + " in " + directory);
        }

        @Override
        public void worked(long amount) {
        }

        @Override
        public boolean isCancelled() {
            return closing();
        }
    };

    // guarded by this
    private CompletableFuture<LuceneIndex> index;
    private boolean closed;

    @Activate
    public LuceneSearchService(@Reference(name = "library") Library library) {
        this(library, OPEN_TIMEOUT);
    }

    LuceneSearchService(Library library, Duration openTimeout) {
        this.library = library;
        this.directory = library.workspace().resolve("index");
        this.openTimeout = openTimeout;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quire-index");
            thread.setDaemon(true);
            return thread;
        });
        synchronized (this) {
            this.index = CompletableFuture.supplyAsync(this::openIndex, worker);
        }
    }

    /** Closes the index once the worker is done; an opening still under way closes it when it ends. */
    @Deactivate
    void close() {
        CompletableFuture<LuceneIndex> opening;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            opening = index;
        }
        worker.shutdown();
        try {
            // no shutdownNow(): interrupting Lucene in the middle of a write would leave the writer unusable
            if (!worker.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning("the index in " + directory + " is still busy after " + CLOSE_TIMEOUT.toSeconds()
                        + " s; it is closed when that work ends");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        opening.whenComplete((opened, failure) -> {
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "closing the index in " + directory + " failed", e);
                }
            }
        });
    }

    @Override
    public SearchResult search(SearchRequest request) throws QuerySyntaxException {
        LuceneIndex opened = index();
        Query query = new QueryTranslator(opened.analyzer()).translate(request.query());
        Sort order = QueryTranslator.isEmpty(request.query()) ? LIBRARY_ORDER : null;
        try {
            // read-your-writes: a reference stored before this search began must be found by it
            if (opened.generation() != library.generation()) {
                opened.catchUp(library, Progress.NONE);
                scheduleCatchUp(); // commits in the background
            }
            LuceneIndex.Page page = opened.search(query, order, request.offset(), request.limit());
            List<SearchHit> hits = new ArrayList<>(page.matches().size());
            for (LuceneIndex.Match match : page.matches()) {
                // a reference removed since the index caught up is simply left out
                library.reference(match.id()).ifPresent(reference -> hits.add(new SearchHit(reference,
                        match.score())));
            }
            return new SearchResult(request.query(), page.totalHits(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index in " + directory + " failed: " + e.getMessage()
                    + "; rebuilding the index may help", e);
        }
    }

    @Override
    public void rebuild(Progress progress) throws IOException {
        index().rebuild(library, progress);
    }

    /** A library change: follow it on the worker thread. */
    @Override
    public void handleEvent(Event event) {
        scheduleCatchUp();
    }

    /** Queues a catch-up and commit on the worker, unless one is queued already. */
    private void scheduleCatchUp() {
        if (!catchUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                catchUpQueued.set(false);
                catchUpInBackground();
            });
        } catch (RejectedExecutionException e) {
            catchUpQueued.set(false); // closing
        }
    }

    private void catchUpInBackground() {
        CompletableFuture<LuceneIndex> opening;
        synchronized (this) {
            opening = index;
        }
        if (!opening.isDone() || opening.isCompletedExceptionally()) {
            return; // the opening (or its retry on the next search) catches up itself
        }
        LuceneIndex opened = opening.join();
        try {
            opened.catchUp(library, background);
            opened.commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(closing() ? Level.FINE : Level.WARNING, "the index in " + directory
                    + " could not follow the library; the next search tries again", e);
        }
    }

    /** Runs on the worker: opens the index and catches up, or rebuilds. A failed catch-up is retried later. */
    private LuceneIndex openIndex() {
        LuceneIndex opened;
        try {
            opened = LuceneIndex.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
        }
        try {
            opened.catchUp(library, background);
            opened.commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(closing() ? Level.FINE : Level.WARNING, "the index in " + directory
                    + " could not catch up with the library; the next search tries again", e);
        }
        return opened;
    }

    /** The open index, waiting for the opening; a failed opening is tried again. */
    private LuceneIndex index() {
        CompletableFuture<LuceneIndex> opening;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the search service for " + directory + " is closed");
            }
            if (index.isCompletedExceptionally()) {
                index = CompletableFuture.supplyAsync(this::openIndex, worker);
            }
            opening = index;
        }
        try {
            return opening.get(openTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the index in " + directory + " is not ready after "
                    + openTimeout.toSeconds() + " s (it may be rebuilding); try again later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index in " + directory, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("the index in " + directory + " cannot be opened: "
                    + cause.getMessage(), cause);
        }
    }

    private synchronized boolean closing() {
        return closed;
    }

    /** For tests: the open index, once opened. */
    LuceneIndex openedIndex() {
        return index();
    }
}
