package quire.review;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import quire.api.review.Criterion;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/**
 * Full-text screening: the reports sought are assessed for eligibility. A report that could not be obtained is
 * excluded with the reason {@link Criterion#NOT_RETRIEVED}, which PRISMA counts as "reports not retrieved" rather
 * than as assessed.
 */
@Component(service = ReviewStage.class)
public final class FullTextStage implements ReviewStage {

    @Override
    public String id() {
        return FULL_TEXT;
    }

    @Override
    public String label() {
        return "Full-text screening";
    }

    @Override
    public int order() {
        return 400;
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
