package quire.ui.dedup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;
import quire.api.model.Reference;

/** A library in memory, for tests: transactions commit or roll back, and are counted. */
final class MemoryLibrary implements Library {

    private final Map<String, Reference> references = new LinkedHashMap<>();
    private long generation;
    int commits;
    boolean inTransaction;
    /** Runs inside the next transaction, before it stores anything: another writer would wait, a reader not. */
    Runnable duringTransaction = () -> { };

    /** A library holding these references, each given an id r1, r2, ... unless it has one. */
    static MemoryLibrary of(List<Reference> refs) {
        MemoryLibrary library = new MemoryLibrary();
        library.add(refs);
        return library;
    }

    /** Adds references, each given the next free id r1, r2, ... unless it has one. */
    List<Reference> add(List<Reference> refs) {
        List<Reference> added = new ArrayList<>();
        for (Reference r : refs) {
            String id = r.id().isEmpty() ? "r" + (references.size() + 1) : r.id();
            Reference stored = r.toBuilder().id(id).build();
            references.put(id, stored);
            added.add(stored);
        }
        generation++;
        return added;
    }

    /** Where the deduplication service keeps its merge log. */
    Path workspace = Path.of("/nonexistent");

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public synchronized int size() {
        return references.size();
    }

    @Override
    public synchronized long generation() {
        return generation;
    }

    @Override
    public synchronized List<Reference> references() {
        return List.copyOf(references.values());
    }

    @Override
    public synchronized Optional<Reference> reference(String id) {
        return Optional.ofNullable(references.get(id));
    }

    @Override
    public long store(Collection<Reference> refs) throws IOException {
        try (LibraryTransaction t = begin()) {
            t.store(refs);
            return t.commit();
        }
    }

    @Override
    public LibraryTransaction begin() {
        if (inTransaction) {
            throw new IllegalStateException("transactions do not nest");
        }
        inTransaction = true;
        Runnable during = duringTransaction;
        duringTransaction = () -> { };
        during.run();
        Map<String, Reference> staged = new LinkedHashMap<>();
        return new LibraryTransaction() {
            private boolean open = true;

            @Override
            public void store(Collection<Reference> refs) {
                refs.forEach(r -> staged.put(r.id(), r));
            }

            @Override
            public boolean contains(String id) {
                return staged.containsKey(id) || references.containsKey(id);
            }

            @Override
            public long commit() {
                synchronized (MemoryLibrary.this) {
                    references.putAll(staged);
                    commits++;
                    open = false;
                    inTransaction = false;
                    return ++generation;
                }
            }

            @Override
            public void close() {
                if (open) {
                    open = false;
                    inTransaction = false;
                }
            }
        };
    }

    @Override
    public synchronized long remove(Collection<String> ids) {
        ids.forEach(references::remove);
        return ++generation;
    }

    @Override
    public LibraryChanges changesSince(long since) {
        return new LibraryChanges(since, generation, Set.of(), false);
    }

    /** Replaces a reference, as an edit in the window would. */
    synchronized void edit(Reference reference) {
        references.put(reference.id(), reference);
        generation++;
    }
}
