package quire.review.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.cli.UsageException;

/**
 * A subcommand's arguments split into options ({@code --name value}, {@code --name=value}, {@code -o value}) and
 * operands. Options a subcommand does not declare are usage errors, so a typo never passes silently.
 */
final class Options {

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Options() {
    }

    static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags)
            throws UsageException {
        Options parsed = new Options();
        boolean operandsOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (operandsOnly || !arg.startsWith("-") || arg.equals("-")) {
                parsed.operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                operandsOnly = true;
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (flags.contains(name) && value == null) {
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else {
                throw new UsageException("unknown option " + name + " for 'review " + command + "'");
            }
        }
        return parsed;
    }

    Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> operands() {
        return operands;
    }

    /** The {@code --format} option limited to the given choices, or the first choice. */
    String format(String... choices) throws UsageException {
        String format = option("--format").orElse(choices[0]);
        for (String choice : choices) {
            if (choice.equals(format)) {
                return format;
            }
        }
        throw new UsageException("unknown --format " + format + " (use " + String.join(" or ", choices) + ")");
    }

    int positiveInt(String name, int fallback) throws UsageException {
        Optional<String> value = option(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a positive whole number, not '" + value.get() + "'");
        }
    }
}
