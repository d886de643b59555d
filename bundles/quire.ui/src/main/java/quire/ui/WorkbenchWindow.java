package quire.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabFolder2Adapter;
import org.eclipse.swt.custom.CTabFolderEvent;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.custom.StyledText;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.importing.Seeds;
import quire.api.work.JobStatus;
import quire.api.work.Jobs;
import quire.ui.api.Command;
import quire.ui.api.MenuContribution;
import quire.ui.api.Placement;
import quire.ui.api.PreferencePage;
import quire.ui.api.ToolbarContribution;
import quire.ui.api.View;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The workbench window: menu bar, tool bar, four view areas (left, centre, right, bottom) in sashes, and a status
 * line with the running jobs. It knows views, commands, menu and tool bar items and preference pages only as
 * contributions ({@code add...}/{@code remove...}); its own File and Help actions are contributed the same way.
 * A contribution that throws is reported in the status line and the log and left out; the rest carries on.
 *
 * <p>Create, use and close it on the thread that owns the {@link Display}.
 */
final class WorkbenchWindow {

    static final String IMPORT = "quire.file.import";
    static final String EXPORT = "quire.file.export";
    static final String PREFERENCES = "quire.file.preferences";
    static final String QUIT = "quire.file.quit";
    static final String ABOUT = "quire.help.about";

    private static final Logger LOG = Logger.getLogger(WorkbenchWindow.class.getName());
    private static final int JOB_POLL_MILLIS = 200;

    private final Display display;
    private final WindowServices services;
    private final String version;
    private final Path workspace;
    private final Shell shell;
    private final ToolBar toolBar;
    private final SashForm columns;
    private final SashForm centreColumn;
    private final Map<Placement, CTabFolder> areas = new EnumMap<>(Placement.class);
    private final Composite statusBar;
    private final Label statusText;
    private final Composite jobBox;
    private final Label jobText;
    private final ProgressBar jobBar;
    private final Button jobCancel;
    private final SharedContext context;
    private final WindowJobs jobs;
    private final Listener keyFilter = this::keyPressed;

    // contributions, UI thread only; built-in ones first
    private final List<View> views = new ArrayList<>();
    private final Map<View, CTabItem> shown = new IdentityHashMap<>();
    private final List<Command> commands = new ArrayList<>();
    private final List<MenuContribution> menuItems = new ArrayList<>();
    private final List<ToolbarContribution> toolItems = new ArrayList<>();
    private final List<PreferencePage> preferencePages = new CopyOnWriteArrayList<>();

    private final Set<Placement> hiddenAreas = new HashSet<>();
    private final Set<String> hiddenViews = new HashSet<>();
    private boolean jobPolling;
    private long shownJob = -1;
    private volatile boolean closed;
    private Seeds seedsImported;

