package quire.api.review;

import java.util.Objects;

/**
 * A member of the review team.
 *
 * @param id   the reviewer's initials, unique in the team; decisions are recorded under it
 * @param name the full name
 */
public record Reviewer(String id, String name) {

    public Reviewer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs initials");
        }
    }
}
