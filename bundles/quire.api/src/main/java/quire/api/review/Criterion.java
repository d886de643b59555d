package quire.api.review;

import java.util.Objects;

/**
 * An eligibility criterion of the protocol; its id is the reason given when a record is excluded.
 *
 * @param id   short and stable, e.g. {@code wrong-population}
 * @param text what the criterion says
 */
public record Criterion(String id, String text) {

    /** The reserved reason for a full text that could not be obtained (PRISMA's "reports not retrieved"). */
    public static final String NOT_RETRIEVED = "not-retrieved";

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a criterion needs an id");
        }
    }
}
