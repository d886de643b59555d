package quire.ui.citations;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.review.ScreeningOrder;
import quire.api.search.SearchService;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/**
 * The citation view, contributed to the workbench's centre. It follows the library's and the review's events: a
 * change of the library lists again, a decision reads the statuses again. The review and the screening order are
 * optional: without a review the screening keys say so in the status line.
 */
@Component(service = {View.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED})
public final class CitationsView implements View, EventHandler, CitationServices {

    /** The view's id. */
    public static final String ID = "quire.citations";

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Library library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService searchService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReviewService reviewService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScreeningOrder screeningOrder;

    private final List<CitationTable> open = new CopyOnWriteArrayList<>();
    private final List<ViewContext> sites = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Citations";
    }

    @Override
    public Placement placement() {
        return Placement.CENTRE;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        CitationTable table = new CitationTable(parent, context, this);
        open.add(table);
        sites.add(context);
        table.control().addListener(SWT.Dispose, e -> {
            open.remove(table);
            sites.remove(context);
        });
        return table.control();
    }

    @Override
    public void handleEvent(Event event) {
        boolean decided = ReviewService.TOPIC_DECIDED.equals(event.getTopic());
        for (int i = 0; i < open.size(); i++) {
            CitationTable table = open.get(i);
            ViewContext site = sites.get(i);
            site.asyncExec(decided ? table::reloadStatuses : table::reload);
        }
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public Optional<SearchService> search() {
        return Optional.ofNullable(searchService);
    }

    @Override
    public Optional<ReviewService> review() {
        return Optional.ofNullable(reviewService);
    }

    @Override
    public Optional<ScreeningOrder> screeningOrder() {
        return Optional.ofNullable(screeningOrder);
    }
}
