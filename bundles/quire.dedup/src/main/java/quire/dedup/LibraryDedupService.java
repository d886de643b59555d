package quire.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.dedup.DedupReport;
import quire.api.dedup.DedupService;
import quire.api.dedup.DuplicateGroup;
import quire.api.dedup.Merge;
import quire.api.library.Library;
import quire.api.library.LibraryTransaction;
import quire.api.model.Reference;
import quire.api.work.Progress;

/**
 * The {@link DedupService} of the open workspace. A merge stores, in one library transaction, the survivor with the
 * merged values and each merged-away record marked {@link DedupService#DUPLICATE_OF}; the merge log has the
 * survivor's previous state on disk before that transaction starts.
 */
@Component(service = DedupService.class)
public final class LibraryDedupService implements DedupService {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Library library;
    private final Object writing = new Object();
    private volatile MergeLog log;

    @Activate
    public LibraryDedupService(@org.osgi.service.component.annotations.Reference Library library) {
        this.library = library;
    }

    private MergeLog log() {
        MergeLog current = log;
        if (current == null) {
            synchronized (this) {
                if (log == null) {
                    log = new MergeLog(library.workspace());
                }
                current = log;
            }
        }
        return current;
    }

    /**
     * The records that take part: those not already merged into another record of the library (a duplicate whose
     * survivor was deleted since is the only copy left, and takes part again).
     */
    static List<Reference> active(List<Reference> references) {
        java.util.Set<String> ids = new java.util.HashSet<>(references.size() * 2);
        references.forEach(r -> ids.add(r.id()));
        return references.stream().filter(r -> !ids.contains(r.fields().getOrDefault(DUPLICATE_OF, ""))).toList();
    }

    DuplicateFinder.Result findAll(Progress progress) {
        return new DuplicateFinder(log().rejected()).find(active(library.references()), progress);
    }

    @Override
    public List<DuplicateGroup> find(Progress progress) {
        return findAll(progress).groups();
    }

    @Override
    public DedupReport mergeAutomatic(Progress progress) throws IOException {
        synchronized (writing) {
            List<Reference> snapshot = library.references();
            DuplicateFinder.Result result = new DuplicateFinder(log().rejected()).find(active(snapshot), progress);
            List<List<String>> groups = result.automatic().stream().map(DuplicateGroup::referenceIds).toList();
            Map<String, DuplicateGroup> byId = new HashMap<>();
            result.automatic().forEach(g -> byId.put(g.referenceIds().get(0), g));
            progress.detail(String.format(java.util.Locale.ROOT, "merging %,d groups", groups.size()));
            return new DedupReport(result.groups(), apply(snapshot, groups, g -> byId.get(g.get(0))));
        }
    }

