package quire.api.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The review of the open workspace: protocol, decision log, stages, agreement and PRISMA counts. Every decision is
 * durable when the call returns. Events on {@link #TOPIC_DECIDED} follow each change of the log.
 */
@ProviderType
public interface ReviewService {

    /** EventAdmin topic posted after decisions are recorded (properties: {@code stage}, {@code referenceIds}). */
    String TOPIC_DECIDED = "quire/review/DECIDED";

    /**
     * EventAdmin topic posted after the protocol was saved: the number of reviewers needed per record may have
     * changed, and with it what is settled (no properties).
     *
     * @since 1.1
     */
    String TOPIC_PROTOCOL = "quire/review/PROTOCOL";

    /** The protocol as last saved ({@link ReviewProtocol#empty()} for a new review). */
    ReviewProtocol protocol();

    /** Replaces the protocol; written atomically. */
    void saveProtocol(ReviewProtocol protocol) throws IOException;

    /** The reviewer decisions are recorded for (set at start with {@code --reviewer}, or chosen in the window). */
    Optional<Reviewer> currentReviewer();

    /** Chooses the current reviewer; the id must be one of the protocol's reviewers. */
    void setCurrentReviewer(String reviewerId);

    /** The installed stages in order. */
    List<ReviewStage> stages();

    /**
     * Records the current reviewer's decision on records in a stage, durably, and returns the entries written.
     *
     * @param criterion the exclusion reason, required for an exclusion when the protocol has criteria
     * @throws IllegalStateException when no reviewer is chosen
     * @throws IllegalArgumentException for an unknown stage or criterion
     */
    List<Decision> decide(String stage, List<String> referenceIds, Verdict verdict, Optional<String> criterion,
            Optional<String> note) throws IOException;

    /** Settles a conflict: a decision recorded as the resolution of the record in the stage. */
    Decision resolve(String stage, String referenceId, Verdict verdict, Optional<String> criterion,
            Optional<String> note) throws IOException;

    /** Withdraws the current reviewer's last decision on the record (a new {@link Verdict#NONE} entry). */
    Optional<Decision> undo(String stage, String referenceId) throws IOException;

    /** The whole log, oldest first. */
    List<Decision> log();

    /** Where each record of the stage stands for the current reviewer (blinding applied), by record id. */
    Map<String, RecordStatus> statuses(String stage);

    /** The records of the stage whose reviewers disagree and that no resolution settled. */
    List<String> conflicts(String stage);

    /** What each stage made of the records, in order, by stage id. */
    Map<String, StageOutcome> outcomes();

    /** Agreement of every pair of reviewers who decided records in common in the stage. */
    List<Agreement> agreement(String stage);

    /** The PRISMA 2020 counts drawn from the stages' current outcomes. */
    PrismaCounts prisma();

    /** Writes the decisions of one reviewer (all when empty) as a file another workspace can import. */
    int exportDecisions(Path file, Optional<String> reviewerId) throws IOException;

    /** Merges a file written by {@link #exportDecisions}: entries already present are skipped; returns how many were new. */
    int importDecisions(Path file) throws IOException;

    /**
     * What reading the workspace's review files found wrong, each as {@code file:line: what} (a line torn by a crash
     * and ignored, a line that does not parse and was skipped). Empty when all is well.
     *
     * @since 1.1
     */
    default List<String> problems() {
        return List.of();
    }

    /**
     * The verdict each record ended with, by record id, for selecting by decision (export, search): {@link
     * Verdict#INCLUDE} for a record the last stage passed, {@link Verdict#EXCLUDE} for one a stage excluded,
     * {@link Verdict#MAYBE} for one still on its way (decided by some stage, pending in a later one). Records no
     * reviewer has decided in any screened stage are absent.
     *
     * @since 1.1
     */
    default Map<String, Verdict> settledVerdicts() {
        return Map.of();
    }
}
