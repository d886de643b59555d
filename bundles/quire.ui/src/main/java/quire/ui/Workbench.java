package quire.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.export.ExportService;
import quire.api.export.Exporter;
import quire.api.importing.ImportService;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.work.Jobs;
import quire.ui.api.Command;
import quire.ui.api.MenuContribution;
import quire.ui.api.PreferencePage;
import quire.ui.api.ToolbarContribution;
import quire.ui.api.View;
import quire.ui.api.WorkbenchContext;

/**
 * Runs the workbench window in window mode. The launcher offers an {@link Executor} that runs tasks on the JVM's
 * main thread (service property {@code quire.thread=main}) only in window mode; on the command line this component
 * stays unsatisfied and nothing of SWT is touched.
 *
 * <p>Activation only hands the event loop to that executor: SCR activates on the thread that starts the bundle,
 * and start-up must not wait for the window. The loop opens the {@link WorkbenchWindow} and runs until the window
 * is closed, then stops the framework so the launcher exits. When the framework stops first, {@link #deactivate()}
 * closes the window.
 *
 * <p>Views, commands, menu and tool bar items and preference pages are tracked whiteboard-style (dynamic, multiple,
 * optional references) and handed to the window on its thread as they come and go. While the window is open this
 * component registers the window's {@link WorkbenchContext} and {@link Jobs} services; they exist only with a
 * window, which is why they are registered here rather than being components of their own.
 */
@Component(immediate = true, service = {})
public final class Workbench implements WindowServices {

    /** Framework property: save a PNG of the window here once it shows the library, print the count, and quit. */
    public static final String SCREENSHOT_PROPERTY = "quire.ui.screenshot";

    private static final Logger LOG = Logger.getLogger(Workbench.class.getName());
    /** How long deactivation waits for the event loop to end, so that SWT is not used after its bundle stops. */
    private static final long LOOP_END_WAIT_SECONDS = 5;

    @Reference(target = "(quire.thread=main)")
    private Executor mainThread;

    // greedy and dynamic: a replacement library is swapped in without closing the window
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Library library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImportService importService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExportService exportService;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<Exporter> exporters = new CopyOnWriteArrayList<>();

    private volatile Seeds seeds;
    private final List<View> views = new CopyOnWriteArrayList<>();
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<MenuContribution> menuItems = new CopyOnWriteArrayList<>();
    private final List<ToolbarContribution> toolItems = new CopyOnWriteArrayList<>();
    private final List<PreferencePage> preferencePages = new CopyOnWriteArrayList<>();

    /** Service property of the {@link WorkbenchContext}: the ids of the views the window shows (String[]). */
    public static final String VIEWS_PROPERTY = "quire.ui.views";
    /** Service property of the {@link WorkbenchContext}: the ids of the commands the window knows (String[]). */
    public static final String COMMANDS_PROPERTY = "quire.ui.commands";
    /** Service property of the {@link WorkbenchContext}: the menus of the menu bar (String[]). */
    public static final String MENUS_PROPERTY = "quire.ui.menus";

