package quire.cli;

import java.io.PrintStream;
import quire.api.work.Progress;

/**
 * A progress line on the console: redrawn in place at most ten times a second when a person watches, and left
 * alone when output goes to a file or a pipe (where carriage returns only make a mess).
 */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private final boolean interactive;
    private volatile String task = "";
    private long done;
    private long total = -1;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream err, boolean interactive) {
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
        if (interactive && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            err.print("\r" + task + ": " + done + (total > 0 ? " of " + total : "") + "\u001b[K");
            err.flush();
            drawn = true;
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

    @Override
    public boolean isCancelled() {
        return false; // the console cancels with Ctrl-C, which stops the process after the last durable batch
    }
}
