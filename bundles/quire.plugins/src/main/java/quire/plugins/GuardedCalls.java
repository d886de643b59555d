package quire.plugins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import quire.api.plugins.PluginFailure;
import quire.api.plugins.PluginGuard;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;

/**
 * Runs calls into plugins on daemon threads of its own and waits for them with a limit. An abandoned call's thread
 * is interrupted and left: Java cannot kill it, but nobody waits on it any more.
 */
@Component(service = {PluginGuard.class, GuardedCalls.class})
public final class GuardedCalls implements PluginGuard {

    private static final Logger LOG = Logger.getLogger(GuardedCalls.class.getName());
    /** Problems kept per bundle: enough to see a pattern, bounded against a plugin that fails in a loop. */
    private static final int KEPT_PER_BUNDLE = 20;

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "quire-plugin-call-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<PluginProblem>> problems = new HashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Deactivate
    void deactivate() {
        calls.shutdownNow();
    }

    @Override
    public <T> T call(String bundle, String what, Duration limit, Callable<T> call) throws PluginFailure {
        Future<T> future = calls.submit(call);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginFailure(record(bundle, PluginProblem.Kind.HUNG, what,
                    "gave no answer within " + seconds(limit) + "; abandoned", null), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PluginFailure(record(bundle, PluginProblem.Kind.THREW, what, describe(cause), cause), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailure(record(bundle, PluginProblem.Kind.HUNG, what, "interrupted while waiting", e), e);
        }
    }

    @Override
    public void report(String bundle, PluginProblem.Kind kind, String what, Throwable cause) {
        record(bundle, kind, what, cause == null ? kind.name().toLowerCase(java.util.Locale.ROOT) : describe(cause),
                cause);
    }

    /** The problems recorded for the bundle, oldest first. */
    public List<PluginProblem> problemsOf(String bundle) {
        synchronized (problems) {
            Deque<PluginProblem> list = problems.get(bundle);
            return list == null ? List.of() : new ArrayList<>(list);
        }
    }

    PluginProblem record(String bundle, PluginProblem.Kind kind, String what, String message, Throwable cause) {
        PluginProblem problem = new PluginProblem(bundle, kind, what, message, Instant.now());
        synchronized (problems) {
            Deque<PluginProblem> list = problems.computeIfAbsent(bundle, b -> new ArrayDeque<>());
            if (list.size() == KEPT_PER_BUNDLE) {
                list.removeFirst();
            }
            list.addLast(problem);
        }
        LOG.log(Level.WARNING, "plugin " + bundle + ": " + what + ": " + message, cause);
        EventAdmin eventAdmin = events;
        if (eventAdmin != null) {
            eventAdmin.postEvent(new Event(Plugins.TOPIC_PROBLEM,
                    Map.of("bundle", bundle, "message", what + ": " + message, "kind", kind.name())));
        }
        return problem;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
