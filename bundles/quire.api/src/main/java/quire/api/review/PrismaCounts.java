package quire.api.review;

import java.util.Map;

/**
 * The numbers of a PRISMA 2020 flow diagram (new reviews, databases and registers only), named after the fields
 * of the PRISMA2020 R package.
 *
 * @param databaseResults         records identified, by database
 * @param duplicates              duplicate records removed
 * @param removedOther            records removed before screening for other reasons (by a stage a plugin adds
 *                                between deduplication and title/abstract screening)
 * @param recordsScreened         records screened on title and abstract
 * @param recordsExcluded         records excluded on title and abstract
 * @param reportsSought           reports sought for retrieval
 * @param reportsNotRetrieved     reports not retrieved
 * @param reportsAssessed         reports assessed for eligibility
 * @param reportsExcluded         reports excluded, by reason (criterion text)
 * @param newStudies              studies included
 * @param pending                 records still awaiting a decision in some stage (0 when the review is complete)
 */
public record PrismaCounts(Map<String, Integer> databaseResults, int duplicates, int removedOther,
        int recordsScreened, int recordsExcluded, int reportsSought, int reportsNotRetrieved, int reportsAssessed,
        Map<String, Integer> reportsExcluded, int newStudies, int pending) {

    public PrismaCounts {
        databaseResults = Map.copyOf(databaseResults);
        reportsExcluded = Map.copyOf(reportsExcluded);
    }

    /** Counts with no records removed for other reasons before screening (the 1.0 constructor). */
    public PrismaCounts(Map<String, Integer> databaseResults, int duplicates, int recordsScreened,
            int recordsExcluded, int reportsSought, int reportsNotRetrieved, int reportsAssessed,
            Map<String, Integer> reportsExcluded, int newStudies, int pending) {
        this(databaseResults, duplicates, 0, recordsScreened, recordsExcluded, reportsSought, reportsNotRetrieved,
                reportsAssessed, reportsExcluded, newStudies, pending);
    }

    /** Records identified in all databases together. */
    public int identified() {
        return databaseResults.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Reports excluded for every reason together. */
    public int reportsExcludedTotal() {
        return reportsExcluded.values().stream().mapToInt(Integer::intValue).sum();
    }
}
