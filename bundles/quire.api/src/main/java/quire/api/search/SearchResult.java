package quire.api.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param query     the query that was run
 * @param totalHits how many references match in all
 * @param hits      this page, in the requested order
 * @param facets    counts per facet ({@code year}, {@code type}, {@code venue}, {@code tag}, {@code decision},
 *                  {@code source}) over all matching references, largest first; empty unless requested
 */
public record SearchResult(String query, long totalHits, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public SearchResult(String query, long totalHits, List<SearchHit> hits) {
        this(query, totalHits, hits, Map.of());
    }
}
