package quire.api.search;

import java.util.Objects;

/**
 * A query and which page of its results to return, in what order, with what extras.
 *
 * @param query      the query, in Quire's query language (free text, phrases, AND/OR/NOT, field:value)
 * @param offset     how many hits to skip
 * @param limit      how many hits to return at most
 * @param sort       the order of the hits
 * @param facets     whether to count the matching references per facet value (year, type, venue, tag,
 *                   decision, source)
 * @param highlights whether to return snippets of title and abstract with the matches marked
 */
public record SearchRequest(String query, int offset, int limit, SortOrder sort, boolean facets,
        boolean highlights) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** The first {@code limit} hits by relevance, without facets or highlights. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, 0, limit, SortOrder.RELEVANCE, false, false);
    }

    /** This request with results in the given order. */
    public SearchRequest withSort(SortOrder order) {
        return new SearchRequest(query, offset, limit, order, facets, highlights);
    }

    /** This request asking also for facet counts (year, type, venue, tag, decision, source). */
    public SearchRequest withFacets() {
        return new SearchRequest(query, offset, limit, sort, true, highlights);
    }

    /** This request asking also for highlighted snippets of the matching text. */
    public SearchRequest withHighlights() {
        return new SearchRequest(query, offset, limit, sort, facets, true);
    }

    /** This request for another page of results: skip {@code newOffset} hits, return at most {@code newLimit}. */
    public SearchRequest page(int newOffset, int newLimit) {
        return new SearchRequest(query, newOffset, newLimit, sort, facets, highlights);
    }
}
