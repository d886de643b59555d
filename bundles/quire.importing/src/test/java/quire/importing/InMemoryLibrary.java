package quire.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;
import quire.api.model.Reference;

/** A library in memory that counts its store calls. */
final class InMemoryLibrary implements Library {
    private final Path workspace;
    private final LinkedHashMap<String, Reference> references = new LinkedHashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private long generation;
    final List<Integer> storedBatchSizes = new ArrayList<>();

    InMemoryLibrary(Path workspace) {
        this.workspace = workspace;
    }

    @Override public Path workspace() { return workspace; }
    @Override public synchronized int size() { return references.size(); }
    @Override public synchronized long generation() { return generation; }
    @Override public synchronized List<Reference> references() { return List.copyOf(references.values()); }
    @Override public synchronized Optional<Reference> reference(String id) { return Optional.ofNullable(references.get(id)); }

    @Override
    public synchronized long store(Collection<Reference> toStore) {
        storedBatchSizes.add(toStore.size());
        return apply(toStore);
    }

    @Override
    public LibraryTransaction begin() {
        List<Reference> staged = new ArrayList<>();
        return new LibraryTransaction() {
            private boolean committed;

            @Override
            public void store(Collection<Reference> references) {
                storedBatchSizes.add(references.size());
                staged.addAll(references);
            }

            @Override
            public boolean contains(String id) {
                return reference(id).isPresent() || staged.stream().anyMatch(r -> r.id().equals(id));
            }

            @Override
            public long commit() {
                committed = true;
                transactionsCommitted++;
                return apply(staged);
            }

            @Override
            public void close() {
                if (!committed) {
                    transactionsRolledBack++;
                }
            }
        };
    }

    int transactionsCommitted;
    int transactionsRolledBack;

    private synchronized long apply(Collection<Reference> toStore) {
        generation++;
        for (Reference r : toStore) {
            references.put(r.id(), r);
            changedAt.put(r.id(), generation);
        }
        return generation;
    }

    @Override
    public synchronized long remove(Collection<String> ids) {
        generation++;
        for (String id : ids) {
            references.remove(id);
            changedAt.put(id, generation);
        }
        return generation;
    }

    @Override
    public synchronized LibraryChanges changesSince(long since) {
        Set<String> changed = changedAt.entrySet().stream().filter(e -> e.getValue() > since)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new LibraryChanges(since, generation, changed, true);
    }
}
