package quire.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.search.SearchService;

/**
 * Runs the workbench window in window mode. The launcher offers an {@link Executor} that runs tasks on the JVM's
 * main thread (service property {@code quire.thread=main}) only in window mode; on the command line this component
 * stays unsatisfied and nothing of SWT is touched.
 *
 * <p>Activation only hands the event loop to that executor: SCR activates on the thread that starts the bundle,
 * and start-up must not wait for the window. The loop opens the {@link LibraryWindow} and runs until the window is
 * closed, then stops the framework so the launcher exits. When the framework stops first, {@link #deactivate()}
 * closes the window. Reading and searching run on one background thread owned by this component.
 *
 * <p>The component is also the {@link EventHandler} for {@link Library#TOPIC_CHANGED}: a change reloads the table.
 */
@Component(immediate = true, service = EventHandler.class,
        property = EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED)
public final class Workbench implements EventHandler, WindowServices {

    /** Framework property: save a PNG of the window here once it shows the library, print the count, and quit. */
    public static final String SCREENSHOT_PROPERTY = "quire.ui.screenshot";

    private static final Logger LOG = Logger.getLogger(Workbench.class.getName());
    /** How long deactivation waits for the event loop to end, so that SWT is not used after its bundle stops. */
    private static final long LOOP_END_WAIT_SECONDS = 5;
    /** Time for GTK to map and paint the window before the screenshot. */
    private static final int SCREENSHOT_DELAY_MILLIS = 500;

    @Reference(target = "(quire.thread=main)")
    private Executor mainThread;

    // greedy and dynamic: a replacement library is swapped in without closing the window
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Library library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService searchService;

    private volatile Seeds seeds;

    private BundleContext context;
    private ExecutorService background;
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private volatile boolean loopStarted;
    private volatile boolean closing;
    private volatile Display display;
    private volatile LibraryWindow window;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quire-ui-background");
            thread.setDaemon(true);
            return thread;
        });
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
        // no shutdownNow: interrupting a thread in the middle of a store would close the journal's channel;
        // the seed import sees the closed window as a cancellation and stops between records instead
        background.shutdown();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(name = "seeds", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSeeds")
    void bindSeeds(Seeds service) {
        seeds = service;
        LibraryWindow current = window;
        if (current != null) {
            current.reload(); // a new default workspace gets its seeds even when the importer starts late
        }
    }

    void unbindSeeds(Seeds service) {
        if (seeds == service) {
            seeds = null;
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
    public Optional<SearchService> search() {
        return Optional.ofNullable(searchService);
    }

    @Override
    public void handleEvent(Event event) {
        LibraryWindow current = window;
        if (current == null) {
            return;
        }
        if (event.getProperty("generation") instanceof Number generation) {
            current.libraryChanged(generation.longValue());
        } else {
            current.reload();
        }
    }

    /** The event loop, on the main thread: open the window, dispatch until it closes, stop the framework. */
    private void runWindow() {
        loopStarted = true;
        boolean stopFramework = true;
        boolean opened = false;
        Display created = null;
        try {
            if (closing) {
                stopFramework = false; // deactivated before the main thread got to this task
                return;
            }
            Display.setAppName("Quire");
            created = new Display();
            display = created;
            LibraryWindow opening = new LibraryWindow(created, this, background,
                    context.getBundle().getVersion().toString());
            String screenshot = context.getProperty(SCREENSHOT_PROPERTY);
            if (screenshot != null && !screenshot.isBlank()) {
                Display shown = created;
                Path file = Path.of(screenshot.strip());
                opening.whenFirstLoaded(() -> shown.timerExec(SCREENSHOT_DELAY_MILLIS,
                        () -> screenshotAndClose(opening, file)));
            }
            window = opening;
            opening.open();
            opened = true;
            while (!opening.isClosed() && !closing) {
                try {
                    if (!created.readAndDispatch()) {
                        created.sleep();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "unexpected error in the window", e); // keep the window usable
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
                System.err.println("quire: the window failed: " + oneLine(e));
            } else {
                System.err.println("quire: cannot open the window: " + oneLine(e)
                        + " (is DISPLAY set? try ./quire COMMAND for the command line)");
            }
        } finally {
            window = null;
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

    /** Screenshot mode: save the PNG, report the row count on stdout, and close (which stops the framework). */
    private static void screenshotAndClose(LibraryWindow window, Path file) {
        if (window.isClosed()) {
            return;
        }
        try {
            window.saveScreenshot(file);
        } catch (IOException | SWTException e) {
            System.err.println("quire: cannot save the screenshot " + file + ": " + oneLine(e));
        }
        System.out.println("quire: window shows " + window.table().getItemCount() + " references");
        System.out.flush();
        window.close();
    }

    /** Called after the event loop, on the main thread; Felix stops the system bundle on a thread of its own. */
    private void stopFramework() {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "stopping the framework", e);
        }
    }

    /** The message on one line (SWT's native-library message spans several), kept short enough to read. */
    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getName();
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private void closeWindow() {
        LibraryWindow current = window;
        if (current != null) {
            current.close();
        }
    }
}
