package quire.api.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One merge of duplicate records, as kept in the workspace's merge log until it is undone.
 *
 * @param id          unique; {@code quire dedup --undo ID} names it
 * @param survivorId  the record that holds the merged values and every provenance
 * @param mergedIds   the records marked as duplicates of the survivor (they stay in the library)
 * @param confidence  the group's confidence when it was merged (1 for a merge a reviewer accepted)
 * @param automatic   whether it was merged without asking, rather than accepted from the review queue
 * @param reasons     the group's reasons
 * @param at          when it was merged
 */
public record Merge(String id, String survivorId, List<String> mergedIds, double confidence, boolean automatic,
        List<String> reasons, Instant at) {

    public Merge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survivorId, "survivorId");
        mergedIds = List.copyOf(mergedIds);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(at, "at");
    }
}
