package quire.ui.api;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view in the workbench window, contributed as an OSGi service: the window shows it as a tab in the area of its
 * {@link #placement()} for as long as the service is registered. A plugin adds a view by registering one, e.g.
 *
 * <pre>{@code
 * @Component(service = View.class)
 * public final class NotesView implements View {
 *     public String id() { return "acme.notes"; }
 *     public String label() { return "Notes"; }
 *     public Placement placement() { return Placement.BOTTOM; }
 *     public Control createControl(Composite parent, ViewContext context) {
 *         Text text = new Text(parent, SWT.MULTI | SWT.WRAP);
 *         context.workbench().watch(WorkbenchContext.Aspect.SELECTION,
 *                 () -> text.setText(String.join("\n", context.workbench().selection())));
 *         return text;
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #createControl} and {@link #dispose} are called on the UI thread. The same service may be asked for a
 * control again after {@link #dispose} (the window reopened, or the view closed and restored); keep per-control
 * state in the control, or reset it in {@link #dispose}. A view that throws is reported in the status line and the
 * log and left out; the rest of the window carries on.
 */
@ConsumerType
public interface View {

    /** Unique and stable (the window remembers its layout by it), e.g. {@code quire.citations}. */
    String id();

    /** The tab's text, e.g. "Citations". */
    String label();

    /** The area it goes in. */
    Placement placement();

    /** Its position among the tabs of its area, lowest first; the workbench's own views use multiples of 100. */
    default int order() {
        return 500;
    }

    /**
     * Builds the view's widgets in {@code parent} (which has a {@code FillLayout}) and returns the top one.
     * Subscriptions made through {@code context} end by themselves when the control is disposed.
     */
    Control createControl(Composite parent, ViewContext context);

    /**
     * Called on the UI thread after the control was disposed (window closed, view removed): release what the view
     * holds outside its widgets (threads, images, service listeners).
     */
    default void dispose() {
    }
}
