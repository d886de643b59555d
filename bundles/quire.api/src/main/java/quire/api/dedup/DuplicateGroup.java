package quire.api.dedup;

import java.util.List;
import java.util.Objects;

/**
 * Records found to be the same work, with how sure the finder is and why.
 *
 * @param id           stable for the same records: the review queue and the window refer to a group by it
 * @param referenceIds the records, the one that would survive a merge first; at least two
 * @param confidence   from 0 to 1: how likely the records are duplicates
 * @param automatic    whether the group is merged without asking (confidence above the automatic threshold and
 *                     no conflicting identifier); false puts it in the review queue
 * @param reasons      what agreed and what did not, in words for reviewers, e.g. {@code same DOI},
 *                     {@code title 97% similar}, {@code year 2019 vs 2020 (online first?)}
 */
public record DuplicateGroup(String id, List<String> referenceIds, double confidence, boolean automatic,
        List<String> reasons) {

    public DuplicateGroup {
        Objects.requireNonNull(id, "id");
        referenceIds = List.copyOf(referenceIds);
        reasons = List.copyOf(reasons);
        if (referenceIds.size() < 2) {
            throw new IllegalArgumentException("a duplicate group has at least two records");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
    }

    /** The record that would survive a merge. */
    public String survivorId() {
        return referenceIds.get(0);
    }
}
