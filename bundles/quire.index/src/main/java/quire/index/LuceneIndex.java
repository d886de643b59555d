package quire.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.Reference;
import quire.api.search.FacetCount;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

/**
 * The index of a library in one folder: a Lucene {@link IndexWriter}, a near-real-time {@link SearcherManager}
 * over it, and the library generation it reflects. Each commit records that generation and the
 * {@link IndexSchema#VERSION} in its user data, so that an index opened later knows where to catch up from, or
 * that it must be rebuilt.
 *
 * <p>Changes (catch-up, rebuild, commit, close) are serialised by one lock; searches run concurrently on the
 * searcher of the last completed change. The searcher is refreshed only at the end of a change, so a search never
 * sees half a rebuild. Owns its analyser, directory, writer and searchers: {@link #close()} releases them all.
 */
final class LuceneIndex implements Closeable {

    /** Commit user data: the schema version the index was written with. */
    static final String SCHEMA_KEY = "quire.schema";
    /** Commit user data: the library generation the index reflects, or {@link #REBUILD}. */
    static final String GENERATION_KEY = "quire.generation";
    /** Commit user data: the next position in library order, for references added after the last rebuild. */
    static final String NEXT_ORD_KEY = "quire.nextOrd";

    /** The generation of an index that must be rebuilt before it is used (new, foreign, or rebuild cancelled). */
    static final long REBUILD = -1;

    /**
     * The writer's buffer before it flushes a segment. Larger than Lucene's 16 MB: fewer, larger segments while
     * rebuilding, hence less merging; a library's index is the only one written in this process.
     */
    static final double RAM_BUFFER_MB = 64;

    /** "More like this" ignores words in more than this share of the references (percent). */
    static final int MAX_SIMILAR_DOC_FREQ_PCT = 20;
    /** "More like this" looks for at most this many words. */
    static final int MAX_SIMILAR_TERMS = 30;

    private static final Set<String> ID_ONLY = Set.of(IndexSchema.ID);

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    private final Path path;
    private final Analyzer analyzer;
    private final Snippets snippets;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Searches segments side by side; null on one core. */
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();

    /** The review's settled verdicts by reference id, read once per change; none until a review is installed. */
    private volatile Supplier<Map<String, String>> decisions = Map::of;

    /** What the current searcher reflects; written under the lock, read by searches without it. */
    private volatile long generation;
    // guarded by lock
    private long nextOrd;
    private long committedGeneration;
    private boolean closed;

    /** The facet counts' view of the current reader; rebuilt when the reader changes. */
    private volatile FacetState facetState;
    private final Object facetLock = new Object();

    private LuceneIndex(Path path, Analyzer analyzer, Directory directory, IndexWriter writer,
            SearcherManager searchers, ExecutorService executor, long generation, long nextOrd) {
        this.executor = executor;
        this.path = path;
        this.analyzer = analyzer;
        this.snippets = new Snippets(analyzer);
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.generation = generation;
        this.committedGeneration = generation;
        this.nextOrd = nextOrd;
    }

    /**
     * Opens the index in {@code path}, creating it when absent. An index that cannot be read (corrupt, truncated,
     * garbage, a Lucene format this version cannot read) is deleted and started afresh: it is derived data, and
     * the first catch-up rebuilds it from the library. An index locked by another writer is not touched.
     */
    static LuceneIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        try {
            return open(path, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.warning("the index in " + path + " cannot be read (" + e + "); it is deleted and rebuilt from"
                    + " the library");
            deleteFiles(path);
            return open(path, IndexWriterConfig.OpenMode.CREATE);
        }
    }

