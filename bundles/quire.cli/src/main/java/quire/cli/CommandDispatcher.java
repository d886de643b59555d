package quire.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.CommandLine;
import quire.api.cli.UsageException;
import quire.api.importing.ImportReport;
import quire.api.importing.Seeds;

/**
 * Runs command lines against every installed {@link Command} (whiteboard). Also the Gogo console's
 * {@code quire} function: {@code g! quire search interpretability}.
 */
@Component(service = {CommandLine.class, CommandDispatcher.class}, property = {
        "osgi.command.scope=quire", "osgi.command.function=quire"})
public final class CommandDispatcher implements CommandLine {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());

    private final Map<String, Command> commands = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Seeds seeds;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(Command command) {
        Command previous = commands.putIfAbsent(command.name(), command);
        if (previous != null && previous != command) {
            LOG.warning("two commands are named '" + command.name() + "'; keeping the first");
        }
    }

    void removeCommand(Command command) {
        commands.remove(command.name(), command);
    }

    /** Gogo entry point. */
    public void quire(String... args) {
        int code = execute(List.of(args), System.out, System.err);
        if (code != Command.OK) {
            System.err.println("(exit code " + code + ")");
        }
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            printHelp(out);
            return Command.OK;
        }
        String name = args.get(0);
        Command command = commands.get(name);
        int argsFrom = 1;
        // a bundle may add a subcommand to another's command: "review simulate" runs a command named
        // "review-simulate" when one is installed
        if (args.size() > 1 && commands.containsKey(name + "-" + args.get(1))) {
            name = name + "-" + args.get(1);
            command = commands.get(name);
            argsFrom = 2;
        }
        if (command == null) {
            err.println("quire: unknown command '" + name + "' (commands: " + String.join(", ", names()) + ")");
            return Command.USAGE;
        }
        boolean interactive = System.console() != null;
        try {
            seedIfNew(err, interactive);
            int code = command.run(List.copyOf(args.subList(argsFrom, args.size())), new CommandIO(out, err, interactive));
            out.flush();
            return code;
        } catch (UsageException e) {
            err.println("quire " + name + ": " + e.getMessage() + " (usage: quire " + command.usage() + ")");
            return Command.USAGE;
        } catch (NoSuchFileException e) {
            err.println("quire " + name + ": no such file: " + e.getFile());
            return Command.USAGE;
        } catch (UncheckedIOException e) {
            err.println("quire " + name + ": " + message(e.getCause()));
            return Command.FAILED;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "command " + name + " failed", e);
            err.println("quire " + name + ": " + message(e));
            return Command.FAILED;
        }
    }

    private void seedIfNew(PrintStream err, boolean interactive) throws IOException {
        Seeds current = seeds;
        if (current == null) {
            return;
        }
        ConsoleProgress progress = new ConsoleProgress(err, interactive);
        List<ImportReport> reports = current.ensureImported(progress);
        progress.finish();
        for (ImportReport report : reports) {
            err.println("quire: new workspace: imported " + report.added() + " seed references from "
                    + report.file());
        }
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private List<String> names() {
        return new TreeMap<>(commands).keySet().stream().toList();
    }

    private void printHelp(PrintStream out) {
        out.println("usage: quire [--workspace DIR] [--verbose] COMMAND [ARGS]");
        out.println("       quire                 open the workbench window");
        out.println("commands:");
        new TreeMap<>(commands).values().forEach(c -> out.printf("  %-58s %s%n", c.usage(), c.summary()));
    }

    Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }
}
