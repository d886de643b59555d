package quire.api.work;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A piece of long work handed to {@link Jobs#submit}: it runs on a worker thread, reports to the progress it is
 * given, and stops (returning or throwing {@link CancelledException}) when the progress says it is cancelled.
 *
 * @param <T> what the work produces ({@link Void} and {@code null} when nothing)
 */
@ConsumerType
@FunctionalInterface
public interface Work<T> {

    /** Does the work; an exception fails the job and is shown to the user with the job's name. */
    T run(Progress progress) throws Exception;
}
