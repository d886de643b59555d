package quire.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import quire.api.work.JobStatus;
import quire.api.work.Jobs;
import quire.api.work.Progress;
import quire.api.work.Work;

/** Jobs on a thread of their own each, as the workbench runs them, without the status line; counts the jobs run. */
public final class ThreadJobs implements Jobs {

    private final AtomicInteger run = new AtomicInteger();

    @Override
    public <T> CompletableFuture<T> submit(String name, Work<T> work) {
        run.incrementAndGet();
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.run(Progress.NONE));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "job " + name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    @Override
    public List<JobStatus> running() {
        return List.of();
    }

    @Override
    public boolean cancel(long jobId) {
        return false;
    }

    /** How many jobs were submitted. */
    public int jobsRun() {
        return run.get();
    }
}
