package quire.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.library.Library;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchService;

/** {@code export --format FORMAT [--query Q] [-o FILE]}: with the installed exporters; stdout without -o. */
@Component(service = Command.class, property = Command.NAME + "=export")
public final class ExportCommand implements Command {

    private final Library library;
    private final Map<String, Exporter> exporters = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService search;

    @Activate
    public ExportCommand(@Reference Library library) {
        this.library = library;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExporter(Exporter exporter) {
        exporters.putIfAbsent(exporter.format(), exporter);
    }

    void removeExporter(Exporter exporter) {
        exporters.remove(exporter.format(), exporter);
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export references (all, or a query's results) to a file or stdout";
    }

    @Override
    public String usage() {
        return "export --format FORMAT [--query Q] [-o FILE]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--format", "--query", "-o", "--output"),
                Set.of());
        if (!arguments.operands().isEmpty()) {
            throw new UsageException("unexpected '" + arguments.operands().get(0) + "'");
        }
        String format = arguments.option("--format").orElseThrow(
                () -> new UsageException("name the format with --format (installed: " + installed() + ")"));
        Exporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new UsageException("no exporter for format '" + format + "' is installed (installed: "
                    + installed() + ")");
        }
        List<quire.api.model.Reference> references = select(arguments);
        var output = arguments.option("-o").or(() -> arguments.option("--output"));
        if (output.isEmpty()) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
            exporter.write(references, ExportOptions.NONE, writer);
            writer.flush();
        } else {
            writeAtomically(Path.of(output.get()), exporter, references);
            io.err().println("quire export: wrote " + references.size() + " references as " + format + " to "
                    + output.get());
        }
        return OK;
    }

    private List<quire.api.model.Reference> select(Arguments arguments) throws UsageException {
        var query = arguments.option("--query");
        if (query.isEmpty()) {
            return library.references();
        }
        SearchService service = search;
        if (service == null) {
            throw new UsageException("--query needs the search index, which is not installed");
        }
        try {
            return service.search(SearchRequest.of(query.get(), Integer.MAX_VALUE)).hits().stream()
                    .map(SearchHit::reference).toList();
        } catch (QuerySyntaxException e) {
            throw new UsageException("bad --query: " + e.getMessage());
        }
    }

    /** The old file stays whole until the new one is complete and on disk. */
    private static void writeAtomically(Path target, Exporter exporter, List<quire.api.model.Reference> references)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".quire-tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
            exporter.write(references, ExportOptions.NONE, writer);
            writer.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private String installed() {
        return exporters.isEmpty() ? "none" : String.join(", ", new TreeMap<>(exporters).keySet());
    }
}
