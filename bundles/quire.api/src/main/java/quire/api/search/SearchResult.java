package quire.api.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param query     the query that was run
 * @param totalHits how many references match in all
 * @param hits      this page, best first
 */
public record SearchResult(String query, long totalHits, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
