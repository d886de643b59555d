package quire.ui.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;
import quire.testing.TestViewContext;
import quire.testing.VirtualDisplay;

/** The plugins view in a real window: rows from the plugins service, a faulty one marked, disabled by a click. */
class PluginsViewTest {

    private Display display;
    private Shell shell;

    /** Plugins as the service reports them; disable and enable flip the flag as the real one does. */
    private final List<PluginInfo> installed = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Plugins plugins = new Plugins() {
        @Override
        public List<PluginInfo> plugins() {
            return new ArrayList<>(installed);
        }

        @Override
        public void disable(long bundleId) {
            calls.add("disable " + bundleId);
            flip(bundleId, true);
        }

        @Override
        public void enable(long bundleId) {
            calls.add("enable " + bundleId);
            flip(bundleId, false);
        }

        private void flip(long bundleId, boolean disabled) {
            installed.replaceAll(p -> p.bundleId() != bundleId ? p : new PluginInfo(p.bundleId(), p.symbolicName(),
                    p.version(), p.location(), disabled ? "RESOLVED" : "ACTIVE", disabled, p.contributions(),
                    p.problems()));
        }
    };

    @BeforeEach
    void open() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 300);
    }

    @AfterEach
    void close() {
        display.dispose();
    }

    @Test
    void listsPluginsWithTheirProblemsAndDisablesTheSelectedOne() throws Exception {
        installed.add(new PluginInfo(41, "org.team.ids", "1.0.0", "file:/p/ids.jar", "ACTIVE", false,
                List.of("Importer identifier-list"), List.of()));
        installed.add(new PluginInfo(42, "faulty.throwing", "1.0.0", "file:/p/t.jar", "ACTIVE", false,
                List.of("Importer faulty"), List.of(new PluginProblem("faulty.throwing", PluginProblem.Kind.THREW,
                        "importer 'faulty' recognises a.ris", "IllegalStateException: bug", Instant.now()))));
        PluginsView view = new PluginsView(plugins);
        TestViewContext context = new TestViewContext(display);
        Control control = view.createControl(shell, context);
        shell.open();
        Table table = find(control, Table.class);
        waitFor(() -> table.getItemCount() == 2, "the two plugins listed");

        assertEquals("org.team.ids", table.getItem(0).getText(0));
        assertEquals("Importer identifier-list", table.getItem(0).getText(3));
        assertEquals("", table.getItem(0).getText(4));
        assertEquals("threw: importer 'faulty' recognises a.ris: IllegalStateException: bug",
                table.getItem(1).getText(4));

        Button disable = button(control, "Disable");
        Button enable = button(control, "Enable");
        assertFalse(disable.getEnabled(), "nothing selected, nothing to disable");
        table.setSelection(1);
        table.notifyListeners(SWT.Selection, new Event());
        assertTrue(disable.getEnabled());
        assertFalse(enable.getEnabled());
        disable.notifyListeners(SWT.Selection, new Event());

        waitFor(() -> table.getItemCount() == 2 && table.getItem(1).getText(2).equals("disabled"),
                "the row to show the plugin disabled");
        assertEquals(List.of("disable 42"), calls);
        assertEquals("Disabled faulty.throwing", context.statusMessage().orElseThrow().text());

        // a bundle event or a new problem refreshes the open view
        installed.remove(0);
        view.handleEvent(new org.osgi.service.event.Event(Plugins.TOPIC_PROBLEM, java.util.Map.of()));
        waitFor(() -> table.getItemCount() == 1, "the removed plugin to leave the list");
    }

    private void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    private static <T extends Control> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Button button(Control control, String text) {
        for (Control child : ((Composite) control).getChildren()) {
            if (child instanceof Button button && button.getText().equals(text)) {
                return button;
            }
        }
        throw new AssertionError("no button " + text);
    }
}
