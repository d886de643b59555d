package quire.api.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls contributed services so that a faulty plugin cannot take the workbench down: a call that throws is
 * reported with the plugin's name; a call that takes longer than its limit is abandoned (its thread is left to
 * finish or not) and reported as hung. Either way the caller gets a {@link PluginFailure} and carries on, and the
 * problem is listed by {@link Plugins#plugins()}.
 */
@ProviderType
public interface PluginGuard {

    /** The limit for quick calls: a format check, a label, a stage's counts. */
    Duration QUICK = Duration.ofSeconds(2);

    /**
     * Runs {@code call} on another thread and waits at most {@code limit} for it.
     *
     * @param bundle  the symbolic name of the bundle whose service is called (the one blamed)
     * @param what    what is being done, for the message, e.g. {@code importer 'ris': recognises a.txt}
     */
    <T> T call(String bundle, String what, Duration limit, Callable<T> call) throws PluginFailure;

    /** Records a fault found by the caller itself (e.g. a long read it cancelled). */
    void report(String bundle, PluginProblem.Kind kind, String what, Throwable cause);
}
