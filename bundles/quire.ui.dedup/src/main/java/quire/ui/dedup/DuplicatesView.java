package quire.ui.dedup;

import java.util.Optional;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.dedup.DedupService;
import quire.api.library.Library;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/** The "Duplicates" view in the centre of the workbench: the review queue of deduplication. */
@Component(service = View.class)
public final class DuplicatesView implements View {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DedupService dedup;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Library library;

    @Override
    public String id() {
        return "quire.dedup.queue";
    }

    @Override
    public String label() {
        return "Duplicates";
    }

    @Override
    public Placement placement() {
        return Placement.CENTRE;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        return new DuplicatesPanel(parent, context, this::queue).control();
    }

    private Optional<ReviewQueue> queue() {
        DedupService d = dedup;
        Library l = library;
        return d == null || l == null ? Optional.empty() : Optional.of(new ReviewQueue(d, l));
    }
}
