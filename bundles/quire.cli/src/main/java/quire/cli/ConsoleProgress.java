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
    private volatile String detail = "";
    private long done;
    private long total = -1;
    private long lastDraw = System.nanoTime();
    private boolean drawn;

    ConsoleProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void begin(String name, long totalWork) {
        task = name;
        detail = "";
        total = totalWork;
        done = 0;
    }

    @Override
    public synchronized void worked(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (interactive && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            err.print("\r" + line() + "\u001b[K");
            err.flush();
            drawn = true;
        } else if (!interactive && now - lastDraw > 5_000_000_000L) {
            // a log or a pipe gets a plain line every few seconds, so long work is still seen to move
            lastDraw = now;
            err.println(line());
        }
    }

    @Override
    public void detail(String text) {
        detail = text;
    }

    /** "Importing big.bib: 45%, 123,456 records" */
    private String line() {
        String amount;
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            amount = percent + "%";
        } else {
            amount = String.format("%,d", done);
        }
        return task + ": " + amount + (detail.isEmpty() ? "" : ", " + detail);
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
