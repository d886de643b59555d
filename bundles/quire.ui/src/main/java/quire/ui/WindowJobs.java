package quire.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import quire.api.work.CancelledException;
import quire.api.work.JobStatus;
import quire.api.work.Jobs;
import quire.api.work.Progress;
import quire.api.work.Work;

/**
 * The workbench's {@link Jobs}: each job runs on a worker thread of its own pool (daemon threads, so a job that
 * ignores cancellation cannot keep the JVM alive). The status line polls {@link #running()}; a job that fails is
 * handed to the failure listener, which shows the error dialog.
 */
final class WindowJobs implements Jobs {

    private static final Logger LOG = Logger.getLogger(WindowJobs.class.getName());

    private final ExecutorService workers;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final BiConsumer<String, Throwable> failed;
    private final Runnable changed;

    /**
     * @param failed  told the job's name and its exception when work fails (not when it was cancelled); any thread
     * @param changed told when a job starts or ends; any thread
     */
    WindowJobs(BiConsumer<String, Throwable> failed, Runnable changed) {
        this.failed = failed;
        this.changed = changed;
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "quire-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> CompletableFuture<T> submit(String name, Work<T> work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        Job job = new Job(ids.incrementAndGet(), name);
        CompletableFuture<T> result = new CompletableFuture<>();
        // cancelling the future is how a caller cancels the work
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                job.cancelled.set(true);
            }
        });
        running.put(job.id, job);
        changed.run();
        try {
            workers.execute(() -> run(job, work, result));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(job.id);
            result.completeExceptionally(new IllegalStateException("the window is closing; " + name + " did not start"));
        }
        return result;
    }

    private <T> void run(Job job, Work<T> work, CompletableFuture<T> result) {
        try {
            T value = work.run(job);
            if (job.isCancelled()) {
                result.completeExceptionally(new CancelledException(job.name + " was cancelled"));
            } else {
                result.complete(value);
            }
        } catch (CancelledException e) {
            result.completeExceptionally(e);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.log(Level.WARNING, job.name + " failed", e);
            result.completeExceptionally(e);
            if (!job.isCancelled()) {
                failed.accept(job.name, e);
            }
        } finally {
            running.remove(job.id);
            changed.run();
        }
    }

    @Override
    public List<JobStatus> running() {
        List<JobStatus> list = new ArrayList<>();
        for (Job job : running.values()) {
            list.add(job.status());
        }
        list.sort((a, b) -> Long.compare(a.id(), b.id()));
        return list;
    }

    @Override
    public boolean cancel(long jobId) {
        Job job = running.get(jobId);
        if (job == null) {
            return false;
        }
        job.cancelled.set(true);
        changed.run();
        return true;
    }

    /** Cancels every job and stops the workers; waits a little for them to notice. */
    void close() {
        running.values().forEach(job -> job.cancelled.set(true));
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One job: its progress as the work reports it. */
    private static final class Job implements Progress {
        final long id;
        final String name;
        final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile String task = "";
        private volatile String detail = "";
        private final AtomicLong done = new AtomicLong();
        private volatile long total = -1;

        Job(long id, String name) {
            this.id = id;
            this.name = name;
        }

        @Override
        public void begin(String taskName, long totalWork) {
            task = taskName == null ? "" : taskName;
            total = totalWork;
            done.set(0);
        }

        @Override
        public void worked(long amount) {
            done.addAndGet(amount);
        }

        @Override
        public void detail(String text) {
            detail = text == null ? "" : text;
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        JobStatus status() {
            return new JobStatus(id, name, task, done.get(), total, detail, cancelled.get());
        }
    }
}
