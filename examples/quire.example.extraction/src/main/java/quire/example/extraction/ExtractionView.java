package quire.example.extraction;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/** The data-extraction view: the included studies on the left, the form of the selected one on the right. */
@Component(service = View.class, property = "quire.view.id=quire.example.extraction")
public final class ExtractionView implements View {

    private final ExtractionStore store;
    private final ReviewService review;
    private final Library library;

    @Activate
    public ExtractionView(@Reference ExtractionStore store, @Reference ReviewService review,
            @Reference Library library) {
        this.store = store;
        this.review = review;
        this.library = library;
    }

    @Override
    public String id() {
        return "quire.example.extraction";
    }

    @Override
    public String label() {
        return "Data extraction";
    }

    @Override
    public Placement placement() {
        return Placement.CENTRE;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        // all state lives in the panel, so the view can be built again after its control was disposed
        return new ExtractionPanel(parent, context, store, review, library).control();
    }
}