    private BundleContext context;
    private volatile ServiceRegistration<?> contextRegistration;
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private volatile boolean loopStarted;
    private volatile boolean closing;
    private volatile Display display;
    private volatile WorkbenchWindow window;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        try {
            mainThread.execute(this::runWindow);
        } catch (RejectedExecutionException e) {
            LOG.warning("the main thread no longer takes tasks; the window does not open");
        }
    }

    @Deactivate
    void deactivate() {
        closing = true;
        boolean onUiThread = false;
        Display current = display;
        if (current != null) {
            try {
                onUiThread = current.getThread() == Thread.currentThread();
                if (onUiThread) {
                    closeWindow();
                } else {
                    current.asyncExec(this::closeWindow); // wakes the loop, which then sees closing
                }
            } catch (SWTException e) {
                // disposed meanwhile: the loop is over
            }
        }
        if (loopStarted && !onUiThread) {
            try {
                if (!loopEnded.await(LOOP_END_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warning("the window did not close within " + LOOP_END_WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- whiteboard: each change goes to the window on its thread ----------------------------------------------

    @Reference(name = "seeds", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSeeds")
    void bindSeeds(Seeds service) {
        seeds = service;
        toWindow(WorkbenchWindow::seedsAppeared); // a new default workspace is seeded even when importing starts late
    }

    void unbindSeeds(Seeds service) {
        if (seeds == service) {
            seeds = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindView")
    void bindView(View view) {
        views.add(view);
        toWindow(w -> w.addView(view));
    }

    void unbindView(View view) {
        views.remove(view);
        toWindow(w -> w.removeView(view));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindCommand")
    void bindCommand(Command command) {
        commands.add(command);
        toWindow(w -> w.addCommand(command));
    }

    void unbindCommand(Command command) {
        commands.remove(command);
        toWindow(w -> w.removeCommand(command));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindMenuContribution")
    void bindMenuContribution(MenuContribution item) {
        menuItems.add(item);
        toWindow(w -> w.addMenuContribution(item));
    }

    void unbindMenuContribution(MenuContribution item) {
        menuItems.remove(item);
        toWindow(w -> w.removeMenuContribution(item));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindToolbarContribution")
    void bindToolbarContribution(ToolbarContribution item) {
        toolItems.add(item);
        toWindow(w -> w.addToolbarContribution(item));
    }

    void unbindToolbarContribution(ToolbarContribution item) {
        toolItems.remove(item);
        toWindow(w -> w.removeToolbarContribution(item));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindPreferencePage")
    void bindPreferencePage(PreferencePage page) {
        preferencePages.add(page);
        toWindow(w -> w.addPreferencePage(page));
    }

    void unbindPreferencePage(PreferencePage page) {
        preferencePages.remove(page);
        toWindow(w -> w.removePreferencePage(page));
    }

    /** Runs the change on the UI thread if the window is open; else the window picks it up when it opens. */
    private void toWindow(Consumer<WorkbenchWindow> change) {
        WorkbenchWindow current = window;
        Display shown = display;
        if (current == null || shown == null) {
            return;
        }
        try {
            shown.asyncExec(() -> {
                if (!current.isClosed()) {
                    change.accept(current);
                    describe(current);
                }
            });
        } catch (SWTException e) {
            // the display is gone
        }
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public Optional<Seeds> seeds() {
        return Optional.ofNullable(seeds);
    }

    @Override
    public Optional<ImportService> importing() {
        return Optional.ofNullable(importService);
    }

    @Override
    public Optional<ExportService> exporting() {
        return Optional.ofNullable(exportService);
    }

    @Override
    public List<Exporter> exporters() {
        return List.copyOf(exporters);
    }

    /** The event loop, on the main thread: open the window, dispatch until it closes, stop the framework. */
    private void runWindow() {
        loopStarted = true;
        boolean stopFramework = true;
        boolean opened = false;
        Display created = null;
        ServiceRegistration<?> contextService = null;
        ServiceRegistration<?> jobsService = null;
        try {
            if (closing) {
                stopFramework = false; // deactivated before the main thread got to this task
                return;
            }
            Display.setAppName("Quire");
            created = new Display();
            display = created;
            WorkbenchWindow opening = new WorkbenchWindow(created, this, context.getBundle().getVersion().toString());
            window = opening;
            // contributions registered before the window: those arriving now are posted by toWindow
            views.forEach(opening::addView);
            commands.forEach(opening::addCommand);
            menuItems.forEach(opening::addMenuContribution);
            toolItems.forEach(opening::addToolbarContribution);
            preferencePages.forEach(opening::addPreferencePage);
            contextService = context.registerService(WorkbenchContext.class, opening.context(), new Hashtable<>());
            contextRegistration = contextService;
            describe(opening);
            jobsService = context.registerService(Jobs.class, opening.jobs(), new Hashtable<>());
            String screenshot = context.getProperty(SCREENSHOT_PROPERTY);
            opening.open();
            opened = true;
            if (screenshot != null && !screenshot.isBlank()) {
                new ScreenshotWhenSettled(opening, library, Path.of(screenshot.strip())).start();
            }
            while (!opening.isClosed() && !closing) {
                try {
                    if (!created.readAndDispatch()) {
                        created.sleep();
                    }
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.SEVERE, "unexpected error in the window", e); // keep the window usable
                    opening.report("Unexpected error", e);
                }
            }
            // closed by the user: quit; closed by deactivation: the framework is stopping already, or this
            // bundle is being replaced and its next version opens a new window
            stopFramework = !closing;
        } catch (RuntimeException | Error e) {
            // SWT's natives failed to load (UnsatisfiedLinkError), there is no display ("No more handles"), or
            // the window broke: never leave the JVM running with no window and nothing to stop it
            if (opened) {
                LOG.log(Level.SEVERE, "the window failed", e);
                System.err.println("quire: the window failed: " + Problems.message(e));
            } else {
                System.err.println("quire: cannot open the window: " + Problems.message(e)
                        + " (is DISPLAY set? try ./quire COMMAND for the command line)");
            }
        } finally {
            contextRegistration = null;
            unregister(contextService);
            unregister(jobsService);
            WorkbenchWindow last = window;
            window = null;
            if (last != null) {
                last.close();
            }
            if (created != null && !created.isDisposed()) {
                try {
                    created.dispose();
                } catch (RuntimeException | SWTError e) {
                    LOG.log(Level.WARNING, "disposing the display", e);
                }
            }
            display = null;
            loopEnded.countDown();
            if (stopFramework) {
                stopFramework();
            }
        }
    }

    /**
     * Service properties of the {@link WorkbenchContext} registration that say what the window shows now
     * ({@value #VIEWS_PROPERTY}, {@value #COMMANDS_PROPERTY}, {@value #MENUS_PROPERTY}): the console's
     * {@code services} command, and tests outside the window's class space, can see what is contributed.
     */
    private void describe(WorkbenchWindow current) {
        ServiceRegistration<?> registration = contextRegistration;
        if (registration == null || current.isClosed()) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.description", "the workbench window's shared state");
        properties.put(VIEWS_PROPERTY, current.shownViewIds().toArray(String[]::new));
        properties.put(COMMANDS_PROPERTY, current.commandIds().toArray(String[]::new));
        properties.put(MENUS_PROPERTY, current.menuNames().toArray(String[]::new));
        try {
            registration.setProperties(properties);
        } catch (IllegalStateException e) {
            // unregistered meanwhile: the window is closing
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the framework took it down already
            }
        }
    }

    /** Called after the event loop, on the main thread; Felix stops the system bundle on a thread of its own. */
    private void stopFramework() {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "stopping the framework", e);
        }
    }

    private void closeWindow() {
        WorkbenchWindow current = window;
        if (current != null) {
            current.close();
        }
    }

    /**
     * Screenshot mode: waits until the seeds are in and the centre view lists the library (or 30 s passed), lets
     * GTK paint, saves the PNG, prints how many references the window shows, and closes the window.
     */
    static final class ScreenshotWhenSettled {
        private static final int POLL_MILLIS = 250;
        private static final long PATIENCE_MILLIS = 30_000;
        private static final int PAINT_MILLIS = 700;

        private final WorkbenchWindow window;
        private final Library library;
        private final Path file;
        private final long started = System.currentTimeMillis();
        private int stableFor;
        private int lastCount = -1;

        ScreenshotWhenSettled(WorkbenchWindow window, Library library, Path file) {
            this.window = window;
            this.library = library;
            this.file = file;
        }

        void start() {
            window.shell().getDisplay().timerExec(POLL_MILLIS, this::poll);
        }

        private void poll() {
            if (window.isClosed()) {
                return;
            }
            int count = window.centreRows();
            boolean idle = window.jobs().running().isEmpty();
            stableFor = count == lastCount ? stableFor + 1 : 0;
            lastCount = count;
            boolean settled = idle && count == library.size() && stableFor >= 2;
            if (settled || System.currentTimeMillis() - started > PATIENCE_MILLIS) {
                window.shell().getDisplay().timerExec(PAINT_MILLIS, this::shoot);
            } else {
                window.shell().getDisplay().timerExec(POLL_MILLIS, this::poll);
            }
        }

        private void shoot() {
            if (window.isClosed()) {
                return;
            }
            try {
                window.saveScreenshot(file);
                window.saveViewScreenshots(file);
            } catch (IOException | SWTException e) {
                System.err.println("quire: cannot save the screenshot " + file + ": " + Problems.message(e));
            }
            System.out.println("quire: window shows " + window.centreRows() + " references");
            System.out.flush();
            window.close();
        }
    }
}
