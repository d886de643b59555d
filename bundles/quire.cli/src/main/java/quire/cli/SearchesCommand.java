package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SavedSearch;
import quire.api.search.SavedSearches;

/**
 * {@code searches [list | save NAME QUERY | run NAME | remove NAME] [--format text|json]}: the saved searches of
 * the workspace, each with its hit count and when it last ran (the search record PRISMA-S asks for). In JSON a
 * saved search is {@code {"name", "query", "hitCount", "runAt"}} ({@code runAt} in ISO-8601, UTC); {@code list}
 * prints an array of them, {@code save} and {@code run} the one saved or run. A query that starts with {@code -}
 * goes after {@code --}: {@code quire searches save no-preprints -- -type:preprint}.
 */
@Component(service = Command.class, property = Command.NAME + "=searches")
public final class SearchesCommand implements Command {

    private final SavedSearches searches;

    @Activate
    public SearchesCommand(@Reference SavedSearches searches) {
        this.searches = searches;
    }

    @Override
    public String name() {
        return "searches";
    }

    @Override
    public String summary() {
        return "saved searches with their hit counts and dates (save, run, list, remove)";
    }

    @Override
    public String usage() {
        return "searches [list | save NAME QUERY | run NAME | remove NAME] [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--format"), Set.of());
        boolean json = arguments.format("text", "json").equals("json");
        List<String> operands = arguments.operands();
        String action = operands.isEmpty() ? "list" : operands.get(0);
        List<String> rest = operands.isEmpty() ? List.of() : operands.subList(1, operands.size());
        switch (action) {
            case "list" -> {
                none(action, rest);
                List<SavedSearch> all = searches.list();
                if (json) {
                    ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
                    all.forEach(saved -> array.add(json(saved)));
                    io.out().println(array.toPrettyString());
                } else {
                    all.forEach(saved -> io.out().println(line(saved)));
                    io.err().println(all.size() + (all.size() == 1 ? " saved search" : " saved searches"));
                }
            }
            case "save" -> {
                if (rest.size() < 2) {
                    throw new UsageException("save needs a name and a query, e.g. quire searches save sae"
                            + " 'sparse autoencoder*'");
                }
                String query = String.join(" ", rest.subList(1, rest.size()));
                SavedSearch saved;
                try {
                    saved = searches.save(rest.get(0), query);
                } catch (QuerySyntaxException e) {
                    throw SearchCommand.badQuery(query, e);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                print(saved, json, io);
            }
            case "run" -> {
                String searchName = one(action, rest);
                Optional<SavedSearch> again;
                try {
                    again = searches.rerun(searchName);
                } catch (QuerySyntaxException e) {
                    throw new UsageException("the saved search '" + searchName + "' no longer parses: "
                            + e.getMessage() + "; save it again with a corrected query");
                }
                print(again.orElseThrow(() -> unknown(searchName)), json, io);
            }
            case "remove" -> {
                String searchName = one(action, rest);
                if (!searches.remove(searchName)) {
                    throw unknown(searchName);
                }
                if (json) {
                    io.out().println(ReferenceJson.MAPPER.createObjectNode().put("removed", searchName)
                            .toPrettyString());
                } else {
                    io.out().println("removed " + searchName);
                }
            }
            default -> throw new UsageException("unknown action '" + action + "' (use list, save, run or remove)");
        }
        return OK;
    }

    private static void none(String action, List<String> rest) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException(action + " takes no operands; unexpected '" + rest.get(0) + "'");
        }
    }

    private static String one(String action, List<String> rest) throws UsageException {
        if (rest.size() != 1) {
            throw new UsageException(action + " needs the name of one saved search");
        }
        return rest.get(0);
    }

    private UsageException unknown(String name) {
        List<SavedSearch> all = searches.list();
        return new UsageException("no saved search named '" + name + "' (saved: " + (all.isEmpty() ? "none"
                : all.stream().map(SavedSearch::name).collect(Collectors.joining(", "))) + ")");
    }

    private static void print(SavedSearch saved, boolean json, CommandIO io) {
        io.out().println(json ? json(saved).toPrettyString() : line(saved));
    }

    /** {@code sae  12 hits  2026-03-01T09:00:00Z  sparse autoencoder*} */
    static String line(SavedSearch saved) {
        return saved.name() + "  " + saved.hitCount() + (saved.hitCount() == 1 ? " hit" : " hits") + "  "
                + saved.runAt() + "  " + saved.query();
    }

    static ObjectNode json(SavedSearch saved) {
        return ReferenceJson.MAPPER.createObjectNode()
                .put("name", saved.name())
                .put("query", saved.query())
                .put("hitCount", saved.hitCount())
                .put("runAt", saved.runAt().toString());
    }
}
