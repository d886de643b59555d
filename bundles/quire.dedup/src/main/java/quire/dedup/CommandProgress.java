package quire.dedup;

import java.io.PrintStream;
import java.util.Locale;
import quire.api.work.Progress;

/**
 * "Finding duplicates: 45%" on stderr: redrawn in place at most ten times a second when a person watches, a plain
 * line every few seconds when stderr goes to a file or a pipe. Ctrl-C stops the process; nothing is merged before
 * the finding is done, so a stopped run leaves the library as it was.
 */
final class CommandProgress implements Progress {

    private final PrintStream err;
    private final boolean interactive;
    private String task = "";
    private volatile String detail = "";
    private long total = -1;
    private long done;
    private long lastDraw = System.nanoTime();
    private boolean drawn;

    CommandProgress(PrintStream err, boolean interactive) {
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
            String line = total > 0 ? String.format(Locale.ROOT, "%s: %d%%", task, Math.min(100, done * 100 / total))
                    : String.format(Locale.ROOT, "%s: %,d", task, done);
            line += detail.isEmpty() ? "" : ", " + detail;
            if (interactive) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
                drawn = true;
            } else {
                err.println(line);
            }
        }
    }

    @Override
    public void detail(String text) {
        detail = text;
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
        return false;
    }
}
