package quire.ui.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quire.api.dedup.DedupService;
import quire.api.dedup.DuplicateGroup;
import quire.api.dedup.Merge;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.work.Progress;

/**
 * The view's access to deduplication, called off the UI thread: the queue with its records looked up, and the
 * reviewer's answers.
 */
final class ReviewQueue {

    /** A pair to review with both records. */
    record Item(DuplicateGroup group, Reference kept, Reference other) {
    }

    private final DedupService dedup;
    private final Library library;

    ReviewQueue(DedupService dedup, Library library) {
        this.dedup = dedup;
        this.library = library;
    }

    List<Item> load(Progress progress) {
        List<Item> items = new ArrayList<>();
        for (DuplicateGroup group : dedup.reviewQueue(progress)) {
            Optional<Reference> kept = library.reference(group.referenceIds().get(0));
            Optional<Reference> other = library.reference(group.referenceIds().get(1));
            if (kept.isPresent() && other.isPresent()) {
                items.add(new Item(group, kept.get(), other.get()));
            }
        }
        return items;
    }

    Merge accept(Item item) throws IOException {
        return dedup.merge(item.group().referenceIds());
    }

    void reject(Item item) throws IOException {
        dedup.reject(item.group().referenceIds());
    }

    Merge undo(Merge merge) throws IOException {
        return dedup.undo(merge.id());
    }

    int automatic(Progress progress) throws IOException {
        return dedup.mergeAutomatic(progress).merges().size();
    }
}
