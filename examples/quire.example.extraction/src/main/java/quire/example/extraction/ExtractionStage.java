package quire.example.extraction;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/**
 * Data extraction, after the studies are included: the included studies enter; those that at least one reviewer
 * has extracted completely under the current form pass; the rest are pending. Reviewers do not include or exclude
 * here: they fill the form, so the stage is not screened and excludes nothing.
 */
// the property names the contribution in `quire plugins` (a convention of quire.plugins, not an API constant)
@Component(service = ReviewStage.class, property = "quire.stage.id=" + ExtractionStage.ID)
public final class ExtractionStage implements ReviewStage {

    public static final String ID = "data-extraction";

    private static final Logger LOG = Logger.getLogger(ExtractionStage.class.getName());

    private final ExtractionStore store;

    @Activate
    public ExtractionStage(@Reference ExtractionStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Data extraction";
    }

    @Override
    public int order() {
        return 1100;
    }

    @Override
    public boolean screened() {
        return false;
    }

    @Override
    public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
        Set<String> complete;
        try {
            complete = store.completeStudies(store.form());
        } catch (FormException e) {
            // with a broken form nothing can be judged complete: every study waits until the form is fixed
            LOG.warning(e.getMessage());
            complete = Set.of();
        }
        return outcome(entered, complete);
    }

    /** The outcome for the studies that entered, given those with a complete extraction. */
    static StageOutcome outcome(List<String> entered, Set<String> complete) {
        Set<String> passed = new LinkedHashSet<>();
        Set<String> pending = new LinkedHashSet<>();
        for (String study : entered) {
            (complete.contains(study) ? passed : pending).add(study);
        }
        return new StageOutcome(Set.copyOf(entered), passed, Map.of(), pending);
    }
}
