package quire.api.search;

import java.util.Objects;

/**
 * A query and which page of its results to return.
 *
 * @param query  the query, in Quire's query language (free text, phrases, AND/OR/NOT, field:value)
 * @param offset how many hits to skip
 * @param limit  how many hits to return at most
 */
public record SearchRequest(String query, int offset, int limit) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, 0, limit);
    }
}