    WorkbenchWindow(Display display, WindowServices services, String version) {
        this.display = display;
        this.services = services;
        this.version = version;
        this.workspace = services.library().workspace();
        WindowLayout layout = WindowLayout.load(workspace);

        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText(title(workspace));
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        grid.verticalSpacing = 2;
        shell.setLayout(grid);

        toolBar = new ToolBar(shell, SWT.FLAT | SWT.RIGHT | SWT.WRAP);
        toolBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        columns = new SashForm(shell, SWT.HORIZONTAL | SWT.SMOOTH);
        columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        columns.setSashWidth(5);
        areas.put(Placement.LEFT, area(columns));
        centreColumn = new SashForm(columns, SWT.VERTICAL | SWT.SMOOTH);
        centreColumn.setSashWidth(5);
        areas.put(Placement.CENTRE, area(centreColumn));
        areas.put(Placement.BOTTOM, area(centreColumn));
        areas.put(Placement.RIGHT, area(columns));
        columns.setWeights(ints(layout.columns()));
        centreColumn.setWeights(ints(layout.rows()));
        hiddenAreas.addAll(layout.hiddenAreas());
        hiddenViews.addAll(layout.hiddenViews());

        statusBar = new Composite(shell, SWT.NONE);
        statusBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout statusLayout = new GridLayout(2, false);
        statusLayout.marginHeight = 2;
        statusLayout.marginWidth = 6;
        statusBar.setLayout(statusLayout);
        statusText = new Label(statusBar, SWT.NONE);
        statusText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        statusText.setText("Ready");
        jobBox = new Composite(statusBar, SWT.NONE);
        GridLayout jobLayout = new GridLayout(3, false);
        jobLayout.marginHeight = 0;
        jobLayout.marginWidth = 0;
        jobBox.setLayout(jobLayout);
        GridData jobData = new GridData(SWT.END, SWT.CENTER, false, false);
        jobData.exclude = true;
        jobBox.setLayoutData(jobData);
        jobBox.setVisible(false);
        jobText = new Label(jobBox, SWT.NONE);
        GridData jobTextData = new GridData(SWT.END, SWT.CENTER, false, false);
        jobTextData.widthHint = 420;
        jobText.setLayoutData(jobTextData);
        jobBar = new ProgressBar(jobBox, SWT.SMOOTH | SWT.HORIZONTAL);
        jobBar.setMaximum(1000);
        GridData barData = new GridData(SWT.END, SWT.CENTER, false, false);
        barData.widthHint = 160;
        jobBar.setLayoutData(barData);
        jobCancel = new Button(jobBox, SWT.PUSH);
        jobCancel.setText("Cancel");
        jobCancel.addListener(SWT.Selection, e -> cancelShownJob());

        context = new SharedContext(display, this::showStatus);
        jobs = new WindowJobs((name, error) -> onUiThread(() -> showJobError(name, error)),
                () -> onUiThread(this::refreshJobs));
        for (WorkbenchContext.Aspect aspect : WorkbenchContext.Aspect.values()) {
            context.watch(aspect, this::updateToolBar);
        }

        builtIns();
        display.addFilter(SWT.KeyDown, keyFilter);
        dropTarget(shell);
        shell.addListener(SWT.Close, e -> saveLayout());
        Listener moved = e -> {
            if (!shell.getMaximized() && !shell.getMinimized()) {
                normalBounds = shell.getBounds();
            }
        };
        shell.addListener(SWT.Resize, moved);
        shell.addListener(SWT.Move, moved);
        shell.addListener(SWT.Dispose, e -> {
            closed = true;
            display.removeFilter(SWT.KeyDown, keyFilter);
            for (View view : new ArrayList<>(shown.keySet())) {
                disposeView(view);
            }
            jobs.close();
        });

        if (layout.x() >= 0 && layout.y() >= 0) {
            shell.setBounds(layout.x(), layout.y(), layout.width(), layout.height());
        } else {
            shell.setSize(layout.width(), layout.height());
            Rectangle screen = display.getPrimaryMonitor().getClientArea();
            shell.setLocation(screen.x + Math.max(0, (screen.width - layout.width()) / 2),
                    screen.y + Math.max(0, (screen.height - layout.height()) / 2));
        }
        shell.setMaximized(layout.maximized());
        rebuildMenus();
        rebuildToolBar();
        updateAreas();
    }

    /** "Quire — my-review": the workspace folder names the window. */
    static String title(Path workspace) {
        Path name = workspace.getFileName();
        return "Quire — " + (name != null ? name : workspace);
    }

    /** Shows the window and imports the seeds when a Seeds service is there. */
    void open() {
        shell.open();
        seedsAppeared();
    }

    /** Closes the window (saving its layout); the event loop that waits for it then ends. */
    void close() {
        if (!shell.isDisposed()) {
            saveLayout();
            shell.dispose();
        }
    }

    boolean isClosed() {
        return closed;
    }

    Shell shell() {
        return shell;
    }

    WorkbenchContext context() {
        return context;
    }

    Jobs jobs() {
        return jobs;
    }

    Label statusText() {
        return statusText;
    }

    ToolBar toolBar() {
        return toolBar;
    }

    CTabFolder area(Placement placement) {
        return areas.get(placement);
    }

    /** Imports the seed documents as a job, once per Seeds service (a late importing bundle still seeds). */
    void seedsAppeared() {
        Optional<Seeds> seeds = services.seeds();
        if (seeds.isEmpty() || seeds.get() == seedsImported || closed) {
            return;
        }
        Seeds service = seeds.get();
        seedsImported = service;
        jobs.submit("Importing the seed documents", service::ensureImported).whenComplete((reports, error) -> {
            if (reports != null) {
                for (ImportReport report : reports) {
                    LOG.info(() -> "seed " + report.file() + ": " + report.added() + " references added, "
                            + report.errors() + " records skipped");
                }
            }
        });
    }

    // --- views ------------------------------------------------------------------------------------------------

    void addView(View view) {
        if (views.stream().anyMatch(v -> v == view)) {
            return;
        }
        views.add(view);
        if (!hiddenViews.contains(safe(view::id, "?"))) {
            showView(view);
        }
        rebuildMenus();
    }

