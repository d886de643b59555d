package quire.api.dedup;

import java.util.List;

/**
 * What one deduplication run found and did.
 *
 * @param groups every group found, the automatic ones first, then the review queue, most confident first
 * @param merges the merges made, one per automatic group whose records had not changed meanwhile
 */
public record DedupReport(List<DuplicateGroup> groups, List<Merge> merges) {

    public DedupReport {
        groups = List.copyOf(groups);
        merges = List.copyOf(merges);
    }

    /** The groups that wait for a reviewer. */
    public List<DuplicateGroup> reviewQueue() {
        return groups.stream().filter(g -> !g.automatic()).toList();
    }
}
