package quire.api.work;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs long work (an import, a reindex, an export, a duplicate search) off the caller's thread, where the user sees
 * it: the window shows each job in its status line with a progress bar and a cancel button, and an error dialog
 * naming the job when it fails. The workbench registers this service while its window is open; on the command line
 * there is none, and callers run the work themselves with their own {@link Progress}.
 *
 * <pre>{@code
 * jobs.submit("Import " + file.getFileName(), progress -> importService.importFile(file, Optional.empty(),
 *         ImportOptions.NONE, progress))
 *     .thenAccept(report -> ...);
 * }</pre>
 */
@ProviderType
public interface Jobs {

    /**
     * Starts the work on a thread of the service and returns at once.
     *
     * @param name what the user sees while it runs and in the error message if it fails, e.g. "Import seeds.bib"
     * @param work the work; it reports to the {@link Progress} it is given and checks
     *             {@link Progress#isCancelled()} between steps
     * @return completes with the work's result; completes exceptionally with the work's exception, or with a
     *         {@link CancelledException} when the user cancelled. Cancelling the future cancels the work.
     */
    <T> CompletableFuture<T> submit(String name, Work<T> work);

    /** The jobs started and not yet finished, oldest first. */
    List<JobStatus> running();

    /** Asks the job to stop (its {@link Progress} reports cancelled); false when no such job is running. */
    boolean cancel(long jobId);
}
