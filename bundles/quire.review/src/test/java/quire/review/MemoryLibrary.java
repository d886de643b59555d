package quire.review;

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
import quire.api.model.Provenance;
import quire.api.model.Reference;

/** A library in memory, in a real workspace folder (the review writes its files there). */
final class MemoryLibrary implements Library {

    private final Path workspace;
    private final Map<String, Reference> references = new LinkedHashMap<>();
    private long generation;

    MemoryLibrary(Path workspace) {
        this.workspace = workspace;
    }

    /** {@code n} records r1..rn, each from the given database (empty: none, the file then counts). */
    static MemoryLibrary withRecords(Path workspace, int n, String database) {
        MemoryLibrary library = new MemoryLibrary(workspace);
        List<Reference> refs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(record("r" + i, "Title " + i, database, "search.ris", i - 1));
        }
        library.store(refs);
        return library;
    }

    static Reference record(String id, String title, String database, String file, int position) {
        Provenance p = Provenance.of(file, "ris", position, position * 10 + 1);
        if (database != null && !database.isEmpty()) {
            p = p.fromDatabase(database);
        }
        return Reference.builder().id(id).title(title).abstractText("Abstract of " + title).provenance(p).build();
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
    public synchronized long store(Collection<Reference> added) {
        added.forEach(r -> references.put(r.id(), r));
        return ++generation;
    }

    @Override
    public LibraryTransaction begin() throws IOException {
        throw new UnsupportedOperationException("not needed by the review");
    }

    @Override
    public synchronized long remove(Collection<String> ids) {
        ids.forEach(references::remove);
        return ++generation;
    }

    @Override
    public synchronized LibraryChanges changesSince(long from) {
        return new LibraryChanges(from, generation, Set.copyOf(references.keySet()), false);
    }
}
