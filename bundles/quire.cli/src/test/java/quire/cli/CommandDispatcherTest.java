package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;

class CommandDispatcherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CommandDispatcher dispatcher, String... args) {
        return dispatcher.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The body of a test command. */
    interface Body {
        int run(List<String> args, CommandIO io) throws Exception;
    }

    private static Command command(String name, Body body) {
        return new Command() {
            @Override public String name() { return name; }
            @Override public String summary() { return "does " + name; }
            @Override public String usage() { return name + " [X]"; }
            @Override public int run(List<String> args, CommandIO io) throws Exception { return body.run(args, io); }
        };
    }

    @Test
    void dispatchesToTheNamedCommandWithItsArguments() {
        CommandDispatcher dispatcher = new CommandDispatcher();
        dispatcher.addCommand(command("echo", (args, io) -> {
            io.out().print(String.join("|", args));
            return 0;
        }));
        assertEquals(0, run(dispatcher, "echo", "a", "b c"));
        assertEquals("a|b c", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBundleAddsASubcommandByNamingItCommandDashSubcommand() {
        CommandDispatcher dispatcher = new CommandDispatcher();
        dispatcher.addCommand(command("review", (args, io) -> {
            io.out().print("review:" + String.join("|", args));
            return 0;
        }));
        dispatcher.addCommand(command("review-simulate", (args, io) -> {
            io.out().print("simulate:" + String.join("|", args));
            return 0;
        }));
        assertEquals(0, run(dispatcher, "review", "simulate", "a.csv"));
        assertEquals("simulate:a.csv", out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run(dispatcher, "review", "status"));
        assertEquals("review:status", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAndUsageErrorsExitTwoWithOneLine() {
        CommandDispatcher dispatcher = new CommandDispatcher();
        dispatcher.addCommand(command("strict", (args, io) -> {
            throw new UsageException("no such option --x");
        }));
        assertEquals(2, run(dispatcher, "nope"));
        assertEquals("quire: unknown command 'nope' (commands: strict)\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run(dispatcher, "strict", "--x"));
        assertEquals("quire strict: no such option --x (usage: quire strict [X])\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failuresExitOneWithTheMessageAndNoStackTrace() {
        CommandDispatcher dispatcher = new CommandDispatcher();
        dispatcher.addCommand(command("boom", (args, io) -> {
            throw new java.io.IOException("disk full");
        }));
        assertEquals(1, run(dispatcher, "boom"));
        assertEquals("quire boom: disk full\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsInstalledCommands() {
        CommandDispatcher dispatcher = new CommandDispatcher();
        dispatcher.addCommand(command("zeta", (a, io) -> 0));
        dispatcher.addCommand(command("alpha", (a, io) -> 0));
        assertEquals(0, run(dispatcher, "help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.indexOf("alpha [X]") < help.indexOf("zeta [X]"), help);
    }

    @Test
    void argumentsRejectUnknownOptionsAndMissingValues() throws UsageException {
        Arguments parsed = Arguments.parse("search", List.of("a", "--limit=5", "b", "--format", "json", "--", "--c"),
                Set.of("--limit", "--format"), Set.of());
        assertEquals(List.of("a", "b", "--c"), parsed.operands());
        assertEquals(5, parsed.positiveInt("--limit", 20));
        assertEquals("json", parsed.format("text", "json"));
        assertThrows(UsageException.class, () -> Arguments.parse("x", List.of("--nope"), Set.of(), Set.of()));
        assertThrows(UsageException.class, () -> Arguments.parse("x", List.of("--limit"), Set.of("--limit"), Set.of()));
        Arguments badLimit = Arguments.parse("x", List.of("--limit", "0"), Set.of("--limit"), Set.of());
        assertThrows(UsageException.class, () -> badLimit.positiveInt("--limit", 1));
    }
}
