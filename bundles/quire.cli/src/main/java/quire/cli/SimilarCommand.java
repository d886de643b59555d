package quire.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.library.Library;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;

/**
 * {@code similar ID... [--limit N] [--format text|json]}: the references most like the given ones ("more like
 * this" on title, abstract and keywords), best first, the given ones left out; with several ids, the papers like
 * all of them (like the ones included so far). JSON as {@code search}: an array of references with their score.
 */
@Component(service = Command.class, property = Command.NAME + "=similar")
public final class SimilarCommand implements Command {

    private final SearchService search;
    private final Library library;

    @Activate
    public SimilarCommand(@Reference SearchService search, @Reference Library library) {
        this.search = search;
        this.library = library;
    }

    @Override
    public String name() {
        return "similar";
    }

    @Override
    public String summary() {
        return "references like the given ones (more like this)";
    }

    @Override
    public String usage() {
        return "similar ID... [--limit N] [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws UsageException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--limit", "--format"), Set.of());
        String format = arguments.format("text", "json");
        int limit = arguments.positiveInt("--limit", 20);
        Set<String> ids = new LinkedHashSet<>(arguments.operands());
        if (ids.isEmpty()) {
            throw new UsageException("give the id of one reference or more, e.g. quire similar cunningham2023"
                    + " (quire list shows the ids)");
        }
        List<String> unknown = ids.stream().filter(id -> library.reference(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("no reference with id " + String.join(", ", unknown)
                    + " in the library (quire list shows the ids)");
        }
        SearchResult result = search.similar(ids, limit);
        if (format.equals("json")) {
            io.out().println(SearchCommand.hitsJson(result.hits(), false).toPrettyString());
        } else {
            SearchCommand.printHits(result.hits(), io);
            io.err().println(result.hits().size() + " similar to " + String.join(", ", ids));
        }
        return OK;
    }
}
