package quire.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.search.FacetCount;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

/**
 * A small search over a library: every word must occur in the title, {@code year:N} filters by year, an unbalanced
 * parenthesis is a syntax error at its position. Counts the searches it ran.
 */
public final class FakeSearch implements SearchService {

    private final Library library;
    private volatile int searches;

    /** How many searches ran. */
    public int searches() {
        return searches;
    }

    public FakeSearch(Library library) {
        this.library = library;
    }

    @Override
    public SearchResult search(SearchRequest request) throws QuerySyntaxException {
        searches++;
        String query = request.query();
        int open = query.indexOf('(');
        if (open >= 0 && query.indexOf(')', open) < 0) {
            throw new QuerySyntaxException("a parenthesis is not closed", open);
        }
        List<String> words = new ArrayList<>();
        for (String word : query.replaceAll("[()]|\\bAND\\b", " ").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        Map<String, Long> years = new TreeMap<>();
        for (Reference reference : library.references()) {
            boolean match = true;
            for (String word : words) {
                if (word.startsWith("year:")) {
                    match &= reference.year().map(String::valueOf).orElse("").equals(word.substring(5));
                } else {
                    match &= reference.title().toLowerCase(Locale.ROOT).contains(word);
                }
            }
            if (match) {
                hits.add(new SearchHit(reference, 1f));
                reference.year().ifPresent(y -> years.merge(String.valueOf(y), 1L, Long::sum));
            }
        }
        int total = hits.size();
        List<SearchHit> page = hits.subList(Math.min(request.offset(), total),
                Math.min(total, request.offset() + request.limit()));
        Map<String, List<FacetCount>> facets = request.facets()
                ? Map.of("year", years.entrySet().stream().map(e -> new FacetCount(e.getKey(), e.getValue())).toList())
                : Map.of();
        return new SearchResult(query, total, page, facets);
    }

    @Override
    public SearchResult similar(Collection<String> ids, int limit) {
        return new SearchResult("", 0, List.of());
    }

    @Override
    public void rebuild(Progress progress) {
    }
}
