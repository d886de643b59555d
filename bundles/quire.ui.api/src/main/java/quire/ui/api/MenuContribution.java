package quire.ui.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Puts a {@link Command} in a menu of the menu bar, contributed as an OSGi service. The item shows the command's
 * label and key binding, is enabled when the command is, and disappears with either service.
 */
@ConsumerType
public interface MenuContribution {

    /** The File menu. */
    String FILE = "File";
    /** The Edit menu. */
    String EDIT = "Edit";
    /** The View menu (the workbench lists the views there). */
    String VIEW = "View";
    /** The Review menu: screening and the review's stages. */
    String REVIEW = "Review";
    /** The Help menu. */
    String HELP = "Help";

    /**
     * The menu's name: one of the constants above, or another name, which adds a menu of that name before Help.
     */
    String menu();

    /** The {@link Command#id()} of the command the item runs; the item shows only while that command exists. */
    String commandId();

    /** Its position in the menu, lowest first. */
    default int order() {
        return 500;
    }
}
