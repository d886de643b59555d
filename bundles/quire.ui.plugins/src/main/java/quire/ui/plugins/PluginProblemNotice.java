package quire.ui.plugins;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.plugins.Plugins;
import quire.ui.api.WorkbenchContext;

/** Puts a plugin's fault in the window's status line as it is recorded, naming the plugin. */
@Component(property = EventConstants.EVENT_TOPIC + "=" + Plugins.TOPIC_PROBLEM)
public final class PluginProblemNotice implements EventHandler {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile WorkbenchContext workbench;

    @Override
    public void handleEvent(Event event) {
        WorkbenchContext window = workbench;
        if (window != null) {
            window.showError("Plugin " + event.getProperty("bundle") + ": " + event.getProperty("message")
                    + " (View > Plugins to disable it)");
        }
    }
}
