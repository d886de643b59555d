package quire.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.search.SortOrder;
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
 *
 * <p>Results: ranked by BM25 (title words weigh three times), or sorted by year, first author, title or date added
 * (doc values; ties and references without the value keep library order, the latter last); paged by offset and
 * limit with an exact total; facet counts and snippets when the request asks for them. {@link #similar} is "more
 * like this" over title, abstract and keywords. Every change to the library reaches the index one way: a
 * catch-up from the generation the index reflects ({@link LuceneIndex#catchUp}).
 *
 * <p>The {@code decision} field holds the verdict the review settled, when a {@link ReviewService} is installed:
 * references whose decisions changed ({@link ReviewService#TOPIC_DECIDED}) are indexed again in place, and after
 * the review comes or goes or its protocol changes, every reference whose indexed decision is out of date is.
 */
@Component(service = {SearchService.class, EventHandler.class}, immediate = true,
        property = {EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED,
                EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
                EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_PROTOCOL})
public final class LuceneSearchService implements SearchService, EventHandler {

    /** How long a search waits for the index to open (and catch up or rebuild) at start-up. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    /** How long deactivation waits for work on the worker thread (which is asked to stop) to end. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final SortField LIBRARY_ORDER_FIELD = new SortField(IndexSchema.ORD, SortField.Type.LONG);
    private static final Sort LIBRARY_ORDER = new Sort(LIBRARY_ORDER_FIELD);

    /** Background work on at least this many references is logged as it goes (INFO, seen with --verbose). */
    private static final long LOGGED_WORK = 10_000;

    private static final Logger LOG = Logger.getLogger(LuceneSearchService.class.getName());

    private final Library library;
    private final Path directory;
    private final Duration openTimeout;
    private final ExecutorService worker;
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    private final AtomicBoolean decisionsQueued = new AtomicBoolean();
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    /** References whose review decisions changed and are not indexed again yet. */
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    /** Set when the review came, went or changed its protocol: every indexed decision must be checked. */
    private final AtomicBoolean decisionsStale = new AtomicBoolean();
    /** Serialises following the review, so that a search waits for a check already under way. */
    private final Object reviewFollowing = new Object();
    private volatile ReviewService review;
    /**
     * Progress of work on the worker thread (a rebuild after a crash or a schema change): logged, every tenth of
     * the way (shown with {@code --verbose}). The work stops (a rebuild between references) once the component
     * is closing.
     */
    private final Progress background = new Progress() {
        private volatile long total;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void begin(String task, long totalWork) {
            total = totalWork;
            done.set(0);
            LOG.log(totalWork >= LOGGED_WORK ? Level.INFO : Level.FINE, () -> task + " in " + directory);
        }

        @Override
        public void worked(long amount) {
            long before = done.getAndAdd(amount);
            long all = total;
            if (all >= LOGGED_WORK && (before + amount) * 10 / all != before * 10 / all) {
                LOG.info(() -> "indexed " + (before + amount) + " of " + all + " references");
            }
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
        Sort order = sort(request.sort(), QueryTranslator.isEmpty(request.query()));
        try {
            catchUp(opened);
            LuceneIndex.Page page = opened.search(query, order, request.offset(), request.limit(),
                    request.facets());
            List<SearchHit> hits = new ArrayList<>(page.matches().size());
            for (LuceneIndex.Match match : page.matches()) {
                // a reference removed since the index caught up is simply left out
                library.reference(match.id()).ifPresent(reference -> hits.add(new SearchHit(reference,
                        match.score(), request.highlights() ? opened.snippets().of(page.query(), reference)
                                : Map.of())));
            }
            return new SearchResult(request.query(), page.totalHits(), hits, page.facets());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public SearchResult similar(Collection<String> ids, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<quire.api.model.Reference> liked = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            library.reference(id).ifPresent(liked::add);
        }
        String description = "similar to " + String.join(", ", ids);
        if (liked.isEmpty()) {
            return new SearchResult(description, 0, List.of());
        }
        LuceneIndex opened = index();
        try {
            catchUp(opened);
            Map<String, Collection<Object>> text = new HashMap<>();
            for (quire.api.model.Reference reference : liked) {
                add(text, IndexSchema.TITLE, reference.title());
                reference.abstractText().ifPresent(value -> add(text, IndexSchema.ABSTRACT, value));
                reference.keywords().forEach(value -> add(text, IndexSchema.KEYWORDS, value));
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(opened.moreLikeThis(text), BooleanClause.Occur.MUST);
            for (quire.api.model.Reference reference : liked) {
                query.add(new TermQuery(new Term(IndexSchema.ID, reference.id())), BooleanClause.Occur.MUST_NOT);
            }
            LuceneIndex.Page page = opened.search(query.build(), null, 0, limit, false);
            List<SearchHit> hits = new ArrayList<>(page.matches().size());
            for (LuceneIndex.Match match : page.matches()) {
                library.reference(match.id()).ifPresent(reference -> hits.add(new SearchHit(reference,
                        match.score())));
            }
            return new SearchResult(description, page.totalHits(), hits);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static void add(Map<String, Collection<Object>> text, String field, String value) {
        if (!value.isBlank()) {
            text.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
    }

    /** Read-your-writes: a reference stored before a search began must be found by it. */
    private void catchUp(LuceneIndex opened) throws IOException {
        boolean changed = false;
        if (opened.generation() != library.generation()) {
            opened.catchUp(library, Progress.NONE);
            changed = true;
        }
        if (followReview(opened) || changed) {
            scheduleCatchUp(); // commits in the background
        }
    }

    private UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("searching the index in " + directory + " failed: " + e.getMessage()
                + "; rebuilding the index may help (quire reindex)", e);
    }

    /**
     * The Lucene order of a requested order; null for relevance. A query without words has no relevance and
     * lists in library order. Ties keep library order; references without the value come last either way.
     */
    static Sort sort(SortOrder order, boolean noWords) {
        boolean descending = order.descending();
        return switch (order.field()) {
            case RELEVANCE -> noWords ? LIBRARY_ORDER : null;
            case YEAR -> byNumber(IndexSchema.YEAR, SortField.Type.INT, descending);
            case DATE_ADDED -> byNumber(IndexSchema.ADDED, SortField.Type.LONG, descending);
            case FIRST_AUTHOR -> byText(IndexSchema.SORT_AUTHOR, descending);
            case TITLE -> byText(IndexSchema.SORT_TITLE, descending);
        };
    }

    private static Sort byNumber(String field, SortField.Type type, boolean descending) {
        SortField sort = new SortField(field, type, descending);
        if (type == SortField.Type.INT) {
            sort.setMissingValue(descending ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        } else {
            sort.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        return new Sort(sort, LIBRARY_ORDER_FIELD);
    }

    private static Sort byText(String field, boolean descending) {
        SortField sort = new SortField(field, SortField.Type.STRING, descending);
        sort.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        return new Sort(sort, LIBRARY_ORDER_FIELD);
    }

    @Override
    public void rebuild(Progress progress) throws IOException {
        index().rebuild(library, progress);
    }

    /** The review, when installed: its settled verdicts are the indexed decisions. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindReview")
    void bindReview(ReviewService service) {
        review = service;
        scheduleReconcile();
    }

    void unbindReview(ReviewService service) {
        if (review == service) {
            review = null;
            scheduleReconcile();
        }
    }

    /**
     * Brings the indexed decisions up to date with the review: the references named by decision events, and all
     * of them after the review came, went or changed its protocol. A search does this first (as it catches up with
     * the library), so it never sees decisions older than the ones recorded before it began.
     */
    private boolean followReview(LuceneIndex index) throws IOException {
        synchronized (reviewFollowing) {
            boolean followed = false;
            if (decisionsStale.getAndSet(false)) {
                decided.clear(); // the full check covers them
                Set<String> stale = index.staleDecisions(library);
                index.refreshDecisions(library, stale);
                followed = !stale.isEmpty();
            }
            if (!decided.isEmpty()) {
                List<String> ids = new ArrayList<>(decided);
                decided.removeAll(ids);
                index.refreshDecisions(library, ids);
                followed = true;
            }
            return followed;
        }
    }

    /** The review's settled verdicts in lower case, by reference id; none without a review. */
    private Map<String, String> settledDecisions() {
        ReviewService current = review;
        if (current == null) {
            return Map.of();
        }
        Map<String, String> decisions = new HashMap<>();
        current.settledVerdicts().forEach((id, verdict) -> decisions.put(id, verdict.name()
                .toLowerCase(Locale.ROOT)));
        return decisions;
    }

    /** A library change, decisions recorded, or a new protocol: follow it on the worker thread. */
    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(ReviewService.TOPIC_DECIDED)) {
            if (event.getProperty("referenceIds") instanceof Collection<?> ids) {
                ids.forEach(id -> decided.add(id.toString()));
            }
            schedule(decisionsQueued, this::followReview);
        } else if (event.getTopic().equals(ReviewService.TOPIC_PROTOCOL)) {
            scheduleReconcile();
        } else {
            scheduleCatchUp();
        }
    }

    private void scheduleReconcile() {
        decisionsStale.set(true);
        schedule(reconcileQueued, this::followReview);
    }

    /** Work on the open index. */
    private interface IndexWork {
        Object run(LuceneIndex index) throws IOException;
    }

    /** Queues work on the open index and a commit on the worker, unless the same work is queued already. */
    private void schedule(AtomicBoolean queued, IndexWork work) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                CompletableFuture<LuceneIndex> opening;
                synchronized (this) {
                    opening = index;
                }
                if (!opening.isDone() || opening.isCompletedExceptionally()) {
                    return; // the opening indexes the decisions as they are then
                }
                LuceneIndex opened = opening.join();
                try {
                    work.run(opened);
                    opened.commit();
                } catch (IOException | RuntimeException e) {
                    LOG.log(closing() ? Level.FINE : Level.WARNING, "the index in " + directory
                            + " could not follow the review's decisions: " + e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // closing
        }
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
            opened.decisions(this::settledDecisions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
        }
        try {
            opened.catchUp(library, background);
            followReview(opened);
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