    private static LuceneIndex open(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
        Analyzer analyzer = null;
        Directory directory = null;
        IndexWriter writer = null;
        ExecutorService executor = searchThreads();
        try {
            analyzer = IndexSchema.analyzer();
            directory = FSDirectory.open(path);
            // no commit on close: what is committed is always paired with the generation it reflects
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(mode)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB));
            SearcherManager searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return executor == null ? new IndexSearcher(reader) : new IndexSearcher(reader, executor);
                }
            });

            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
            if (committed != null) {
                committed.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            }
            long generation = REBUILD;
            long nextOrd = 0;
            String schema = data.get(SCHEMA_KEY);
            if (Integer.toString(IndexSchema.VERSION).equals(schema)) {
                generation = number(data.get(GENERATION_KEY));
                nextOrd = number(data.get(NEXT_ORD_KEY));
                if (nextOrd < 0) {
                    generation = REBUILD;
                }
            } else if (schema != null) {
                LOG.info("the index in " + path + " has schema " + schema + ", this version writes "
                        + IndexSchema.VERSION + ": it is rebuilt");
            }
            return new LuceneIndex(path, analyzer, directory, writer, searchers, executor, generation,
                    Math.max(nextOrd, 0));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory, analyzer);
            if (executor != null) {
                executor.shutdown();
            }
            throw e;
        }
    }

    /**
     * Threads that search the segments of a large index side by side, one per core (at most four): a query over
     * a million references then waits for the slowest part, not for the sum. None on one core.
     */
    private static ExecutorService searchThreads() {
        int cores = Math.min(4, Runtime.getRuntime().availableProcessors());
        if (cores < 2) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, "quire-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static long number(String value) {
        try {
            return value == null ? REBUILD : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return REBUILD;
        }
    }

    /** Deletes the files (not folders) in {@code path}: everything a Lucene index keeps there. */
    private static void deleteFiles(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The folder of this index. */
    Path path() {
        return path;
    }

    /** The analyser of the text fields, for parsing queries the way the text was indexed. */
    Analyzer analyzer() {
        return analyzer;
    }

    /** Snippets of hits, analysed as the index was. */
    Snippets snippets() {
        return snippets;
    }

    /** The library generation searches see, or {@link #REBUILD}. */
    long generation() {
        return generation;
    }

    /**
     * Brings the index up to the library's current generation: applies what changed, or rebuilds when the index
     * is marked for rebuild or the library no longer knows what changed. Searchable on return; not committed
     * unless it rebuilt (see {@link #commit()}).
     *
     * @throws CancelledException when a rebuild was needed and {@code progress} was cancelled
     */
    void catchUp(Library library, Progress progress) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            long from = generation;
            if (from != REBUILD) {
                if (library.generation() == from) {
                    return;
                }
                LibraryChanges changes = library.changesSince(from);
                if (changes.complete()) {
                    apply(library, changes);
                    return;
                }
                LOG.info("the library no longer knows what changed since generation " + from
                        + "; rebuilding the index in " + path);
            }
            rebuildLocked(library, progress);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Throws the documents away and indexes every reference of the library again, then commits. When cancelled
     * (between references) the index stays marked for rebuild, and the next catch-up rebuilds it.
     */
    void rebuild(Library library, Progress progress) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            rebuildLocked(library, progress);
        } finally {
            lock.unlock();
        }
    }

    /** Commits what was indexed since the last commit, with the generation it reflects. */
    void commit() throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (committedGeneration != generation || writer.hasUncommittedChanges()) {
                commitLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Where the review's settled verdicts come from (reference id to include, exclude or maybe). */
    void decisions(Supplier<Map<String, String>> source) {
        decisions = source;
    }

    /**
     * Indexes these references again in their places, because the review's verdict on them changed. References not
     * in the index are left to the catch-up that adds them. The caller commits.
     */
    void refreshDecisions(Library library, Collection<String> ids) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (generation == REBUILD || ids.isEmpty()) {
                return; // the rebuild indexes every decision
            }
            Map<String, String> settled = decisions.get();
            for (Map.Entry<String, Long> entry : ordsOf(new LinkedHashSet<>(ids)).entrySet()) {
                Optional<Reference> reference = library.reference(entry.getKey());
                if (reference.isPresent()) {
                    writer.updateDocument(idTerm(entry.getKey()), IndexSchema.document(reference.get(),
                            entry.getValue(), Optional.ofNullable(settled.get(entry.getKey()))));
                }
            }
            searchers.maybeRefreshBlocking();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The references whose indexed decision differs from what it should be now (the review's verdict, else the
     * source's label): after the review was installed or removed, or its protocol changed.
     */
    Set<String> staleDecisions(Library library) throws IOException {
        Map<String, String> settled = decisions.get();
        Map<String, String> indexed = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(IndexSchema.DECISION);
                if (terms == null) {
                    continue;
                }
                StoredFields stored = leaf.reader().storedFields();
                TermsEnum values = terms.iterator();
                for (BytesRef value = values.next(); value != null; value = values.next()) {
                    PostingsEnum docs = values.postings(null, PostingsEnum.NONE);
                    for (int doc = docs.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(doc)) {
                            indexed.put(stored.document(doc, ID_ONLY).get(IndexSchema.ID), value.utf8ToString());
                        }
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        Set<String> stale = new LinkedHashSet<>();
        for (Reference reference : library.references()) {
            Optional<String> expected = Optional.ofNullable(settled.get(reference.id())).map(IndexSchema::normalise)
                    .or(() -> IndexSchema.decision(reference));
            if (!expected.equals(Optional.ofNullable(indexed.get(reference.id())))) {
                stale.add(reference.id());
            }
        }
        return stale;
    }

    private void apply(Library library, LibraryChanges changes) throws IOException {
        Map<String, String> settled = decisions.get();
        Map<String, Long> ords = ordsOf(changes.changed());
        Set<String> added = new LinkedHashSet<>();
        for (String id : changes.changed()) {
            Optional<Reference> reference = library.reference(id);
            if (reference.isEmpty()) {
                writer.deleteDocuments(idTerm(id));
            } else if (ords.containsKey(id)) {
                // a replaced reference keeps its place in library order
                writer.updateDocument(idTerm(id), IndexSchema.document(reference.get(), ords.get(id),
                        Optional.ofNullable(settled.get(id))));
            } else {
                added.add(id);
            }
        }
        if (!added.isEmpty()) {
            // new references come last in library order, in the order they were stored
            for (Reference reference : library.references()) {
                if (added.remove(reference.id())) {
                    writer.updateDocument(idTerm(reference.id()), IndexSchema.document(reference, nextOrd++,
                            Optional.ofNullable(settled.get(reference.id()))));
                }
            }
            // what is left was removed after it was looked up; a later catch-up sees that removal
        }
        searchers.maybeRefreshBlocking();
        generation = changes.to();
    }

    private void rebuildLocked(Library library, Progress progress) throws IOException {
        generation = REBUILD;
        // the generation first: the snapshot taken after it holds at least that generation's changes
        long target = library.generation();
        List<Reference> references = library.references();
        long started = System.nanoTime();
        progress.begin("Indexing " + references.size() + " references", references.size());
        writer.deleteAll();
        Map<String, String> settled = decisions.get();
        long ord = 0;
        for (Reference reference : references) {
            if (progress.isCancelled()) {
                throw new CancelledException("rebuilding the index was cancelled after " + ord + " of "
                        + references.size() + " references; it will be rebuilt when next used");
            }
            writer.addDocument(IndexSchema.document(reference, ord++,
                    Optional.ofNullable(settled.get(reference.id()))));
            progress.worked(1);
        }
        nextOrd = ord;
        searchers.maybeRefreshBlocking();
        generation = target;
        commitLocked();
        long took = System.nanoTime() - started;
        LOG.log(references.size() >= 10_000 ? Level.INFO : Level.FINE,
                () -> String.format("indexed %d references in %.1f s in %s", references.size(), took / 1e9, path));
    }

    private void commitLocked() throws IOException {
        long committing = generation;
        writer.setLiveCommitData(Map.of(
                SCHEMA_KEY, Integer.toString(IndexSchema.VERSION),
                GENERATION_KEY, Long.toString(committing),
                NEXT_ORD_KEY, Long.toString(nextOrd)).entrySet());
        writer.commit();
        committedGeneration = committing;
    }

    /** The library-order positions of those of these references that are in the index. */
    private Map<String, Long> ordsOf(Set<String> ids) throws IOException {
        Map<String, Long> ords = new HashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (String id : ids) {
                TopDocs top = searcher.search(new TermQuery(idTerm(id)), 1);
                if (top.scoreDocs.length == 0) {
                    continue;
                }
                int doc = top.scoreDocs[0].doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexSchema.ORD);
                if (values.advanceExact(doc - leaf.docBase)) {
                    ords.put(id, values.longValue());
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return ords;
    }

    /** One match: the id of a reference and its score. */
    record Match(String id, float score) {
    }

    /**
     * One page of matches, how many there are in all, facet counts when asked for, and the query as it ran (each
     * word expanded to its forms in the index; for snippets).
     */
    record Page(long totalHits, List<Match> matches, Map<String, List<FacetCount>> facets, Query query) {
    }

    /**
     * Runs a query on the searcher of the last completed change, its words expanded to their forms in that
     * searcher's index ({@link WordForms#expand}). The total is exact.
     *
     * @param sort   null to rank by score; else the order (scores are then 0)
     * @param facets whether to count the matches per facet value (every match is then collected, unscored,
     *               which also gives the exact total)
     */
    Page search(Query wrapped, Sort sort, int offset, int limit, boolean facets) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query query = WordForms.expand(wrapped, searcher.getIndexReader());
            int maxDoc = searcher.getIndexReader().maxDoc();
            int size = (int) Math.min((long) offset + limit, maxDoc);
            TopDocs top;
            long total;
            Map<String, List<FacetCount>> counts = Map.of();
            if (facets && query instanceof MatchAllDocsQuery) {
                // everything matches: count the facets of every document, without collecting them one by one
                top = size <= offset ? null : topDocs(searcher, query, size, sort);
                total = searcher.getIndexReader().numDocs();
                counts = facetCounts(facetState(searcher.getIndexReader()), null, executor);
            } else if (facets) {
                // two passes: the best hits with skipping (scores bound what is left to look at), then every
                // match, unscored, for the facets; cheaper than scoring every match in one pass
                top = size <= offset ? null : topDocs(searcher, query, size, sort);
                FacetsCollector collected = searcher.search(query, new FacetsCollectorManager(false));
                total = 0;
                for (FacetsCollector.MatchingDocs docs : collected.getMatchingDocs()) {
                    total += docs.totalHits();
                }
                counts = facetCounts(facetState(searcher.getIndexReader()), collected, executor);
            } else if (size <= offset) {
                return new Page(searcher.count(query), List.of(), Map.of(), query);
            } else {
                top = topDocs(searcher, query, size, sort);
                total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                        ? top.totalHits.value()
                        : searcher.count(query);
            }
            List<Match> matches = new ArrayList<>();
            if (top != null) {
                StoredFields stored = searcher.storedFields();
                for (int i = offset; i < top.scoreDocs.length; i++) {
                    ScoreDoc hit = top.scoreDocs[i];
                    String id = stored.document(hit.doc, ID_ONLY).get(IndexSchema.ID);
                    matches.add(new Match(id, Float.isNaN(hit.score) ? 0f : hit.score));
                }
            }
            return new Page(total, matches, counts, query);
        } finally {
            searchers.release(searcher);
        }
    }

    private static TopDocs topDocs(IndexSearcher searcher, Query query, int size, Sort sort) throws IOException {
        return sort == null ? searcher.search(query, size) : searcher.search(query, size, sort);
    }

    /**
     * "More like this": a query for the most telling words of the given text (by field), weighed by how rare
     * they are in this index.
     *
     * @param text the text of the references to match, by field name ({@link IndexSchema#SIMILARITY_FIELDS})
     */
    Query moreLikeThis(Map<String, Collection<Object>> text) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
            like.setAnalyzer(analyzer);
            like.setFieldNames(IndexSchema.SIMILARITY_FIELDS.toArray(String[]::new));
            // one short title is a document too: a word used once still says what it is about
            like.setMinTermFreq(1);
            // a word no other reference has cannot find one
            like.setMinDocFreq(2);
            // words in many references ("the", "we") say little about any of them; in a small library every
            // word is in a large share, and rarity (idf) alone weighs them
            if (searcher.getIndexReader().numDocs() >= 100) {
                like.setMaxDocFreqPct(MAX_SIMILAR_DOC_FREQ_PCT);
            }
            like.setMaxQueryTerms(MAX_SIMILAR_TERMS);
            like.setBoost(true);
            return like.like(text);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The facet view of {@code reader}: built once per reader (it maps each segment's values to global ones). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        synchronized (facetLock) {
            current = facetState;
            if (current == null || current.reader() != reader) {
                SortedSetDocValuesReaderState state = hasFacets(reader)
                        ? new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACETS)
                        : null;
                current = new FacetState(reader, state);
                facetState = current;
            }
            return current.state();
        }
    }

    private static boolean hasFacets(IndexReader reader) {
        return FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
    }

    /** Counts per facet, largest first; {@code collected} null counts every document. */
    private static Map<String, List<FacetCount>> facetCounts(SortedSetDocValuesReaderState state,
            FacetsCollector collected, ExecutorService executor) throws IOException {
        Map<String, List<FacetCount>> counts = new TreeMap<>();
        if (state == null) {
            IndexSchema.FACET_DIMS.keySet().forEach(dim -> counts.put(dim, List.of()));
            return counts;
        }
        Facets facets;
        if (executor == null) {
            facets = collected == null
                    ? new SortedSetDocValuesFacetCounts(state)
                    : new SortedSetDocValuesFacetCounts(state, collected);
        } else {
            try {
                facets = collected == null
                        ? new ConcurrentSortedSetDocValuesFacetCounts(state, executor)
                        : new ConcurrentSortedSetDocValuesFacetCounts(state, collected, executor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while counting facets", e);
            }
        }
        for (Map.Entry<String, Integer> dim : IndexSchema.FACET_DIMS.entrySet()) {
            FacetResult result;
            try {
                result = facets.getTopChildren(dim.getValue(), dim.getKey());
            } catch (IllegalArgumentException e) {
                result = null; // a dimension no reference has a value for
            }
            List<FacetCount> values = new ArrayList<>();
            if (result != null) {
                for (LabelAndValue label : result.labelValues) {
                    if (label.value.longValue() > 0) {
                        values.add(new FacetCount(label.label, label.value.longValue()));
                    }
                }
            }
            counts.put(dim.getKey(), List.copyOf(values));
        }
        return counts;
    }

    /** The reader a facet state was built for, and the state (null when no document has a facet value). */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private static Term idTerm(String id) {
        return new Term(IndexSchema.ID, id);
    }

    private void ensureOpen() {
        if (closed) {
            throw new AlreadyClosedException("the index in " + path + " is closed");
        }
    }

    /** Commits what was indexed (with its generation), then closes searchers, writer, directory and analyser. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (writer.isOpen() && (committedGeneration != generation || writer.hasUncommittedChanges())) {
                    commitLocked();
                }
            } finally {
                try {
                    IOUtils.close(searchers, writer, directory, analyzer);
                } finally {
                    if (executor != null) {
                        executor.shutdown();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
