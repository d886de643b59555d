package quire.priority;

import java.io.PrintStream;
import java.util.Locale;
import quire.api.work.Progress;

/**
 * The simulation's progress line on the console: redrawn in place at most ten times a second when a person
 * watches, a plain line every few seconds when stderr goes to a file or a pipe. {@link #cancel()} stops the work
 * at the next record.
 */
final class SimulationProgress implements Progress {

    private final PrintStream err;
    private final boolean interactive;
    private String task = "";
    private long total = -1;
    private long done;
    private long lastDraw = System.nanoTime();
    private boolean drawn;
    private volatile boolean cancelled;

    SimulationProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void begin(String name, long totalWork) {
        task = name;
        total = totalWork;
        done = 0;
    }

    @Override
    public synchronized void worked(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (now - lastDraw > (interactive ? 100_000_000L : 5_000_000_000L)) {
            lastDraw = now;
            String line = total > 0
                    ? String.format(Locale.ROOT, "%s: %d of %d records screened", task, done, total)
                    : String.format(Locale.ROOT, "%s: %d records screened", task, done);
            if (interactive) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
                drawn = true;
            } else {
                err.println(line);
            }
        }
    }

    /** Clears the progress line so that the next output starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
