package quire.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/** The records identified: every record of the library, passed on as they are. */
@Component(service = ReviewStage.class)
public final class IdentificationStage implements ReviewStage {

    @Override
    public String id() {
        return IDENTIFICATION;
    }

    @Override
    public String label() {
        return "Identification";
    }

    @Override
    public int order() {
        return 100;
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
