package quire.api.review;

import java.util.Map;
import java.util.Set;

/**
 * What a stage made of the records that reached it.
 *
 * @param entered  the records that reached the stage
 * @param passed   those it passes on to the next stage
 * @param excluded how many were dropped, by reason (a criterion id; {@code duplicate} for deduplication)
 * @param pending  those not decided yet (too few reviewers, or in conflict)
 */
public record StageOutcome(Set<String> entered, Set<String> passed, Map<String, Integer> excluded,
        Set<String> pending) {

    public StageOutcome {
        entered = Set.copyOf(entered);
        passed = Set.copyOf(passed);
        excluded = Map.copyOf(excluded);
        pending = Set.copyOf(pending);
    }

    /** How many were excluded, whatever the reason. */
    public int excludedTotal() {
        return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }
}
