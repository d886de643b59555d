package quire.api.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the decision log.
 *
 * @param id          unique across every reviewer's log (merging logs from several machines relies on it)
 * @param referenceId the record decided
 * @param stage       the id of the {@link ReviewStage}
 * @param reviewer    the reviewer's id (initials)
 * @param verdict     the decision; {@link Verdict#NONE} withdraws the reviewer's earlier one
 * @param criterion   for an exclusion, the id of the criterion given as reason
 * @param note        what the reviewer noted, if anything
 * @param at          when it was decided
 * @param resolution  whether this settles a conflict between reviewers (it then decides the record for the stage)
 */
public record Decision(String id, String referenceId, String stage, String reviewer, Verdict verdict,
        Optional<String> criterion, Optional<String> note, Instant at, boolean resolution) {

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(at, "at");
    }
}
