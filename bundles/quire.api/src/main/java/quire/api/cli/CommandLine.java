package quire.api.cli;

import java.io.PrintStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a command line against the installed {@link Command}s. The launcher calls {@link #execute} with the
 * arguments after its own options; the Gogo console calls it for {@code quire ...}.
 */
@ProviderType
public interface CommandLine {

    /**
     * Runs {@code args} (the command name first) and returns its exit code. Never throws: every failure becomes a
     * one-line message on {@code err} and an exit code.
     */
    int execute(List<String> args, PrintStream out, PrintStream err);
}
