package quire.api.export;

import java.util.Locale;
import java.util.Objects;

/**
 * Which references of the library to export.
 *
 * <ul>
 * <li>{@link Kind#ALL}: every reference, in library order;</li>
 * <li>{@link Kind#QUERY}: the results of a search (in Quire's query language), best first; needs the search
 *     service;</li>
 * <li>{@link Kind#TAG}: the references carrying the user's tag, compared without regard to case, in library
 *     order;</li>
 * <li>{@link Kind#DECISION}: the references with a screening decision, {@code include}, {@code exclude} or
 *     {@code maybe}, in library order: the verdict the review settled
 *     ({@link quire.api.review.ReviewService#settledVerdicts()}); for references without one, the prior screening
 *     label in the further field {@value #DECISION_FIELD} (compared without regard to case).</li>
 * </ul>
 *
 * @param kind  what to select by
 * @param value the query, tag or decision; empty for {@link Kind#ALL}
 */
public record ExportSelection(Kind kind, String value) {

    /** The further field that holds a reference's screening decision until the review workflow keeps them. */
    public static final String DECISION_FIELD = "screeningLabel";

    /** What a selection selects by. */
    public enum Kind {
        /** Every reference. */
        ALL,
        /** The results of a search. */
        QUERY,
        /** The references with a tag. */
        TAG,
        /** The references with a screening decision. */
        DECISION
    }

    public ExportSelection {
        Objects.requireNonNull(kind, "kind");
        value = Objects.requireNonNull(value, "value").strip();
        if (kind == Kind.ALL && !value.isEmpty()) {
            throw new IllegalArgumentException("selecting all references takes no value");
        }
        if (kind != Kind.ALL && value.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT)
                    + " selection needs a value");
        }
        if (kind == Kind.DECISION) {
            value = value.toLowerCase(Locale.ROOT);
            if (!value.equals("include") && !value.equals("exclude") && !value.equals("maybe")) {
                throw new IllegalArgumentException("a screening decision is include, exclude or maybe, not '"
                        + value + "'");
            }
        }
    }

    /** Every reference in the library. */
    public static ExportSelection all() {
        return new ExportSelection(Kind.ALL, "");
    }

    /** The references a search finds. */
    public static ExportSelection query(String query) {
        return new ExportSelection(Kind.QUERY, query);
    }

    /** The references with this tag. */
    public static ExportSelection tag(String tag) {
        return new ExportSelection(Kind.TAG, tag);
    }

    /** The references with this screening decision: {@code include}, {@code exclude} or {@code maybe}. */
    public static ExportSelection decision(String decision) {
        return new ExportSelection(Kind.DECISION, decision);
    }
}
