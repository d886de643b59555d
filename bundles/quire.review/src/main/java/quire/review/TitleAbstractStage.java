package quire.review;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/** Title and abstract screening: reviewers include, exclude (with a reason) or mark maybe; maybe goes on. */
@Component(service = ReviewStage.class)
public final class TitleAbstractStage implements ReviewStage {

    @Override
    public String id() {
        return TITLE_ABSTRACT;
    }

    @Override
    public String label() {
        return "Title and abstract screening";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean screened() {
        return true;
    }

    @Override
    public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
        return ScreenedOutcome.of(entered, decisions);
    }
}
