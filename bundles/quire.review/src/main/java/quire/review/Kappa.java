package quire.review;

import quire.api.review.Agreement;

/** Percent agreement and Cohen's kappa of two reviewers from their 2x2 table of include/exclude. */
final class Kappa {

    private Kappa() {
    }

    /**
     * @param table {@code table[a][b]}: how many records reviewer A put in category {@code a} and B in {@code b}
     *              (0 include, 1 exclude)
     */
    static Agreement agreement(String stage, String reviewerA, String reviewerB, int[][] table) {
        int n = table[0][0] + table[0][1] + table[1][0] + table[1][1];
        int agreed = table[0][0] + table[1][1];
        if (n == 0) {
            return new Agreement(stage, reviewerA, reviewerB, 0, 0, Double.NaN, Double.NaN);
        }
        double observed = (double) agreed / n;
        double aInclude = (double) (table[0][0] + table[0][1]) / n;
        double bInclude = (double) (table[0][0] + table[1][0]) / n;
        double expected = aInclude * bInclude + (1 - aInclude) * (1 - bInclude);
        // both reviewers used one category only: chance explains everything and kappa is undefined
        double kappa = expected >= 1.0 ? Double.NaN : (observed - expected) / (1 - expected);
        return new Agreement(stage, reviewerA, reviewerB, n, agreed, observed, kappa);
    }
}