    void removeView(View view) {
        if (views.removeIf(v -> v == view)) {
            disposeView(view);
            updateAreas();
            rebuildMenus();
        }
    }

    /** The views shown in an area, in tab order. */
    List<View> views(Placement placement) {
        List<View> list = new ArrayList<>();
        for (CTabItem item : areas.get(placement).getItems()) {
            list.add((View) item.getData());
        }
        return list;
    }

    private void showView(View view) {
        String label;
        Placement placement;
        int order;
        try {
            label = view.label();
            placement = Optional.ofNullable(view.placement()).orElse(Placement.CENTRE);
            order = view.order();
        } catch (RuntimeException | LinkageError e) {
            report("The view " + safe(view::id, view.getClass().getName()) + " failed", e);
            return;
        }
        CTabFolder folder = areas.get(placement);
        int index = 0;
        for (CTabItem item : folder.getItems()) {
            if (((View) item.getData()).order() > order) {
                break;
            }
            index++;
        }
        Composite holder = new Composite(folder, SWT.NONE);
        holder.setLayout(new FillLayout());
        Site site = new Site(holder);
        Control control;
        try {
            control = view.createControl(holder, site);
        } catch (RuntimeException | LinkageError e) {
            holder.dispose();
            report("The view \"" + label + "\" failed to open", e);
            return;
        }
        CTabItem selected = folder.getSelection(); // inserting before it must not change which tab is shown
        CTabItem item = new CTabItem(folder, SWT.CLOSE, index);
        item.setText(label);
        item.setData(view);
        item.setControl(holder);
        shown.put(view, item);
        if (control != null && !control.isDisposed() && control.getData(DND.DROP_TARGET_KEY) == null) {
            dropTarget(control);
        }
        folder.setSelection(selected != null ? selected : item);
        holder.layout(true, true);
        updateAreas();
    }

    private void disposeView(View view) {
        CTabItem item = shown.remove(view);
        if (item == null) {
            return;
        }
        Control control = item.getControl();
        if (!item.isDisposed()) {
            item.dispose();
        }
        if (control != null && !control.isDisposed()) {
            control.dispose();
        }
        try {
            view.dispose();
        } catch (RuntimeException | LinkageError e) {
            report("The view \"" + safe(view::label, "?") + "\" failed to close", e);
        }
    }

    private CTabFolder area(Composite parent) {
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        folder.setSimple(false);
        folder.setTabHeight(Math.max(24, folder.getTabHeight()));
        folder.setSelectionBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        folder.addCTabFolder2Listener(new CTabFolder2Adapter() {
            @Override
            public void close(CTabFolderEvent event) {
                event.doit = false; // closing hides the view; View > its name restores it
                View view = (View) event.item.getData();
                hiddenViews.add(safe(view::id, "?"));
                disposeView(view);
                updateAreas();
                rebuildMenus();
            }
        });
        return folder;
    }

    /** An area shows while it has views and the user has not hidden it; the centre always shows. */
    private void updateAreas() {
        for (Map.Entry<Placement, CTabFolder> entry : areas.entrySet()) {
            Placement placement = entry.getKey();
            boolean visible = placement == Placement.CENTRE
                    || (entry.getValue().getItemCount() > 0 && !hiddenAreas.contains(placement));
            if (entry.getValue().getVisible() != visible) {
                entry.getValue().setVisible(visible);
            }
        }
        centreColumn.layout(true);
        columns.layout(true);
    }

    /** Whether the area is shown now. */
    boolean areaVisible(Placement placement) {
        return areas.get(placement).getVisible();
    }

    /** Hides or restores an area, as View &gt; Show … does. */
    void setAreaHidden(Placement placement, boolean hidden) {
        if (placement == Placement.CENTRE) {
            return;
        }
        if (hidden) {
            hiddenAreas.add(placement);
        } else {
            hiddenAreas.remove(placement);
        }
        updateAreas();
        rebuildMenus();
    }

    /** Shows a view the user closed (View &gt; its name). */
    void restoreView(View view) {
        hiddenViews.remove(safe(view::id, "?"));
        if (!shown.containsKey(view)) {
            showView(view);
        }
        CTabItem item = shown.get(view);
        if (item != null) {
            item.getParent().setSelection(item);
            try {
                hiddenAreas.remove(view.placement());
            } catch (RuntimeException e) {
                // reported when it was shown
            }
            updateAreas();
        }
        rebuildMenus();
    }

