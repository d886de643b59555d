package quire.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/** The studies included: whatever every earlier stage passed. */
@Component(service = ReviewStage.class)
public final class IncludedStage implements ReviewStage {

    @Override
    public String id() {
        return INCLUDED;
    }

    @Override
    public String label() {
        return "Included";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public boolean screened() {
        return false;
    }

    @Override
    public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
        return new StageOutcome(Set.copyOf(entered), Set.copyOf(entered), Map.of(), Set.of());
    }
}
