package quire.api.review;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stage of the review, contributed as a service. The stages run in {@link #order()}: each receives the records
 * the previous one passed. The core stages have the ids in the constants below; PRISMA counts are drawn from them.
 * A plugin may add its own (quality appraisal, data extraction) after {@link #FULL_TEXT}.
 */
@ConsumerType
public interface ReviewStage {

    String IDENTIFICATION = "identification";
    String DEDUPLICATION = "deduplication";
    String TITLE_ABSTRACT = "title-abstract";
    String FULL_TEXT = "full-text";
    String INCLUDED = "included";

    /** Stable id; decisions are recorded under it. */
    String id();

    /** What the window and the command line call it. */
    String label();

    /** Position in the review: identification 100, deduplication 200, title/abstract 300, full text 400, included 1000. */
    int order();

    /** Whether reviewers decide each record here (screening), rather than the stage deciding by itself. */
    boolean screened();

    /**
     * What the stage makes of the records that reach it.
     *
     * @param entered   the ids of the records the previous stage passed on
     * @param decisions the current, settled state of each record in this stage (screened stages only; empty else)
     */
    StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions);
}
