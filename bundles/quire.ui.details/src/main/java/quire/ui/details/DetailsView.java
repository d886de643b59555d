package quire.ui.details;

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
import quire.api.export.Exporter;
import quire.api.library.Library;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/** The details view, contributed to the workbench's right area; a change of the library refreshes it. */
@Component(service = {View.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED)
public final class DetailsView implements View, EventHandler, DetailsServices {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Library library;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Exporter.FORMAT + "=bibtex)")
    private final List<Exporter> exporters = new CopyOnWriteArrayList<>();

    private final List<DetailsPanel> open = new CopyOnWriteArrayList<>();
    private final List<ViewContext> sites = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "quire.details";
    }

    @Override
    public String label() {
        return "Details";
    }

    @Override
    public Placement placement() {
        return Placement.RIGHT;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        DetailsPanel panel = new DetailsPanel(parent, context, this);
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
            sites.get(i).asyncExec(open.get(i)::refresh);
        }
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public Optional<Exporter> bibtex() {
        return exporters.stream().filter(e -> "bibtex".equals(e.format())).findFirst();
    }
}
