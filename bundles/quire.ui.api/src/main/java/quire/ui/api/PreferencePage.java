package quire.ui.api;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the Preferences dialog (File &gt; Preferences…), contributed as an OSGi service. The dialog lists the
 * pages registered when it opens, by {@link #label()}; OK calls {@link #apply()} on each page that was shown, Cancel
 * nothing. All methods are called on the UI thread.
 */
@ConsumerType
public interface PreferencePage {

    /** Unique and stable, e.g. {@code quire.export.keys}. */
    String id();

    /** The page's name in the dialog's list. */
    String label();

    /** Builds the page's widgets in {@code parent} and returns the top one. */
    Control createControl(Composite parent, ViewContext context);

    /** Stores what the user chose (through ConfigAdmin or the page's own service); throw to keep the dialog open. */
    void apply() throws Exception;

    /** Called after the page's control was disposed. */
    default void dispose() {
    }
}
