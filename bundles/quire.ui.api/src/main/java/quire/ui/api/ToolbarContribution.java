package quire.ui.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Puts a {@link Command} on the window's tool bar as a button with the command's label, contributed as an OSGi
 * service. The button is enabled when the command is and disappears with either service.
 */
@ConsumerType
public interface ToolbarContribution {

    /** The {@link Command#id()} of the command the button runs. */
    String commandId();

    /** Its position on the tool bar, lowest first. */
    default int order() {
        return 500;
    }
}
