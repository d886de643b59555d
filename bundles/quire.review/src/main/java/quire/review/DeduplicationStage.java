package quire.review;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.library.Library;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/**
 * Duplicates removed: a record whose further field {@value #DUPLICATE_OF} names another record of the library is a
 * duplicate merged away (that is how the deduplication bundle marks them) and goes no further; every other record
 * passes.
 */
@Component(service = ReviewStage.class)
public final class DeduplicationStage implements ReviewStage {

    /** The further field naming the record a duplicate was merged into. */
    static final String DUPLICATE_OF = "duplicateOf";

    /** The reason counted for a duplicate. */
    static final String DUPLICATE = "duplicate";

    private final Library library;

    @Activate
    public DeduplicationStage(@Reference Library library) {
        this.library = library;
    }

    @Override
    public String id() {
        return DEDUPLICATION;
    }

    @Override
    public String label() {
        return "Duplicates removed";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean screened() {
        return false;
    }

    @Override
    public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
        Set<String> present = new HashSet<>(entered);
        Set<String> passed = new LinkedHashSet<>();
        int duplicates = 0;
        for (String id : entered) {
            Optional<String> original = library.reference(id).flatMap(r -> r.field(DUPLICATE_OF)).map(String::strip)
                    .filter(o -> !o.equals(id));
            // a duplicate of a record that is no longer there is the only copy left: it stays
            if (original.isPresent() && (present.contains(original.get())
                    || library.reference(original.get()).isPresent())) {
                duplicates++;
            } else {
                passed.add(id);
            }
        }
        return new StageOutcome(Set.copyOf(entered), passed,
                duplicates == 0 ? Map.of() : Map.of(DUPLICATE, duplicates), Set.of());
    }
}
