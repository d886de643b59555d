package quire.api.work;

import java.util.Objects;

/**
 * A running job as the user sees it.
 *
 * @param id        stable while the job runs; pass it to {@link Jobs#cancel}
 * @param name      the name it was submitted with
 * @param task      the task the work last began ({@link Progress#begin}), empty before that
 * @param done      units of work done in that task
 * @param total     units of work in that task, -1 when unknown
 * @param detail    the work's last {@link Progress#detail}, empty when none
 * @param cancelled whether the user asked it to stop
 */
public record JobStatus(long id, String name, String task, long done, long total, String detail,
        boolean cancelled) {

    public JobStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(detail, "detail");
    }

    /** How far the task is, 0 to 1; -1 when its size is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
