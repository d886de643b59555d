package quire.ui.priority;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quire.api.review.Decision;
import quire.api.review.Verdict;

/**
 * How far a reviewer has got in a stage, from the decision log: the records they decided in the order they decided
 * them (a changed decision moves the record to the end, an undo takes it out), how many includes that found after
 * each record, and how many excludes in a row end the list (what the stopping hint watches).
 *
 * @param total               the records in the stage
 * @param found               includes found after each screened record (maybe counts as include)
 * @param consecutiveExcludes excludes since the last include
 */
record ScreeningProgress(int total, List<Integer> found, int consecutiveExcludes) {

    ScreeningProgress {
        found = List.copyOf(found);
    }

    static final ScreeningProgress EMPTY = new ScreeningProgress(0, List.of(), 0);

    int screened() {
        return found.size();
    }

    int includes() {
        return found.isEmpty() ? 0 : found.get(found.size() - 1);
    }

    static ScreeningProgress of(List<Decision> log, String stage, String reviewer, int total) {
        Map<String, Verdict> current = new LinkedHashMap<>();
        for (Decision d : log) {
            if (!d.stage().equals(stage) || !d.reviewer().equals(reviewer) || d.resolution()) {
                continue;
            }
            current.remove(d.referenceId());
            if (d.verdict() != Verdict.NONE) {
                current.put(d.referenceId(), d.verdict());
            }
        }
        List<Integer> found = new ArrayList<>(current.size());
        int includes = 0;
        int run = 0;
        for (Verdict verdict : current.values()) {
            if (verdict.passes()) {
                includes++;
                run = 0;
            } else {
                run++;
            }
            found.add(includes);
        }
        return new ScreeningProgress(Math.max(total, found.size()), found, run);
    }
}
