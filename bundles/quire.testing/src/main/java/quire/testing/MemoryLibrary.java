package quire.testing;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.Reference;

/**
 * A {@link Library} in memory, honest about generations: every change gets the next generation, and
 * {@link #changesSince} answers from a history that {@link #compactHistory()} can forget, as the store does.
 */
public final class MemoryLibrary implements Library {

    private final Path workspace;
    private final LinkedHashMap<String, Reference> references = new LinkedHashMap<>();
    private final Map<String, Long> changedAt = new LinkedHashMap<>();
    private long generation;
    private long historyFrom;
    private int changesSinceCalls;

    public MemoryLibrary(Path workspace) {
        this.workspace = workspace;
    }

    /** A library holding these references (stored as one change), in a workspace folder that is never written. */
    public MemoryLibrary(Path workspace, Collection<Reference> initial) {
        this(workspace);
        store(initial);
    }

    /** How often {@link #changesSince} was asked: a follower that rebuilds everything never asks. */
    public synchronized int changesSinceCalls() {
        return changesSinceCalls;
    }

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
    public synchronized long store(Collection<Reference> toStore) {
        if (toStore.isEmpty()) {
            return generation;
        }
        generation++;
        for (Reference reference : toStore) {
            if (reference.id().isEmpty()) {
                throw new IllegalArgumentException("a reference needs an id");
            }
            references.put(reference.id(), reference);
            changedAt.put(reference.id(), generation);
        }
        return generation;
    }

    public long store(Reference... toStore) {
        return store(List.of(toStore));
    }

    @Override
    public synchronized long remove(Collection<String> ids) {
        Set<String> present = new HashSet<>(ids);
        present.retainAll(references.keySet());
        if (present.isEmpty()) {
            return generation;
        }
        generation++;
        for (String id : present) {
            references.remove(id);
            changedAt.put(id, generation);
        }
        return generation;
    }

    @Override
    public synchronized LibraryChanges changesSince(long since) {
        changesSinceCalls++;
        if (since < historyFrom || since > generation) {
            return new LibraryChanges(since, generation, Set.of(), false);
        }
        Set<String> changed = new HashSet<>();
        changedAt.forEach((id, at) -> {
            if (at > since) {
                changed.add(id);
            }
        });
        return new LibraryChanges(since, generation, changed, true);
    }

    /** Forgets the history, as the store does when it compacts its journal. */
    public synchronized void compactHistory() {
        historyFrom = generation;
        changedAt.keySet().retainAll(references.keySet());
    }

    @Override
    public quire.api.library.LibraryTransaction begin() {
        java.util.List<quire.api.model.Reference> staged = new java.util.ArrayList<>();
        return new quire.api.library.LibraryTransaction() {
            @Override
            public void store(java.util.Collection<quire.api.model.Reference> references) {
                staged.addAll(references);
            }

            @Override
            public boolean contains(String id) {
                return reference(id).isPresent() || staged.stream().anyMatch(r -> r.id().equals(id));
            }

            @Override
            public long commit() throws java.io.IOException {
                return MemoryLibrary.this.store(staged);
            }

            @Override
            public void close() {
            }
        };
    }
}
