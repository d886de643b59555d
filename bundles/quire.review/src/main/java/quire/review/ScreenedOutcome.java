package quire.review;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import quire.api.review.RecordStatus;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;

/** What a screened stage makes of its records: settled passes go on, settled exclusions count by reason. */
final class ScreenedOutcome {

    /** The reason counted for an exclusion recorded without one. */
    static final String UNSPECIFIED = "unspecified";

    private ScreenedOutcome() {
    }

    static StageOutcome of(List<String> entered, Map<String, RecordStatus> decisions) {
        Set<String> passed = new LinkedHashSet<>();
        Set<String> pending = new LinkedHashSet<>();
        Map<String, Integer> excluded = new TreeMap<>();
        for (String id : entered) {
            RecordStatus status = decisions.get(id);
            Verdict outcome = status == null ? Verdict.NONE : status.outcome();
            if (outcome == Verdict.NONE) {
                pending.add(id);
            } else if (outcome.passes()) {
                passed.add(id);
            } else {
                excluded.merge(status.reason().orElse(UNSPECIFIED), 1, Integer::sum);
            }
        }
        return new StageOutcome(Set.copyOf(entered), passed, excluded, pending);
    }
}
