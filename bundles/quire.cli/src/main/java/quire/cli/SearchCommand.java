package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;

/** {@code search QUERY [--limit N] [--format text|json]}: best first, with scores. */
@Component(service = Command.class, property = Command.NAME + "=search")
public final class SearchCommand implements Command {

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
        return "search QUERY [--limit N] [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws UsageException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--limit", "--format"), Set.of());
        String format = arguments.format("text", "json");
        int limit = arguments.positiveInt("--limit", 20);
        if (arguments.operands().isEmpty()) {
            throw new UsageException("give a query, e.g. quire search 'author:barez interpretability'");
        }
        String query = String.join(" ", arguments.operands());
        SearchResult result;
        try {
            result = search.search(SearchRequest.of(query, limit));
        } catch (QuerySyntaxException e) {
            // the query is the user's input: point at the spot like a compiler does
            throw new UsageException("bad query: " + e.getMessage()
                    + (e.position() >= 0 ? "\n  " + query + "\n  " + " ".repeat(e.position()) + "^" : ""));
        }
        if (format.equals("json")) {
            ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
            for (SearchHit hit : result.hits()) {
                array.add(ReferenceJson.of(hit.reference()).put("score", hit.score()));
            }
            io.out().println(array.toPrettyString());
        } else {
            for (SearchHit hit : result.hits()) {
                io.out().printf("%6.2f  %s%n", hit.score(), ReferenceText.line(hit.reference()));
            }
            io.err().println(result.totalHits() + " matching, " + result.hits().size() + " shown");
        }
        return OK;
    }
}
