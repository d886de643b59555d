package quire.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;

/**
 * The {@link Library} of the workspace named by the framework property {@value #WORKSPACE_PROPERTY}, kept in a
 * {@link Journal}. Opening is lazy (on first use) so that bundle start stays cheap; a second process gets a
 * {@link quire.api.library.WorkspaceLockedException} from that first use.
 */
@Component(service = Library.class)
public final class JournalLibrary implements Library {

    /** Framework property: the workspace folder. */
    public static final String WORKSPACE_PROPERTY = "quire.workspace";

    private static final Logger LOG = Logger.getLogger(JournalLibrary.class.getName());

    private final Path workspace;
    private final ObjectMapper mapper = LibraryJson.mapper();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    // guarded by this
    private WorkspaceLock lock;
    private Journal journal;
    private LinkedHashMap<String, quire.api.model.Reference> references;
    private Map<String, Long> changedAt;
    private long generation;
    private long historyFrom;
    private List<quire.api.model.Reference> snapshot;

    /** One writer at a time: a transaction holds this from begin to close, a plain store or remove briefly. */
    private final Semaphore writer = new Semaphore(1, true);

    @Activate
    public JournalLibrary(BundleContext context) {
        this(workspaceOf(context));
    }

    JournalLibrary(Path workspace) {
        this.workspace = workspace.toAbsolutePath().normalize();
    }

    private static Path workspaceOf(BundleContext context) {
        String configured = context.getProperty(WORKSPACE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".quire", "workspace");
    }

    @Deactivate
    synchronized void close() {
        try {
            if (journal != null) {
                journal.close();
            }
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            LOG.warning("closing workspace " + workspace + ": " + e);
        } finally {
            journal = null;
            lock = null;
            references = null;
        }
    }

    /** Opens the workspace on first use: lock, replay, compact when worth it. */
    private void ensureOpen() {
        if (journal != null) {
            return;
        }
        try {
            Files.createDirectories(workspace);
            lock = WorkspaceLock.acquire(workspace);
            Journal.State[] state = new Journal.State[1];
            journal = Journal.open(workspace, mapper, state);
            references = state[0].references();
            changedAt = state[0].changedAt();
            generation = state[0].generation();
            historyFrom = state[0].historyFrom();
            state[0].warnings().forEach(LOG::warning);
            if (journal.lines() > 2L * references.size() + 1000) {
                journal.compact(references.values(), changedAt, generation);
                historyFrom = generation;
                changedAt.keySet().retainAll(references.keySet());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public synchronized int size() {
        ensureOpen();
        return references.size();
    }

    @Override
    public synchronized long generation() {
        ensureOpen();
        return generation;
    }

    @Override
    public synchronized List<quire.api.model.Reference> references() {
        ensureOpen();
        if (snapshot == null) {
            snapshot = List.copyOf(references.values());
        }
        return snapshot;
    }

    @Override
    public synchronized Optional<quire.api.model.Reference> reference(String id) {
        ensureOpen();
        return Optional.ofNullable(references.get(id));
    }

    @Override
    public long store(Collection<quire.api.model.Reference> toStore) throws IOException {
        try (LibraryTransaction transaction = begin()) {
            transaction.store(toStore);
            return transaction.commit();
        }
    }

    private static Map<String, quire.api.model.Reference> byId(Collection<quire.api.model.Reference> toStore) {
        Map<String, quire.api.model.Reference> batch = new LinkedHashMap<>();
        for (quire.api.model.Reference reference : toStore) {
            if (reference.id().isEmpty()) {
                throw new IllegalArgumentException("a reference needs an id to be stored: " + reference.title());
            }
            batch.put(reference.id(), reference);
        }
        return batch;
    }

    @Override
    public LibraryTransaction begin() throws IOException {
        acquireWriter();
        try {
            synchronized (this) {
                ensureOpen();
                return new JournalTransaction(generation + 1, journal.position(), journal.lines());
            }
        } catch (IOException | RuntimeException e) {
            writer.release();
            throw e;
        }
    }

    private void acquireWriter() throws java.io.InterruptedIOException {
        try {
            writer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for another change to finish");
        }
    }

    /** Lines go to the journal as they come; the commit line makes them count. */
    private final class JournalTransaction implements LibraryTransaction {
        private final long generation;
        private final long startPosition;
        private final long startLines;
        private final LinkedHashMap<String, quire.api.model.Reference> staged = new LinkedHashMap<>();
        private long changes;
        private boolean open = true;

        JournalTransaction(long generation, long startPosition, long startLines) {
            this.generation = generation;
            this.startPosition = startPosition;
            this.startLines = startLines;
        }

        @Override
        public void store(Collection<quire.api.model.Reference> toStore) throws IOException {
            checkOpen();
            Map<String, quire.api.model.Reference> batch = byId(toStore);
            if (batch.isEmpty()) {
                return;
            }
            synchronized (JournalLibrary.this) {
                ensureOpen();
                journal.appendUncommitted(generation, batch.values(), List.of());
            }
            staged.putAll(batch);
            changes += batch.size();
        }

        @Override
        public boolean contains(String id) {
            return staged.containsKey(id) || reference(id).isPresent();
        }

        @Override
        public long commit() throws IOException {
            checkOpen();
            open = false;
            long committed;
            int count;
            try {
                synchronized (JournalLibrary.this) {
                    if (changes == 0) {
                        return JournalLibrary.this.generation;
                    }
                    journal.commit(generation, changes);
                    JournalLibrary.this.generation = generation;
                    for (quire.api.model.Reference reference : staged.values()) {
                        references.put(reference.id(), reference);
                        changedAt.put(reference.id(), generation);
                    }
                    snapshot = null;
                    committed = generation;
                    count = references.size();
                }
            } finally {
                writer.release();
            }
            announce(committed, count);
            return committed;
        }

        @Override
        public void close() throws IOException {
            if (!open) {
                return;
            }
            open = false;
            try {
                synchronized (JournalLibrary.this) {
                    if (journal != null && changes > 0) {
                        journal.truncate(startPosition, startLines);
                    }
                }
            } finally {
                writer.release();
            }
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("this transaction is already committed or rolled back");
            }
        }
    }

    @Override
    public long remove(Collection<String> ids) throws IOException {
        acquireWriter();
        try {
            return removeHoldingWriter(ids);
        } finally {
            writer.release();
        }
    }

    private long removeHoldingWriter(Collection<String> ids) throws IOException {
        long removed;
        int count;
        synchronized (this) {
            ensureOpen();
            List<String> present = new ArrayList<>();
            for (String id : new java.util.LinkedHashSet<>(ids)) {
                if (references.containsKey(id)) {
                    present.add(id);
                }
            }
            if (present.isEmpty()) {
                return generation;
            }
            removed = generation + 1;
            journal.append(removed, List.of(), present);
            generation = removed;
            for (String id : present) {
                references.remove(id);
                changedAt.put(id, removed);
            }
            snapshot = null;
            count = references.size();
        }
        announce(removed, count);
        return removed;
    }

    @Override
    public synchronized LibraryChanges changesSince(long since) {
        ensureOpen();
        if (since < historyFrom || since > generation) {
            return new LibraryChanges(since, generation, Set.of(), false);
        }
        Set<String> changed = new HashSet<>();
        changedAt.forEach((id, g) -> {
            if (g > since) {
                changed.add(id);
            }
        });
        return new LibraryChanges(since, generation, changed, true);
    }

    private void announce(long newGeneration, int count) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_CHANGED, Map.of("generation", newGeneration, "count", count)));
        }
    }
}
