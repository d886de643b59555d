package quire.api.review;

/**
 * Agreement between two reviewers on the records both decided in a stage; maybe counts as include.
 *
 * @param stage     the stage
 * @param reviewerA one reviewer
 * @param reviewerB the other
 * @param records   the records both decided
 * @param agreed    those they decided alike
 * @param percent   agreed / records, 0 to 1 (NaN with no records)
 * @param kappa     Cohen's kappa (NaN when undefined)
 */
public record Agreement(String stage, String reviewerA, String reviewerB, int records, int agreed, double percent,
        double kappa) {
}
