package quire.api.review;

import java.util.Optional;

/**
 * Where a record stands in a stage, as the current reviewer may see it (blinding applied).
 *
 * @param referenceId the record
 * @param own         the current reviewer's decision, {@link Verdict#NONE} when they have not decided
 * @param outcome     the record's settled verdict in the stage ({@link Verdict#NONE} while pending or in conflict)
 * @param reason      the criterion of a settled exclusion
 * @param conflict    whether reviewers disagree and no resolution has been recorded (false while blinded)
 * @param decisions   how many reviewers have decided it
 */
public record RecordStatus(String referenceId, Verdict own, Verdict outcome, Optional<String> reason,
        boolean conflict, int decisions) {
}
