package quire.priority;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * ASReview's query strategies: maximum relevance ({@code max}, the default), optionally mixed with a share of
 * random picks ({@code max_random}), which keeps the model from only ever seeing what it already likes. Ties go to
 * the earlier record, so a ranking is deterministic.
 */
final class MaxQuery {

    private final double randomShare;

    /** @param randomShare the share of picks made at random, 0 to 1 */
    MaxQuery(double randomShare) {
        if (!(randomShare >= 0 && randomShare <= 1)) {
            throw new IllegalArgumentException("the share of random picks is from 0 to 1, not " + randomShare);
        }
        this.randomShare = randomShare;
    }

    double randomShare() {
        return randomShare;
    }

    /**
     * Picks up to {@code count} of the candidate rows, best first, removing them from {@code candidates}.
     *
     * @param candidates the unlabelled rows, in ascending order; picked rows are removed from it
     * @param relevance  each row's relevance
     */
    int[] next(List<Integer> candidates, IntToDoubleFunction relevance, int count, SplittableRandom random) {
        int picks = Math.min(count, candidates.size());
        int[] picked = new int[picks];
        double[] score = new double[candidates.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = relevance.applyAsDouble(candidates.get(i));
        }
        boolean[] taken = new boolean[score.length];
        for (int p = 0; p < picks; p++) {
            int best = -1;
            if (randomShare > 0 && random.nextDouble() < randomShare) {
                int skip = random.nextInt(score.length - p);
                for (int i = 0; i < score.length; i++) {
                    if (!taken[i] && skip-- == 0) {
                        best = i;
                        break;
                    }
                }
            } else {
                for (int i = 0; i < score.length; i++) {
                    if (!taken[i] && (best < 0 || score[i] > score[best])) {
                        best = i;
                    }
                }
            }
            taken[best] = true;
            picked[p] = candidates.get(best);
        }
        int w = 0;
        for (int i = 0; i < score.length; i++) {
            if (!taken[i]) {
                candidates.set(w++, candidates.get(i));
            }
        }
        candidates.subList(w, candidates.size()).clear();
        return picked;
    }

    /**
     * Orders all rows by relevance, best first (ties to the earlier row), with the share of random picks spread
     * through the order: each position is, with that chance, a random one of the rows not yet placed.
     */
    int[] order(int[] rows, double[] relevance, SplittableRandom random) {
        Integer[] sorted = new Integer[rows.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        java.util.Arrays.sort(sorted, (a, b) -> {
            int c = Double.compare(relevance[b], relevance[a]);
            return c != 0 ? c : Integer.compare(rows[a], rows[b]);
        });
        int[] order = new int[rows.length];
        if (randomShare == 0) {
            for (int i = 0; i < order.length; i++) {
                order[i] = rows[sorted[i]];
            }
            return order;
        }
        boolean[] placed = new boolean[rows.length];
        int best = 0;
        for (int p = 0; p < order.length; p++) {
            int pick;
            if (random.nextDouble() < randomShare) {
                pick = random.nextInt(sorted.length);
                while (placed[pick]) {
                    pick = (pick + 1) % sorted.length;
                }
            } else {
                while (placed[best]) {
                    best++;
                }
                pick = best;
            }
            placed[pick] = true;
            order[p] = rows[sorted[pick]];
        }
        return order;
    }
}
