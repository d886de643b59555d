package quire.api.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: results to {@code out}, messages and progress to {@code err}.
 *
 * @param out         results (what a script would pipe on)
 * @param err         errors, warnings and progress
 * @param interactive whether a person watches {@code err} (then progress lines may redraw in place)
 */
public record CommandIO(PrintStream out, PrintStream err, boolean interactive) {
    public CommandIO {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
