package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.search.FacetCount;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.search.SortOrder;

/**
 * {@code search QUERY [--limit N] [--offset N] [--sort ORDER] [--facets] [--format text|json]}: best first, with
 * scores. With {@code --format json} the output is an array of references, each with its {@code score} and its
 * {@code highlights} ({@code title}, {@code abstract}: snippets with the matches in {@code <mark>}, or null);
 * {@code --facets} makes it an object {@code {"hits": [...], "total": N, "facets": {"year": [{"value",
 * "count"}], ...}}}.
 */
@Component(service = Command.class, property = Command.NAME + "=search")
public final class SearchCommand implements Command {

    /** The orders of {@code --sort}; a leading {@code -} reverses one. */
    private static final Map<String, SortOrder.Field> ORDERS = Map.of(
            "relevance", SortOrder.Field.RELEVANCE,
            "year", SortOrder.Field.YEAR,
            "author", SortOrder.Field.FIRST_AUTHOR,
            "title", SortOrder.Field.TITLE,
            "added", SortOrder.Field.DATE_ADDED);

    private static final String ORDER_LIST = "relevance, year, -year, author, title, added, -added";

    private final SearchService search;

    @Activate
    public SearchCommand(@Reference SearchService search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "search the library (words, \"phrases\", author:, year:2020..2024, AND/OR/NOT)";
    }

    @Override
    public String usage() {
        return "search QUERY [--limit N] [--offset N] [--sort relevance|year|-year|author|title|added]"
                + " [--facets] [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws UsageException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--limit", "--offset", "--format", "--sort"),
                Set.of("--facets"));
        String format = arguments.format("text", "json");
        int limit = arguments.positiveInt("--limit", 20);
        int offset = nonNegativeInt(arguments, "--offset");
        SortOrder order = sortOrder(arguments.option("--sort"));
        boolean facets = arguments.flag("--facets");
        if (arguments.operands().isEmpty()) {
            throw new UsageException("give a query, e.g. quire search 'author:barez interpretability'");
        }
        String query = String.join(" ", arguments.operands());
        SearchRequest request = SearchRequest.of(query, limit).page(offset, limit).withSort(order);
        if (facets) {
            request = request.withFacets();
        }
        if (format.equals("json")) {
            request = request.withHighlights();
        }
        SearchResult result = run(search, request);
        if (format.equals("json")) {
            ArrayNode hits = hitsJson(result.hits(), true);
            if (facets) {
                ObjectNode object = ReferenceJson.MAPPER.createObjectNode();
                object.set("hits", hits);
                object.put("total", result.totalHits());
                object.set("facets", facetsJson(result.facets()));
                io.out().println(object.toPrettyString());
            } else {
                io.out().println(hits.toPrettyString());
            }
        } else {
            printHits(result.hits(), io);
            if (facets) {
                printFacets(result.facets(), io);
            }
            io.err().println(result.totalHits() + " matching, " + result.hits().size() + " shown"
                    + (offset > 0 ? " from " + (offset + 1) : ""));
        }
        return OK;
    }

    /** Runs a request; a query that does not parse is a usage error that points at the spot. */
    static SearchResult run(SearchService search, SearchRequest request) throws UsageException {
        try {
            return search.search(request);
        } catch (QuerySyntaxException e) {
            throw badQuery(request.query(), e);
        }
    }

    /** The query is the user's input: point at the spot like a compiler does. */
    static UsageException badQuery(String query, QuerySyntaxException e) {
        return new UsageException("bad query: " + e.getMessage()
                + (e.position() >= 0 ? "\n  " + query + "\n  " + " ".repeat(e.position()) + "^" : ""));
    }

    static SortOrder sortOrder(Optional<String> option) throws UsageException {
        if (option.isEmpty()) {
            return SortOrder.RELEVANCE;
        }
        String value = option.get().strip().toLowerCase(Locale.ROOT);
        boolean descending = value.startsWith("-");
        SortOrder.Field field = ORDERS.get(descending ? value.substring(1) : value);
        if (field == null) {
            throw new UsageException("unknown --sort " + option.get() + " (use " + ORDER_LIST
                    + "; a leading - reverses)");
        }
        // relevance is always best first
        return field == SortOrder.Field.RELEVANCE ? SortOrder.RELEVANCE : new SortOrder(field, descending);
    }

    static int nonNegativeInt(Arguments arguments, String name) throws UsageException {
        Optional<String> value = arguments.option(name);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number of 0 or more, not '" + value.get() + "'");
        }
    }

    /** The hits as the JSON array of references, each with its score (and its snippets when asked for). */
    static ArrayNode hitsJson(List<SearchHit> hits, boolean highlights) {
        ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
        for (SearchHit hit : hits) {
            ObjectNode node = ReferenceJson.of(hit.reference()).put("score", hit.score());
            if (highlights) {
                ObjectNode snippets = node.putObject("highlights");
                for (String field : List.of("title", "abstract")) {
                    String snippet = hit.highlights().get(field);
                    if (snippet == null) {
                        snippets.putNull(field);
                    } else {
                        snippets.put(field, snippet);
                    }
                }
            }
            array.add(node);
        }
        return array;
    }

    static ObjectNode facetsJson(Map<String, List<FacetCount>> facets) {
        ObjectNode object = ReferenceJson.MAPPER.createObjectNode();
        for (Map.Entry<String, List<FacetCount>> facet : new java.util.TreeMap<>(facets).entrySet()) {
            ArrayNode values = object.putArray(facet.getKey());
            facet.getValue().forEach(value -> values.addObject().put("value", value.value())
                    .put("count", value.count()));
        }
        return object;
    }

    static void printHits(List<SearchHit> hits, CommandIO io) {
        for (SearchHit hit : hits) {
            io.out().printf(Locale.ROOT, "%6.2f  %s%n", hit.score(), ReferenceText.line(hit.reference()));
        }
    }

    /** One line per facet after the hits: {@code year: 2024 (12), 2023 (9)}. */
    static void printFacets(Map<String, List<FacetCount>> facets, CommandIO io) {
        if (facets.isEmpty()) {
            return;
        }
        io.out().println();
        for (String dim : List.of("year", "type", "venue", "tag", "decision", "source")) {
            List<FacetCount> values = facets.get(dim);
            if (values == null) {
                continue;
            }
            io.out().println(dim + ": " + (values.isEmpty() ? "-" : values.stream()
                    .map(value -> value.value() + " (" + value.count() + ")")
                    .collect(Collectors.joining(", "))));
        }
    }
}
