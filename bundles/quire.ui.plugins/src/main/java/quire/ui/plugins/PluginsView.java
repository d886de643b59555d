package quire.ui.plugins;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/**
 * A table of the installed plugins, refreshed when a bundle changes or a plugin fault is recorded, with buttons to
 * disable and enable the selected one. Reading the list (which may ask the framework why a bundle does not
 * resolve) and switching a plugin run on a thread of the view, never on the UI thread.
 */
@Component(service = {View.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + Plugins.TOPIC_PROBLEM,
    EventConstants.EVENT_TOPIC + "=org/osgi/framework/BundleEvent/*"})
public final class PluginsView implements View, EventHandler {

    private static final Logger LOG = Logger.getLogger(PluginsView.class.getName());
    static final String[] COLUMNS = {"Plugin", "Version", "State", "Contributes", "Problems"};

    private final Plugins plugins;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "quire-plugins-view");
        thread.setDaemon(true);
        return thread;
    });
    /** The refresh of the open view, if one is open. */
    private final AtomicReference<Runnable> refresh = new AtomicReference<>();

    @Activate
    public PluginsView(@Reference Plugins plugins) {
        this.plugins = plugins;
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
    }

    @Override
    public String id() {
        return "quire.plugins";
    }

    @Override
    public String label() {
        return "Plugins";
    }

    @Override
    public Placement placement() {
        return Placement.BOTTOM;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        Composite panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(3, false));
        Table table = new Table(panel, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        int[] widths = {200, 80, 90, 280, 420};
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(COLUMNS[i]);
            column.setWidth(widths[i]);
        }
        Button disable = new Button(panel, SWT.PUSH);
        disable.setText("Disable");
        Button enable = new Button(panel, SWT.PUSH);
        enable.setText("Enable");
        Label summary = new Label(panel, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Runnable reload = () -> background.execute(() -> {
            List<PluginInfo> list;
            try {
                list = plugins.plugins();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot list the plugins", e);
                context.workbench().showError("Cannot list the plugins: " + e.getMessage());
                return;
            }
            context.asyncExec(() -> show(table, summary, disable, enable, list));
        });
        refresh.set(reload);
        table.addListener(SWT.Selection, e -> enableButtons(table, disable, enable));
        disable.addListener(SWT.Selection, e -> switchSelected(table, context, true, reload));
        enable.addListener(SWT.Selection, e -> switchSelected(table, context, false, reload));
        panel.addListener(SWT.Dispose, e -> refresh.compareAndSet(reload, null));
        enableButtons(table, disable, enable);
        reload.run();
        return panel;
    }

    @Override
    public void dispose() {
        refresh.set(null);
    }

    @Override
    public void handleEvent(Event event) {
        Runnable reload = refresh.get();
        if (reload != null) {
            reload.run();
        }
    }

    private static void show(Table table, Label summary, Button disable, Button enable, List<PluginInfo> list) {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        int withProblems = 0;
        for (PluginInfo plugin : list) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {plugin.symbolicName(), plugin.version(),
                plugin.disabled() ? "disabled" : plugin.state(), String.join(", ", plugin.contributions()),
                problems(plugin.problems())});
            item.setData(plugin);
            if (!plugin.problems().isEmpty()) {
                withProblems++;
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        summary.setText(list.isEmpty() ? "No plugins installed: drop bundles into the plugins folder."
                : list.size() + " plugins" + (withProblems > 0 ? ", " + withProblems + " with problems" : ""));
        summary.getParent().layout();
        enableButtons(table, disable, enable);
    }

    /** The latest problem of each kind, briefly: what a user needs to decide whether to disable. */
    static String problems(List<PluginProblem> problems) {
        return problems.stream().collect(Collectors.toMap(PluginProblem::kind, p -> p, (a, b) -> b,
                java.util.LinkedHashMap::new)).values().stream()
                .map(p -> p.kind().name().toLowerCase(Locale.ROOT) + ": " + p.call() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }

    private static void enableButtons(Table table, Button disable, Button enable) {
        PluginInfo selected = selected(table);
        disable.setEnabled(selected != null && !selected.disabled());
        enable.setEnabled(selected != null && selected.disabled());
    }

    private static PluginInfo selected(Table table) {
        TableItem[] selection = table.getSelection();
        return selection.length == 1 ? (PluginInfo) selection[0].getData() : null;
    }

    private void switchSelected(Table table, ViewContext context, boolean off, Runnable reload) {
        PluginInfo plugin = selected(table);
        if (plugin == null) {
            return;
        }
        background.execute(() -> {
            try {
                if (off) {
                    plugins.disable(plugin.bundleId());
                } else {
                    plugins.enable(plugin.bundleId());
                }
                context.workbench().showStatus((off ? "Disabled " : "Enabled ") + plugin.symbolicName());
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot switch plugin " + plugin.symbolicName(), e);
                context.workbench().showError("Cannot " + (off ? "disable " : "enable ") + plugin.symbolicName()
                        + ": " + e.getMessage());
            }
            reload.run();
        });
    }
}
