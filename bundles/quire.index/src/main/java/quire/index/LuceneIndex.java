package quire.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.Reference;
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

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    private final Path path;
    private final Analyzer analyzer;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock lock = new ReentrantLock();

    /** What the current searcher reflects; written under the lock, read by searches without it. */
    private volatile long generation;
    // guarded by lock
    private long nextOrd;
    private long committedGeneration;
    private boolean closed;

    private LuceneIndex(Path path, Analyzer analyzer, Directory directory, IndexWriter writer,
            SearcherManager searchers, long generation, long nextOrd) {
        this.path = path;
        this.analyzer = analyzer;
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
        try {
            analyzer = IndexSchema.analyzer();
            directory = FSDirectory.open(path);
            // no commit on close: what is committed is always paired with the generation it reflects
            writer = new IndexWriter(directory,
                    new IndexWriterConfig(analyzer).setOpenMode(mode).setCommitOnClose(false));
            SearcherManager searchers = new SearcherManager(writer, true, false, null);

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
            return new LuceneIndex(path, analyzer, directory, writer, searchers, generation, Math.max(nextOrd, 0));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory, analyzer);
            throw e;
        }
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

    private void apply(Library library, LibraryChanges changes) throws IOException {
        Map<String, Long> ords = ordsOf(changes.changed());
        Set<String> added = new LinkedHashSet<>();
        for (String id : changes.changed()) {
            Optional<Reference> reference = library.reference(id);
            if (reference.isEmpty()) {
                writer.deleteDocuments(idTerm(id));
            } else if (ords.containsKey(id)) {
                // a replaced reference keeps its place in library order
                writer.updateDocument(idTerm(id), IndexSchema.document(reference.get(), ords.get(id)));
            } else {
                added.add(id);
            }
        }
        if (!added.isEmpty()) {
            // new references come last in library order, in the order they were stored
            for (Reference reference : library.references()) {
                if (added.remove(reference.id())) {
                    writer.updateDocument(idTerm(reference.id()), IndexSchema.document(reference, nextOrd++));
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
        progress.begin("Indexing " + references.size() + " references", references.size());
        writer.deleteAll();
        long ord = 0;
        for (Reference reference : references) {
            if (progress.isCancelled()) {
                throw new CancelledException("rebuilding the index was cancelled after " + ord + " of "
                        + references.size() + " references; it will be rebuilt when next used");
            }
            writer.addDocument(IndexSchema.document(reference, ord++));
            progress.worked(1);
        }
        nextOrd = ord;
        searchers.maybeRefreshBlocking();
        generation = target;
        commitLocked();
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

    /** One page of matches and how many there are in all. */
    record Page(long totalHits, List<Match> matches) {
    }

    /**
     * Runs a query on the searcher of the last completed change.
     *
     * @param sort null to rank by score; else the order (scores are then 0)
     */
    Page search(Query query, Sort sort, int offset, int limit) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            int maxDoc = searcher.getIndexReader().maxDoc();
            long wanted = (long) offset + limit;
            if (limit == 0 || offset >= maxDoc) {
                return new Page(searcher.count(query), List.of());
            }
            int size = (int) Math.min(wanted, maxDoc);
            TopDocs top = sort == null ? searcher.search(query, size) : searcher.search(query, size, sort);
            long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                    ? top.totalHits.value()
                    : searcher.count(query);
            StoredFields stored = searcher.storedFields();
            List<Match> matches = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                String id = stored.document(hit.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
                matches.add(new Match(id, Float.isNaN(hit.score) ? 0f : hit.score));
            }
            return new Page(total, matches);
        } finally {
            searchers.release(searcher);
        }
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
                IOUtils.close(searchers, writer, directory, analyzer);
            }
        } finally {
            lock.unlock();
        }
    }
}
