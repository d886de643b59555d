package quire.ui.details;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** A library in memory, thread-safe, with deterministic sample references. */
class FakeLibrary implements Library {

    private static final String[] FAMILIES = {"Simhi", "Barez", "Tutek", "Belinkov", "Nguyen", "van der Berg"};
    private static final String[] VENUES = {"arXiv", "Proceedings of ACL 2024", "Nature Machine Intelligence",
        "Transactions on Machine Learning Research"};
    private static final ReferenceType[] TYPES = {ReferenceType.PREPRINT, ReferenceType.CONFERENCE_PAPER,
        ReferenceType.ARTICLE, ReferenceType.ARTICLE};

    private final Path workspace;
    private final List<Reference> references = new ArrayList<>();
    private long generation;

    FakeLibrary(Path workspace, List<Reference> initial) {
        this.workspace = workspace;
        references.addAll(initial);
        generation = initial.isEmpty() ? 0 : 1;
    }

    /**
     * Sample reference {@code i}: 1 to 4 authors (every tenth list truncated, every 25th by the WHO), a year from
     * 2000 except every 17th, a title that says its number.
     */
    static Reference sample(int i) {
        Reference.Builder builder = Reference.builder()
                .id("ref-" + i)
                .type(TYPES[i % TYPES.length])
                .title("Study %03d: detecting hallucinations in large language models with certainty probes"
                        .formatted(i))
                .venue(VENUES[i % VENUES.length])
                .authorsTruncated(i % 10 == 0);
        if (i % 25 == 0) {
            builder.author(Person.institution("World Health Organization"));
        } else {
            for (int a = 0; a <= i % 4; a++) {
                builder.author(Person.of(FAMILIES[(i + a) % FAMILIES.length], "A."));
            }
        }
        if (i % 17 != 0) {
            builder.issued(IssuedDate.ofYear(2000 + i % 25));
        }
        return builder.build();
    }

    static List<Reference> samples(int from, int count) {
        List<Reference> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(sample(i));
        }
        return list;
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
        return List.copyOf(references);
    }

    @Override
    public synchronized Optional<Reference> reference(String id) {
        return references.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public synchronized long store(Collection<Reference> added) {
        for (Reference reference : added) {
            references.removeIf(r -> r.id().equals(reference.id()));
            references.add(reference);
        }
        return ++generation;
    }

    @Override
    public synchronized long remove(Collection<String> ids) {
        references.removeIf(r -> ids.contains(r.id()));
        return ++generation;
    }

    @Override
    public synchronized LibraryChanges changesSince(long from) {
        return new LibraryChanges(from, generation, Set.of(), false);
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
                return FakeLibrary.this.store(staged);
            }

            @Override
            public void close() {
            }
        };
    }
}
