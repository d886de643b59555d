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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.export.ExportException;
import quire.api.export.ExportOptions;
import quire.api.export.ExportReport;
import quire.api.export.ExportSelection;
import quire.api.export.ExportService;
import quire.api.search.QuerySyntaxException;

/**
 * {@code export --format FORMAT [--query Q | --tag T | --decision include|exclude|maybe] [-o FILE]}: with the
 * export service and the installed exporters; stdout without -o. References without a citation key get one, which
 * the workspace keeps, so that later exports give them the same key.
 */
@Component(service = Command.class, property = Command.NAME + "=export")
public final class ExportCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExportService exports;

    /** Activated by Declarative Services. */
    public ExportCommand() {
    }

    /** A command with the given service, for tests. */
    ExportCommand(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export references (all, a query's results, a tag or a screening decision) to a file or stdout";
    }

    @Override
    public String usage() {
        return "export --format FORMAT [--query Q | --tag T | --decision include|exclude|maybe] [-o FILE]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args,
                Set.of("--format", "--query", "--tag", "--decision", "-o", "--output"), Set.of());
        if (!arguments.operands().isEmpty()) {
            throw new UsageException("unexpected '" + arguments.operands().get(0) + "'");
        }
        ExportService service = exports;
        if (service == null) {
            throw new UsageException("the export service is not installed (bundle quire.exporting)");
        }
        String format = arguments.option("--format").orElseThrow(
                () -> new UsageException("name the format with --format (installed: " + installed(service) + ")"));
        if (!service.formats().contains(format)) {
            throw new UsageException("no exporter for format '" + format + "' is installed (installed: "
                    + installed(service) + ")");
        }
        ExportSelection selection = selection(arguments);
        Optional<String> output = arguments.option("-o").or(() -> arguments.option("--output"));
        ExportReport report;
        try {
            if (output.isEmpty()) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
                report = service.export(selection, format, ExportOptions.NONE, writer);
                writer.flush();
            } else {
                report = writeAtomically(Path.of(output.get()), service, selection, format);
            }
        } catch (ExportException e) {
            if (e.getCause() instanceof QuerySyntaxException syntax) {
                throw new UsageException("bad --query: " + syntax.getMessage());
            }
            throw new UsageException(e.getMessage());
        }
        if (output.isPresent()) {
            io.err().println("quire export: wrote " + report.exported() + " references as " + format + " to "
                    + output.get());
        }
        if (!report.assignedKeys().isEmpty()) {
            io.err().println("quire export: gave " + report.assignedKeys().size() + " references a citation key;"
                    + " the workspace keeps it for later exports");
        }
        return OK;
    }

    /** The selection the options ask for: at most one of --query, --tag and --decision; all without any. */
    private static ExportSelection selection(Arguments arguments) throws UsageException {
        Optional<String> query = arguments.option("--query");
        Optional<String> tag = arguments.option("--tag");
        Optional<String> decision = arguments.option("--decision");
        if (Stream.of(query, tag, decision).filter(Optional::isPresent).count() > 1) {
            throw new UsageException("select by one of --query, --tag and --decision, not several");
        }
        try {
            if (query.isPresent()) {
                return ExportSelection.query(query.get());
            }
            if (tag.isPresent()) {
                return ExportSelection.tag(tag.get());
            }
            if (decision.isPresent()) {
                return ExportSelection.decision(decision.get());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return ExportSelection.all();
    }

    /** The old file stays whole until the new one is complete and on disk. */
    private static ExportReport writeAtomically(Path target, ExportService service, ExportSelection selection,
            String format) throws IOException, ExportException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".quire-tmp");
        ExportReport report;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
            report = service.export(selection, format, ExportOptions.NONE, writer);
            writer.flush();
            channel.force(true);
        } catch (IOException | ExportException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return report;
    }

    private static String installed(ExportService service) {
        List<String> formats = service.formats();
        return formats.isEmpty() ? "none" : String.join(", ", formats);
    }
}
