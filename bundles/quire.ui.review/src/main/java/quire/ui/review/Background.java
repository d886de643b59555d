package quire.ui.review;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import quire.ui.api.ViewContext;

/**
 * A view's own thread: reads the review (which may touch the disk) away from the UI thread and hands the result
 * back with {@link ViewContext#asyncExec}. Refresh requests that arrive while one is queued fold into it.
 */
final class Background implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    private final ExecutorService worker;

    Background(String name) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Gathers on the worker and shows on the UI thread; a request while one is pending is dropped. */
    <T> void refresh(AtomicBoolean pending, ViewContext context, Supplier<T> gather, Consumer<T> show) {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                pending.set(false);
                try {
                    T result = gather.get();
                    context.asyncExec(() -> show.accept(result));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a review view could not be updated: " + e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.set(false); // the view is going away
        }
    }

    /** Runs an action (resolve, save) on the worker; failures go to the status line. */
    void run(ViewContext context, String what, Action action) {
        try {
            worker.execute(() -> {
                try {
                    String done = action.run();
                    context.workbench().showStatus(done);
                } catch (Exception e) {
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    context.workbench().showError(what + " failed: " + message);
                }
            });
        } catch (RejectedExecutionException e) {
            context.workbench().showError(what + " failed: the view is closing");
        }
    }

    /** Work that reports what it did, for the status line. */
    @FunctionalInterface
    interface Action {
        String run() throws Exception;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
