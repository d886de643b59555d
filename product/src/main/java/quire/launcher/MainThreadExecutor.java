package quire.launcher;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs tasks on the thread that calls {@link #runUntil}: the JVM's main thread. SWT needs its display on one
 * thread for good, and on macOS that must be the first thread; the UI bundle gets it through this executor,
 * registered as a service with {@code quire.thread=main}.
 */
final class MainThreadExecutor implements Executor {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs tasks as they come until {@code done} is true between tasks. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable task = tasks.poll(100, TimeUnit.MILLISECONDS);
            if (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    System.err.println("quire: a task on the main thread failed: " + e);
                }
            }
        }
    }
}
