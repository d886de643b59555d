package quire.ui.facets;

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
import quire.api.search.SearchService;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/** The facets view, contributed to the workbench's left area; a change of the library counts again. */
@Component(service = {View.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED)
public final class FacetsView implements View, EventHandler {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService searchService;

    private final List<FacetsPanel> open = new CopyOnWriteArrayList<>();
    private final List<ViewContext> sites = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "quire.facets";
    }

    @Override
    public String label() {
        return "Facets";
    }

    @Override
    public Placement placement() {
        return Placement.LEFT;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        FacetsPanel panel = new FacetsPanel(parent, context, () -> Optional.ofNullable(searchService));
        open.add(panel);
        sites.add(context);
        panel.control().addListener(SWT.Dispose, e -> {
            open.remove(panel);
            sites.remove(context);
        });
        return panel.control();
    }

    @Override
    public void handleEvent(Event event) {
        for (int i = 0; i < open.size(); i++) {
            sites.get(i).asyncExec(open.get(i)::reload);
        }
    }
}
