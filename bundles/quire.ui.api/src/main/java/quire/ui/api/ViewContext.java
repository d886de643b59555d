package quire.ui.api;

import org.osgi.annotation.versioning.ProviderType;
import quire.api.work.Jobs;

/**
 * What the workbench gives a {@link View} or {@link PreferencePage} when it builds its control: the shared
 * workbench state, the job service, and a way back to the UI thread that is safe after the control is gone.
 */
@ProviderType
public interface ViewContext {

    /** The state shared by all views: selection, query, filter, review stage, status line. */
    WorkbenchContext workbench();

    /** Where long work runs, with progress and cancel in the status line. */
    Jobs jobs();

    /**
     * Runs the action on the UI thread, later, unless the view's control has been disposed by then (then it is
     * dropped silently). Call from any thread; this is how background work shows its results.
     */
    void asyncExec(Runnable action);
}
