package quire.api.search;

import java.util.Objects;

/**
 * How to order results.
 *
 * @param field      what to sort on
 * @param descending highest first
 */
public record SortOrder(Field field, boolean descending) {

    /** Best match first: the default. */
    public static final SortOrder RELEVANCE = new SortOrder(Field.RELEVANCE, true);

    /** The sortable fields. */
    public enum Field {
        RELEVANCE,
        YEAR,
        FIRST_AUTHOR,
        TITLE,
        DATE_ADDED
    }

    public SortOrder {
        Objects.requireNonNull(field, "field");
    }
}