    @Override
    public Merge merge(List<String> referenceIds) throws IOException {
        List<String> ids = List.copyOf(new LinkedHashSet<>(referenceIds));
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two different records, got " + referenceIds);
        }
        synchronized (writing) {
            List<Reference> snapshot = library.references();
            Map<String, Reference> byId = index(snapshot);
            List<Profile> profiles = new ArrayList<>();
            for (String id : ids) {
                Reference r = byId.get(id);
                if (r == null) {
                    throw new IllegalArgumentException("no record " + id + " in the library");
                }
                if (r.fields().containsKey(DUPLICATE_OF) && byId.containsKey(r.fields().get(DUPLICATE_OF))) {
                    throw new IllegalArgumentException("record " + id + " is already merged into "
                            + r.fields().get(DUPLICATE_OF) + "; undo that merge first");
                }
                profiles.add(new Profile(snapshot.indexOf(r), r));
            }
            profiles.sort(Comparator.comparingInt((Profile p) -> -p.completeness).thenComparingInt(p -> p.index));
            List<String> ordered = profiles.stream().map(p -> p.reference.id()).toList();
            DuplicateGroup accepted = new DuplicateGroup(DuplicateFinder.groupId(ordered), ordered, 1, false,
                    List.of("accepted by a reviewer"));
            List<Merge> merges = apply(snapshot, List.of(ordered), g -> accepted);
            if (merges.isEmpty()) {
                throw new IllegalStateException("the records changed while merging; try again");
            }
            return merges.get(0);
        }
    }

    private static Map<String, Reference> index(List<Reference> references) {
        Map<String, Reference> byId = new HashMap<>(references.size() * 2);
        references.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /**
     * Merges groups (survivor first) in one transaction. A group any of whose records changed after
     * {@code snapshot} is left out: the library holds a newer state than the one that was judged.
     */
    private List<Merge> apply(List<Reference> snapshot, List<List<String>> groups,
            java.util.function.Function<List<String>, DuplicateGroup> groupOf) throws IOException {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, Reference> byId = index(snapshot);
        Instant at = Instant.now();
        try (LibraryTransaction transaction = library.begin()) {
            List<MergeLog.Entry> entries = new ArrayList<>();
            List<Reference> changed = new ArrayList<>();
            for (List<String> ids : groups) {
                List<Reference> records = ids.stream().map(byId::get).toList();
                boolean current = records.stream().allMatch(r -> r != null
                        && library.reference(r.id()).filter(r::equals).isPresent());
                if (!current) {
                    continue;
                }
                // a survivor may carry the stale mark of a merge whose survivor was deleted since
                Reference merged = withoutMark(Merging.merge(records));
                DuplicateGroup group = groupOf.apply(ids);
                Merge merge = new Merge(mergeId(ids, at), ids.get(0), ids.subList(1, ids.size()),
                        group.confidence(), group.automatic(), group.reasons(), at);
                entries.add(MergeLog.Entry.of(merge, records.get(0), merged));
                changed.add(merged);
                for (Reference r : records.subList(1, records.size())) {
                    changed.add(r.toBuilder().field(DUPLICATE_OF, merged.id()).build());
                }
            }
            if (entries.isEmpty()) {
                return List.of();
            }
            // the log first: a crash between the two leaves a logged merge whose undo finds nothing to undo
            log().appendMerges(entries);
            transaction.store(changed);
            transaction.commit();
            return entries.stream().map(MergeLog.Entry::merge).toList();
        }
    }

    private static String mergeId(List<String> ids, Instant at) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((String.join("\n", ids) + "\n" + at + "\n" + SEQUENCE.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8));
            return "m" + HexFormat.of().formatHex(sha.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reject(List<String> referenceIds) throws IOException {
        List<String> ids = List.copyOf(new LinkedHashSet<>(referenceIds));
        if (ids.size() < 2) {
            throw new IllegalArgumentException("rejecting needs at least two different records, got " + referenceIds);
        }
        for (String id : ids) {
            if (library.reference(id).isEmpty()) {
                throw new IllegalArgumentException("no record " + id + " in the library");
            }
        }
        log().appendRejection(ids, Instant.now());
    }

    @Override
    public Merge undo(String mergeId) throws IOException {
        synchronized (writing) {
            MergeLog.Entry entry = log().entry(mergeId).orElseThrow(() -> new IllegalArgumentException(
                    "no merge " + mergeId + " in effect (see 'quire dedup --merges')"));
            Merge merge = entry.merge();
            try (LibraryTransaction transaction = library.begin()) {
                Reference survivor = library.reference(merge.survivorId()).orElse(null);
                List<Reference> restored = new ArrayList<>();
                if (survivor != null) {
                    if (!entry.unchangedSince(survivor)) {
                        String later = log().inEffect().stream().map(MergeLog.Entry::merge)
                                .filter(m -> m.survivorId().equals(merge.survivorId()) && m.at().isAfter(merge.at())
                                        || m.mergedIds().contains(merge.survivorId()))
                                .map(Merge::id).findFirst().map(id -> "; undo merge " + id + " first").orElse("");
                        throw new IllegalStateException("record " + merge.survivorId() + " changed since merge "
                                + mergeId + later);
                    }
                    restored.add(entry.restore(survivor));
                }
                for (String id : merge.mergedIds()) {
                    library.reference(id)
                            .filter(r -> Objects.equals(r.fields().get(DUPLICATE_OF), merge.survivorId()))
                            .ifPresent(r -> restored.add(withoutMark(r)));
                }
                if (!restored.isEmpty()) {
                    transaction.store(restored);
                    transaction.commit();
                }
            }
            // the library first: a crash between the two leaves a merge whose second undo finds it undone
            log().appendUndo(mergeId, Instant.now());
            return merge;
        }
    }

    /** A record without the mark a merge gave it, otherwise exactly as it is. */
    static Reference withoutMark(Reference r) {
        Map<String, String> fields = new LinkedHashMap<>(r.fields());
        fields.remove(DUPLICATE_OF);
        return new Reference(r.id(), r.type(), r.title(), r.authors(), r.authorsTruncated(), r.issued(), r.venue(),
                r.volume(), r.issue(), r.pages(), r.doi(), r.arxivId(), r.pmid(), r.url(), r.abstractText(),
                r.keywords(), r.tags(), fields, r.provenance());
    }

    @Override
    public List<Merge> merges() {
        return log().inEffect().stream().map(MergeLog.Entry::merge).toList();
    }
}
