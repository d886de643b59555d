package quire.api.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The review's protocol.
 *
 * @param title              the review's title
 * @param question           the review question
 * @param criteria           the eligibility criteria, used as exclusion reasons
 * @param searches           the searches run
 * @param reviewers          the team
 * @param blinded            whether a reviewer sees no other reviewer's decision on a record until both have decided
 * @param reviewersPerRecord how many reviewers must decide each record in a screening stage (1 or 2)
 */
public record ReviewProtocol(String title, String question, List<Criterion> criteria, List<SearchRun> searches,
        List<Reviewer> reviewers, boolean blinded, int reviewersPerRecord) {

    public ReviewProtocol {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(question, "question");
        criteria = List.copyOf(criteria);
        searches = List.copyOf(searches);
        reviewers = List.copyOf(reviewers);
        if (reviewersPerRecord < 1) {
            throw new IllegalArgumentException("at least one reviewer per record");
        }
    }

    /** A new review with no criteria, searches or reviewers yet: one reviewer per record, not blinded. */
    public static ReviewProtocol empty() {
        return new ReviewProtocol("", "", List.of(), List.of(), List.of(), false, 1);
    }

    /** The criterion with this id, if the protocol has one. */
    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The reviewer with these initials, if one is in the team. */
    public Optional<Reviewer> reviewer(String id) {
        return reviewers.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
