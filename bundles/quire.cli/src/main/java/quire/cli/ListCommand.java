package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.library.Library;
import quire.api.model.Reference;

/** {@code list [--format text|json]}: every reference, in the order first stored. */
@Component(service = Command.class, property = Command.NAME + "=list")
public final class ListCommand implements Command {

    private final Library library;

    @Activate
    public ListCommand(@org.osgi.service.component.annotations.Reference Library library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the references of the library";
    }

    @Override
    public String usage() {
        return "list [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws UsageException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--format"), Set.of());
        if (!arguments.operands().isEmpty()) {
            throw new UsageException("list takes no operands; did you mean 'search'?");
        }
        List<Reference> references = library.references();
        if (arguments.format("text", "json").equals("json")) {
            ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
            references.forEach(r -> array.add(ReferenceJson.of(r)));
            io.out().println(array.toPrettyString());
        } else {
            references.forEach(r -> io.out().println(ReferenceText.line(r)));
            io.err().println(references.size() + " references");
        }
        return OK;
    }
}
