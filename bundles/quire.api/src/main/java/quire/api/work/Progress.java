package quire.api.work;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where long work reports how far it got, and learns whether the user cancelled it. The window shows it as a
 * progress bar with a cancel button, the console as a progress line. Implementations must be thread-safe: the
 * work reports from its own thread.
 */
@ConsumerType
public interface Progress {

    /** Progress that is shown nowhere and never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long totalWork) {
        }

        @Override
        public void worked(long amount) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Starts a task of {@code totalWork} units (or -1 when unknown), e.g. bytes of a file or references. */
    void begin(String task, long totalWork);

    /** Reports {@code amount} more units done. */
    void worked(long amount);

    /** What the work has done so far in its own terms, e.g. "12,345 records"; shown beside the progress. */
    default void detail(String detail) {
    }

    /** Whether the user asked to stop; work checks this between records and stops cleanly. */
    boolean isCancelled();
}
