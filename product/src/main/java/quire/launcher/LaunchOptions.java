package quire.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's own options, parsed from the front of the command line; everything from the command name on is
 * the command's.
 *
 * @param workspace  the workspace folder the user named (--workspace, else QUIRE_WORKSPACE), or empty for the
 *                   default one, which alone gets seeded
 * @param verbose    print start-up timing and INFO logging
 * @param headless   leave the ui feature out
 * @param screenshot a PNG file: open the window, save a screenshot once the table is filled, and close
 * @param command    the command and its arguments; empty opens the window
 */
record LaunchOptions(Optional<Path> workspace, boolean verbose, boolean headless, Optional<Path> screenshot,
        List<String> command) {

    static final String USAGE = "usage: quire [--workspace DIR] [--verbose] [--headless] [--screenshot FILE.png] "
            + "[COMMAND [ARGS]]   (quire help lists the commands)";

    /** Thrown for a bad launcher option: one line, exit code 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static LaunchOptions parse(String[] args, Map<String, String> environment) throws UsageError {
        Optional<Path> workspace = Optional.ofNullable(environment.get("QUIRE_WORKSPACE"))
                .filter(s -> !s.isBlank()).map(Path::of);
        boolean verbose = false;
        boolean headless = false;
        Optional<Path> screenshot = Optional.empty();
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--workspace", "--screenshot" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageError("quire: option " + arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        throw new UsageError("quire: option " + arg + " needs a value");
                    }
                    if (arg.equals("--workspace")) {
                        workspace = Optional.of(Path.of(value));
                    } else {
                        screenshot = Optional.of(Path.of(value));
                    }
                }
                case "--verbose", "-v" -> verbose = true;
                case "--headless" -> headless = true;
                case "--help", "-h" -> {
                    return new LaunchOptions(workspace, verbose, headless, screenshot, List.of("help"));
                }
                default -> throw new UsageError("quire: unknown option " + arg + "\n" + USAGE);
            }
        }
        List<String> command = new ArrayList<>();
        for (; i < args.length; i++) {
            command.add(args[i]);
        }
        if (screenshot.isPresent() && !command.isEmpty()) {
            throw new UsageError("quire: --screenshot applies to the window; give no command with it");
        }
        return new LaunchOptions(workspace, verbose, headless, screenshot, List.copyOf(command));
    }

    boolean opensWindow() {
        return command.isEmpty();
    }

    boolean opensConsole() {
        return command.size() == 1 && command.get(0).equals("console");
    }
}
