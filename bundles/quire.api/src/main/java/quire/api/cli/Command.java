package quire.api.cli;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command of {@code ./quire COMMAND [ARGS]} and of the Gogo console ({@code quire COMMAND [ARGS]}). A bundle
 * adds a command by registering a {@code Command} service with the {@link #NAME} property; the
 * {@link CommandLine} picks it up.
 *
 * <p>Exit codes: {@link #OK}; {@link #FAILED} when the work failed; {@link #USAGE} for bad arguments, unknown
 * options and missing files (throw {@link UsageException} to get it with a one-line message).
 */
@ConsumerType
public interface Command {

    /** Service property: the command's name, e.g. {@code import}. */
    String NAME = "quire.command.name";

    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;

    /** The name typed to run it. */
    String name();

    /** One line for the command list, e.g. "import files into the library". */
    String summary();

    /** The usage line, e.g. {@code import [--format F] FILE...}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws UsageException for bad arguments (exit code {@link #USAGE})
     * @throws Exception for failures (exit code {@link #FAILED}, message shown on one line)
     */
    int run(List<String> args, CommandIO io) throws Exception;
}
