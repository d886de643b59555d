package quire.ui.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something the user can do, contributed as an OSGi service: an id, a label, an optional key binding, when it is
 * enabled, and what it does. Where it appears is said separately, by {@link MenuContribution} and
 * {@link ToolbarContribution} services naming its {@link #id()}; its key binding works as soon as the command is
 * registered, anywhere in the window except while typing in a text field.
 *
 * <pre>{@code
 * @Component(service = Command.class)
 * public final class CountSelected implements Command {
 *     public String id() { return "acme.count"; }
 *     public String label() { return "Count selected"; }
 *     public Optional<String> keyBinding() { return Optional.of("Ctrl+Shift+C"); }
 *     public boolean enabled(WorkbenchContext context) { return !context.selection().isEmpty(); }
 *     public void execute(WorkbenchContext context) {
 *         context.showStatus(context.selection().size() + " selected");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #enabled} and {@link #execute} are called on the UI thread: long work goes to
 * {@link quire.api.work.Jobs}. A command that throws is reported in the status line and the log.
 */
@ConsumerType
public interface Command {

    /** Unique and stable, e.g. {@code quire.file.import}. */
    String id();

    /** The menu item's and tool button's text, e.g. "Import…". */
    String label();

    /**
     * The key binding as text: modifiers {@code Ctrl}, {@code Shift}, {@code Alt} joined by {@code +} to a key,
     * which is a letter, a digit, {@code F1} to {@code F12}, {@code Delete}, {@code Enter} or {@code Escape}, e.g.
     * {@code Ctrl+Shift+I} or {@code F5}. {@code Ctrl} is Command on macOS. Empty for none.
     */
    default Optional<String> keyBinding() {
        return Optional.empty();
    }

    /** Whether it can be run now; asked when a menu opens and when the context changes. */
    default boolean enabled(WorkbenchContext context) {
        return true;
    }

    /** Does it, on the UI thread. */
    void execute(WorkbenchContext context) throws Exception;
}