    private void resetLayout() {
        WindowLayout standard = WindowLayout.standard();
        columns.setWeights(ints(standard.columns()));
        centreColumn.setWeights(ints(standard.rows()));
        hiddenAreas.clear();
        hiddenViews.clear();
        for (View view : views) {
            if (!shown.containsKey(view)) {
                showView(view);
            }
        }
        updateAreas();
        rebuildMenus();
    }

    /** The layout as it is now. */
    WindowLayout layout() {
        Rectangle bounds = shell.getMaximized() ? lastNormalBounds() : shell.getBounds();
        return new WindowLayout(bounds.x, bounds.y, bounds.width, bounds.height, shell.getMaximized(),
                list(columns.getWeights()), list(centreColumn.getWeights()), Set.copyOf(hiddenAreas),
                Set.copyOf(hiddenViews));
    }

    private Rectangle normalBounds;

    private Rectangle lastNormalBounds() {
        return normalBounds != null ? normalBounds : shell.getBounds();
    }

    /**
     * Writes the layout into the workspace. On the UI thread, as the window closes: the file is a few hundred
     * bytes, and the window must not end before it is written.
     */
    private void saveLayout() {
        if (shell.isDisposed()) {
            return;
        }
        try {
            layout().save(workspace);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the window layout was not saved in " + workspace, e);
        }
    }

    // --- commands, menus, tool bar ----------------------------------------------------------------------------

    void addCommand(Command command) {
        if (commands.stream().noneMatch(c -> c == command)) {
            commands.add(command);
            rebuildMenus();
            rebuildToolBar();
        }
    }

    void removeCommand(Command command) {
        if (commands.removeIf(c -> c == command)) {
            rebuildMenus();
            rebuildToolBar();
        }
    }

    void addMenuContribution(MenuContribution item) {
        if (menuItems.stream().noneMatch(c -> c == item)) {
            menuItems.add(item);
            rebuildMenus();
        }
    }

    void removeMenuContribution(MenuContribution item) {
        if (menuItems.removeIf(c -> c == item)) {
            rebuildMenus();
        }
    }

    void addToolbarContribution(ToolbarContribution item) {
        if (toolItems.stream().noneMatch(c -> c == item)) {
            toolItems.add(item);
            rebuildToolBar();
        }
    }

    void removeToolbarContribution(ToolbarContribution item) {
        if (toolItems.removeIf(c -> c == item)) {
            rebuildToolBar();
        }
    }

    void addPreferencePage(PreferencePage page) {
        if (preferencePages.stream().noneMatch(p -> p == page)) {
            preferencePages.add(page);
        }
    }

    void removePreferencePage(PreferencePage page) {
        preferencePages.removeIf(p -> p == page);
    }

    /** The ids of the views shown now, by area and tab order. */
    List<String> shownViewIds() {
        List<String> ids = new ArrayList<>();
        for (CTabFolder folder : areas.values()) {
            for (CTabItem item : folder.getItems()) {
                ids.add(safe(((View) item.getData())::id, "?"));
            }
        }
        return ids;
    }

    /** The ids of the commands known now, built-in ones first. */
    List<String> commandIds() {
        return commands.stream().map(c -> safe(c::id, "?")).toList();
    }

    /** The menus of the menu bar, in order, without their mnemonics. */
    List<String> menuNames() {
        Menu bar = shell.getMenuBar();
        return bar == null ? List.of() : Arrays.stream(bar.getItems()).map(i -> i.getText().replace("&", "")).toList();
    }

