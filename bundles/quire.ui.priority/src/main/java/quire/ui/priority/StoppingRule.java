package quire.ui.priority;

import java.util.Locale;

/**
 * When to suggest stopping: after {@code consecutiveExcludes} excludes in a row (a common heuristic with active
 * learning: once the model's best guesses keep being excluded, few includes are left). A hint, never a decision.
 */
record StoppingRule(int consecutiveExcludes) {

    static final int DEFAULT = 50;

    StoppingRule {
        if (consecutiveExcludes < 1) {
            throw new IllegalArgumentException("stop after 1 or more excludes in a row, not " + consecutiveExcludes);
        }
    }

    boolean reached(ScreeningProgress progress) {
        return progress.includes() > 0 && progress.consecutiveExcludes() >= consecutiveExcludes;
    }

    /** The hint line: how close the run of excludes is to the rule, or that it is reached. */
    String hint(ScreeningProgress progress) {
        if (progress.screened() == 0) {
            return "Screen a few records: the ranking learns from the first include and the first exclude.";
        }
        if (progress.screened() >= progress.total()) {
            return "Every record of this stage is screened.";
        }
        if (reached(progress)) {
            return String.format(Locale.ROOT, "%d excludes in a row: the remaining %,d records are probably "
                    + "irrelevant; consider stopping.", progress.consecutiveExcludes(),
                    progress.total() - progress.screened());
        }
        return String.format(Locale.ROOT, "%d excludes in a row (stopping hint at %d).",
                progress.consecutiveExcludes(), consecutiveExcludes);
    }
}
