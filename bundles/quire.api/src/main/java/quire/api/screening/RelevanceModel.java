package quire.api.screening;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learning model for priority screening, contributed as a service with the property {@link #ID}. It learns from
 * the records reviewers have labelled (included or excluded) and scores every record by how likely it is to be
 * included, so that the likely includes are screened first.
 *
 * <p>Training happens after decisions, off the window's thread, and must be quick: Quire retrains after every
 * decision (or every few on large libraries), so a model should train on 10,000 records in well under a second.
 * How the rare includes are weighted against the many excludes (ASReview's "balance strategy") is the model's own
 * choice, since a good weighting depends on the classifier. Implementations must be deterministic for a seed and
 * safe to call from several threads at once (keep no state between calls).
 */
@ConsumerType
public interface RelevanceModel {

    /** Service property: the model's id, e.g. {@code nb} or {@code svm}; the same as {@link #id()}. */
    String ID = "quire.relevance.model";

    /** What a scored record is: 0 to 1 per row of the matrix the model was trained with. */
    @FunctionalInterface
    interface Scores {
        /** How likely the row's record is to be included, from 0 to 1 (higher first in the screening order). */
        double relevance(int row);
    }

    /** Stable id that users type, e.g. {@code svm}. */
    String id();

    /** What the window and the command line call it, e.g. "Linear SVM (TF-IDF 1-2-grams)". */
    String label();

    /**
     * Learns from the labelled rows and scores every row of {@code features}.
     *
     * @param features every record's features (labelled and not)
     * @param rows     the labelled rows, each once
     * @param included for each of {@code rows}, whether the record was included; at least one included and one
     *                 excluded
     * @param seed     seeds any randomness (sampling, shuffling), so that a run can be repeated
     * @return the relevance of every row, from 0 to 1
     * @throws IllegalArgumentException when the labels do not hold both an include and an exclude
     */
    Scores train(FeatureMatrix features, int[] rows, boolean[] included, long seed);
}