    /** The command with this id, the first registered when several claim it. */
    Optional<Command> command(String id) {
        for (Command command : commands) {
            if (id.equals(safe(command::id, null))) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Runs a command if it is enabled; reports what it throws. */
    void run(Command command) {
        String label = safe(command::label, safe(command::id, "a command"));
        try {
            if (!command.enabled(context)) {
                context.showStatus(label + " is not available now");
                return;
            }
            command.execute(context);
        } catch (Exception | LinkageError e) {
            report("\"" + label + "\" failed", e);
        }
        updateToolBar();
    }

    private boolean enabled(Command command) {
        try {
            return command.enabled(context);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the enablement of " + safe(command::id, "?") + " failed", e);
            return false;
        }
    }

    private void keyPressed(Event event) {
        if (!(event.widget instanceof Control control) || control.isDisposed() || control.getShell() != shell) {
            return;
        }
        int pressed = KeyBinding.of(event.stateMask, event.keyCode);
        boolean typing = control instanceof Text || control instanceof StyledText || control instanceof Combo
                || control instanceof Spinner;
        if (typing && (pressed & (SWT.MOD1 | SWT.MOD3)) == 0) {
            return; // plain keys belong to the text field
        }
        for (Command command : commands) {
            Optional<String> binding = safe(command::keyBinding, Optional.<String>empty());
            if (binding.flatMap(KeyBinding::parse).filter(b -> b == pressed).isPresent()) {
                event.doit = false;
                event.type = SWT.None;
                run(command);
                return;
            }
        }
    }

    /** Rebuilds the menu bar from the contributions: cheap, and done only when they change. */
    void rebuildMenus() {
        if (shell.isDisposed()) {
            return;
        }
        Menu old = shell.getMenuBar();
        Menu bar = new Menu(shell, SWT.BAR);
        Map<String, List<MenuContribution>> byMenu = new LinkedHashMap<>();
        for (String name : List.of(MenuContribution.FILE, MenuContribution.EDIT, MenuContribution.VIEW)) {
            byMenu.put(name, new ArrayList<>());
        }
        for (MenuContribution item : menuItems) {
            String name = safe(item::menu, null);
            if (name != null && !name.equals(MenuContribution.HELP)) {
                byMenu.computeIfAbsent(name, n -> new ArrayList<>()).add(item);
            }
        }
        byMenu.put(MenuContribution.HELP, new ArrayList<>(menuItems.stream()
                .filter(i -> MenuContribution.HELP.equals(safe(i::menu, null))).toList()));
        for (Map.Entry<String, List<MenuContribution>> entry : byMenu.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().isEmpty() && !name.equals(MenuContribution.VIEW)) {
                continue;
            }
            Menu menu = cascade(bar, "&" + name);
            if (name.equals(MenuContribution.VIEW)) {
                viewMenu(menu);
            }
            List<MenuContribution> items = new ArrayList<>(entry.getValue());
            items.sort(Comparator.comparingInt(i -> safe(i::order, 500)));
            int group = Integer.MIN_VALUE;
            for (MenuContribution contribution : items) {
                Optional<Command> command = command(safe(contribution::commandId, ""));
                if (command.isEmpty()) {
                    continue; // shows once its command is registered
                }
                int itemGroup = safe(contribution::order, 500) / 100;
                if (group != Integer.MIN_VALUE && itemGroup != group && menu.getItemCount() > 0) {
                    new MenuItem(menu, SWT.SEPARATOR);
                }
                group = itemGroup;
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                Command c = command.get();
                String binding = safe(c::keyBinding, Optional.<String>empty()).map(b -> "\t" + b).orElse("");
                item.setText(safe(c::label, safe(c::id, "?")) + binding);
                item.setData(c);
                item.addListener(SWT.Selection, e -> run(c));
            }
            menu.addListener(SWT.Show, e -> {
                for (MenuItem item : menu.getItems()) {
                    if (item.getData() instanceof Command c) {
                        item.setEnabled(enabled(c));
                    }
                }
            });
        }
        shell.setMenuBar(bar);
        if (old != null) {
            old.dispose();
        }
    }

    private void viewMenu(Menu menu) {
        for (Placement placement : List.of(Placement.LEFT, Placement.RIGHT, Placement.BOTTOM)) {
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText("Show the " + placement.name().toLowerCase() + " area");
            item.setSelection(!hiddenAreas.contains(placement));
            item.addListener(SWT.Selection, e -> setAreaHidden(placement, !item.getSelection()));
        }
        new MenuItem(menu, SWT.SEPARATOR);
        List<View> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparing(v -> safe(v::label, "")));
        for (View view : sorted) {
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText(safe(view::label, safe(view::id, "?")));
            item.setSelection(shown.containsKey(view));
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    restoreView(view);
                } else {
                    hiddenViews.add(safe(view::id, "?"));
                    disposeView(view);
                    updateAreas();
                    rebuildMenus();
                }
            });
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem reset = new MenuItem(menu, SWT.PUSH);
        reset.setText("Reset the layout");
        reset.addListener(SWT.Selection, e -> resetLayout());
    }

    private Menu cascade(Menu bar, String text) {
        MenuItem item = new MenuItem(bar, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(shell, SWT.DROP_DOWN);
        item.setMenu(menu);
        return menu;
    }

    void rebuildToolBar() {
        if (toolBar.isDisposed()) {
            return;
        }
        for (ToolItem item : toolBar.getItems()) {
            item.dispose();
        }
        List<ToolbarContribution> items = new ArrayList<>(toolItems);
        items.sort(Comparator.comparingInt(i -> safe(i::order, 500)));
        for (ToolbarContribution contribution : items) {
            Optional<Command> command = command(safe(contribution::commandId, ""));
            if (command.isEmpty()) {
                continue;
            }
            Command c = command.get();
            ToolItem item = new ToolItem(toolBar, SWT.PUSH);
            item.setText(safe(c::label, "?"));
            item.setToolTipText(safe(c::label, "?")
                    + safe(c::keyBinding, Optional.<String>empty()).map(b -> " (" + b + ")").orElse(""));
            item.setData(c);
            item.addListener(SWT.Selection, e -> run(c));
        }
        updateToolBar();
        shell.layout(true);
    }

    private void updateToolBar() {
        if (toolBar.isDisposed()) {
            return;
        }
        for (ToolItem item : toolBar.getItems()) {
            if (item.getData() instanceof Command c) {
                item.setEnabled(enabled(c));
            }
        }
    }

    /** File and Help actions, contributed as the plugins contribute theirs. */
    private void builtIns() {
        commands.add(new BuiltIn(IMPORT, "Import…", "Ctrl+I", this::openImportDialog));
        commands.add(new BuiltIn(EXPORT, "Export…", "Ctrl+E", this::openExportDialog));
        commands.add(new BuiltIn(PREFERENCES, "Preferences…", null,
                () -> new PreferencesDialog(shell, preferencePages, this::siteFor, this::report).open()));
        commands.add(new BuiltIn(QUIT, "Quit", "Ctrl+Q", () -> {
            saveLayout();
            shell.close();
        }));
        commands.add(new BuiltIn(ABOUT, "About Quire", null, this::showAbout));
        menuItems.add(new Placed(MenuContribution.FILE, IMPORT, 100));
        menuItems.add(new Placed(MenuContribution.FILE, EXPORT, 110));
        menuItems.add(new Placed(MenuContribution.FILE, PREFERENCES, 900));
        menuItems.add(new Placed(MenuContribution.FILE, QUIT, 1000));
        menuItems.add(new Placed(MenuContribution.HELP, ABOUT, 1000));
        toolItems.add(new Placed(MenuContribution.FILE, IMPORT, 100));
        toolItems.add(new Placed(MenuContribution.FILE, EXPORT, 110));
    }

    /** A built-in command. */
    private record BuiltIn(String id, String label, String key, Runnable action) implements Command {
        @Override
        public Optional<String> keyBinding() {
            return Optional.ofNullable(key);
        }

        @Override
        public void execute(WorkbenchContext context) {
            action.run();
        }
    }

    /** A built-in menu or tool bar item. */
    private record Placed(String menu, String commandId, int order) implements MenuContribution, ToolbarContribution {
    }

    // --- import, export, drag and drop ------------------------------------------------------------------------

    void openImportDialog() {
        Optional<ImportService> importing = services.importing();
        if (importing.isEmpty()) {
            context.showError("Cannot import: the importing bundle is not running");
            return;
        }
        new ImportDialog(shell, importing.get().importers(), this::importFiles).open();
    }

    void openExportDialog() {
        if (services.exporting().isEmpty()) {
            context.showError("Cannot export: the exporting bundle is not running");
            return;
        }
        new ExportDialog(shell, services.exporting().get(), services.exporters(), context, jobs).open();
    }

    /** Imports files (a folder: the files in it), each as a job. */
    void importFiles(List<Path> files, Optional<String> format) {
        Optional<ImportService> importing = services.importing();
        if (importing.isEmpty()) {
            context.showError("Cannot import: the importing bundle is not running");
            return;
        }
        ImportService service = importing.get();
        for (Path file : expand(files)) {
            String name = String.valueOf(file.getFileName());
            jobs.submit("Import " + name, progress -> service.importFile(file, format, ImportOptions.NONE, progress))
                    .thenAccept(report -> context.showStatus("Imported " + name + " as " + report.format() + ": "
                            + report.added() + " added, " + report.alreadyPresent() + " already there"
                            + (report.errors() > 0 ? ", " + report.errors() + " records skipped (see the log)" : "")));
        }
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    files.add(path); // the import job then reports why it cannot be read
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private void dropTarget(Control control) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_LINK);
        target.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_LINK) {
                    event.detail = DND.DROP_COPY;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) {
                    importFiles(Stream.of(names).map(Path::of).toList(), Optional.empty());
                }
            }
        });
    }

    // --- status line and jobs ---------------------------------------------------------------------------------

    private void showStatus(WorkbenchContext.StatusMessage message) {
        if (statusText.isDisposed()) {
            return;
        }
        statusText.setText(message.text().replace('\n', ' '));
        statusText.setForeground(message.error() ? display.getSystemColor(SWT.COLOR_DARK_RED) : null);
        statusText.setToolTipText(message.text());
    }

    private void refreshJobs() {
        if (jobBox.isDisposed()) {
            return;
        }
        List<JobStatus> running = jobs.running();
        GridData data = (GridData) jobBox.getLayoutData();
        if (running.isEmpty()) {
            shownJob = -1;
            if (jobBox.getVisible()) {
                jobBox.setVisible(false);
                data.exclude = true;
                statusBar.layout(true);
            }
            jobPolling = false;
            return;
        }
        JobStatus job = running.get(0);
        shownJob = job.id();
        StringBuilder text = new StringBuilder(job.name());
        if (!job.task().isEmpty() && !job.task().equals(job.name())) {
            text.append(": ").append(job.task());
        }
        if (!job.detail().isEmpty()) {
            text.append(" — ").append(job.detail());
        }
        if (job.cancelled()) {
            text.append(" — cancelling…");
        }
        if (running.size() > 1) {
            text.append(" (+").append(running.size() - 1).append(" more)");
        }
        jobText.setText(text.toString());
        jobText.setToolTipText(text.toString());
        double fraction = job.fraction();
        jobBar.setSelection(fraction < 0 ? 0 : (int) Math.round(fraction * 1000));
        jobCancel.setEnabled(!job.cancelled());
        if (!jobBox.getVisible()) {
            jobBox.setVisible(true);
            data.exclude = false;
            statusBar.layout(true);
        }
        if (!jobPolling) {
            jobPolling = true;
            display.timerExec(JOB_POLL_MILLIS, this::pollJobs);
        }
    }

    private void cancelShownJob() {
        if (shownJob >= 0) {
            jobs.cancel(shownJob);
        }
    }

    private void pollJobs() {
        if (closed || !jobPolling) {
            return;
        }
        jobPolling = false;
        refreshJobs(); // re-arms the timer while jobs run
    }

    /** The text of the job shown in the status line, "" when none runs. */
    String jobLine() {
        return jobBox.getVisible() ? jobText.getText() : "";
    }

    Button jobCancelButton() {
        return jobCancel;
    }

    /**
     * The error dialog of a failed job: our own shell rather than a MessageBox, whose native loop would not run the
     * asyncExec work that closes the window when the framework stops.
     */
    private void showJobError(String name, Throwable error) {
        String message = name + " failed: " + Problems.message(error);
        context.showError(message);
        Shell dialog = new Shell(shell, SWT.DIALOG_TRIM | SWT.PRIMARY_MODAL);
        dialog.setText("Quire: " + name + " failed");
        dialog.setData("quire.error", message);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 18;
        layout.marginHeight = 14;
        layout.verticalSpacing = 12;
        dialog.setLayout(layout);
        Label text = new Label(dialog, SWT.WRAP);
        text.setText(name + " failed.\n\n" + Problems.message(error));
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textData.widthHint = 460;
        text.setLayoutData(textData);
        Button ok = new Button(dialog, SWT.PUSH);
        ok.setText("OK");
        GridData okData = new GridData(SWT.END, SWT.CENTER, false, false);
        okData.widthHint = 90;
        ok.setLayoutData(okData);
        ok.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(ok);
        dialog.pack();
        centre(dialog);
        dialog.open();
    }

    private void showAbout() {
        Shell about = new Shell(shell, SWT.DIALOG_TRIM | SWT.PRIMARY_MODAL);
        about.setText("About Quire");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 18;
        layout.marginHeight = 14;
        layout.verticalSpacing = 12;
        about.setLayout(layout);
        Label text = new Label(about, SWT.NONE);
        text.setText("Quire " + version + "\nA workbench for systematic literature reviews.\n\nWorkspace: "
                + workspace);
        Button ok = new Button(about, SWT.PUSH);
        ok.setText("OK");
        GridData okData = new GridData(SWT.END, SWT.CENTER, false, false);
        okData.widthHint = 90;
        ok.setLayoutData(okData);
        ok.addListener(SWT.Selection, e -> about.close());
        about.setDefaultButton(ok);
        about.pack();
        centre(about);
        about.open();
    }

    void centre(Shell dialog) {
        Rectangle parent = shell.getBounds();
        Point size = dialog.getSize();
        dialog.setLocation(parent.x + Math.max(0, (parent.width - size.x) / 2),
                parent.y + Math.max(0, (parent.height - size.y) / 3));
    }

    /** Reports a failed contribution in the status line and the log; the window carries on. */
    void report(String what, Throwable e) {
        LOG.log(Level.WARNING, what, e);
        context.showError(what + ": " + Problems.message(e));
    }

    private void onUiThread(Runnable action) {
        if (closed) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    action.run();
                }
            });
        } catch (SWTException e) {
            // the display is gone: nothing left to show it in
        }
    }

    // --- screenshots ------------------------------------------------------------------------------------------

    /** The number of rows of the table of the centre area's selected view; 0 when it has none. */
    int centreRows() {
        CTabItem item = areas.get(Placement.CENTRE).getSelection();
        if (item == null || item.getControl() == null) {
            return 0;
        }
        Table table = find(item.getControl(), Table.class);
        return table == null ? 0 : table.getItemCount();
    }

    static <T extends Control> T find(Control control, Class<T> type) {
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

    /** Saves a PNG of the window as it is on the screen. */
    void saveScreenshot(Path file) throws IOException {
        shell.update();
        save(screenArea(shell), file);
    }

    /**
     * Saves a PNG of each area's shown view next to {@code file}: {@code window.png} gives
     * {@code window-quire.citations.png} and so on. Returns the files written.
     */
    List<Path> saveViewScreenshots(Path file) throws IOException {
        shell.update();
        String name = String.valueOf(file.getFileName()).replaceFirst("\\.png$", "");
        List<Path> saved = new ArrayList<>();
        for (CTabFolder folder : areas.values()) {
            CTabItem item = folder.getSelection();
            if (!folder.getVisible() || item == null) {
                continue;
            }
            Point origin = folder.toDisplay(0, 0);
            Point size = folder.getSize();
            Path target = file.resolveSibling(name + "-" + safe(((View) item.getData())::id, "view") + ".png");
            save(new Rectangle(origin.x, origin.y, size.x, size.y).intersection(display.getBounds()), target);
            saved.add(target);
        }
        return saved;
    }

    private void save(Rectangle area, Path file) throws IOException {
        Image image = new Image(display, area.width, area.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
            } finally {
                gc.dispose();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /**
     * Where a shell is on the screen. Without a window manager (Xvfb) SWT's bounds include a frame it estimated
     * and that is not there, so the area ends where the client area ends.
     */
    static Rectangle screenArea(Shell shell) {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
        Rectangle area = new Rectangle(bounds.x, bounds.y, end.x - bounds.x, end.y - bounds.y);
        return area.intersection(shell.getDisplay().getBounds());
    }

    // --- view sites -------------------------------------------------------------------------------------------

    private ViewContext siteFor(Composite holder) {
        return new Site(holder);
    }

    /**
     * A view's {@link ViewContext}: its subscriptions end with its control, and its asyncExec work is dropped once
     * the control is gone.
     */
    private final class Site implements ViewContext {
        private final Control control;
        private final List<WorkbenchContext.Subscription> subscriptions = new CopyOnWriteArrayList<>();
        private final WorkbenchContext scoped;

        Site(Control control) {
            this.control = control;
            control.addListener(SWT.Dispose, e -> subscriptions.forEach(WorkbenchContext.Subscription::close));
            this.scoped = new ScopedContext(context, subscriptions);
        }

        @Override
        public WorkbenchContext workbench() {
            return scoped;
        }

        @Override
        public Jobs jobs() {
            return jobs;
        }

        @Override
        public void asyncExec(Runnable action) {
            if (control.isDisposed()) {
                return;
            }
            try {
                display.asyncExec(() -> {
                    if (!control.isDisposed()) {
                        action.run();
                    }
                });
            } catch (SWTException e) {
                // the display is gone
            }
        }
    }

    private static List<Integer> list(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(v -> Math.max(1, v)).toArray();
    }

    /** A contribution's answer, or the fallback when it throws (then it is logged). */
    private static <T> T safe(Supplier<T> call, T fallback) {
        try {
            T value = call.get();
            return value != null ? value : fallback;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "a contribution failed", e);
            return fallback;
        }
    }
}
