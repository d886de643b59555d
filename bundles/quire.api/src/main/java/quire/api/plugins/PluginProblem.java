package quire.api.plugins;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a plugin did wrong.
 *
 * @param bundle  the symbolic name of the bundle at fault
 * @param kind    what kind of fault
 * @param call    what was being done, e.g. {@code importer 'doi-list': recognises x.txt}
 * @param message why, in words a user can act on
 * @param at      when
 */
public record PluginProblem(String bundle, Kind kind, String call, String message, Instant at) {

    /** The kinds of fault. */
    public enum Kind {
        /** A call into the plugin threw. */
        THREW,
        /** A call into the plugin took longer than its time limit and was abandoned. */
        HUNG,
        /** The bundle cannot resolve: an import or capability it needs is missing. */
        UNRESOLVED
    }

    public PluginProblem {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
