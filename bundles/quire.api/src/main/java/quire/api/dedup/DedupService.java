package quire.api.dedup;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

/**
 * Deduplication of the open workspace's library. Exact matches come from the DOI, the arXiv id (any version) and
 * the PMID; fuzzy ones from the normalised title, confirmed by year (within one), first author, venue, volume and
 * pages. Records with different DOIs are never merged automatically.
 *
 * <p>Every merge and undo is written to an append-only, fsynced log in the workspace before the library changes,
 * so undo works after a restart. Records already marked {@link #DUPLICATE_OF} take no further part.
 */
@ProviderType
public interface DedupService {

    /** The field a merged-away record carries, naming the id of the record it was merged into. */
    String DUPLICATE_OF = "duplicateOf";

    /**
     * Finds the duplicate groups among the records not yet marked as duplicates: the automatic ones and the review
     * queue, most confident first. Pairs a reviewer rejected are left out. Changes nothing.
     *
     * @throws CancelledException when the progress is cancelled
     */
    List<DuplicateGroup> find(Progress progress);

    /** The groups that wait for a reviewer: {@link #find} without the automatic ones. */
    default List<DuplicateGroup> reviewQueue(Progress progress) {
        return find(progress).stream().filter(g -> !g.automatic()).toList();
    }

    /**
     * Finds the groups and merges the automatic ones, in one durable change of the library; the report has every
     * group found (the review queue too) and the merges made.
     *
     * @throws CancelledException when the progress is cancelled before anything is merged
     */
    DedupReport mergeAutomatic(Progress progress) throws IOException;

    /**
     * Merges records a reviewer accepted as duplicates (from the review queue). The most complete record survives.
     *
     * @throws IllegalArgumentException when fewer than two ids are given, an id is unknown or a record is already
     *                                  marked as a duplicate
     */
    Merge merge(List<String> referenceIds) throws IOException;

    /** Records that a reviewer judged these records not to be duplicates: their pairs leave the review queue. */
    void reject(List<String> referenceIds) throws IOException;

    /**
     * Undoes a merge: the survivor gets back the values it had before, and the merged records lose their mark.
     *
     * @throws IllegalArgumentException when no merge in effect has this id
     * @throws IllegalStateException    when the survivor changed since the merge (undo the later merge first)
     */
    Merge undo(String mergeId) throws IOException;

    /** The merges in effect (not undone), oldest first. */
    List<Merge> merges();
}
