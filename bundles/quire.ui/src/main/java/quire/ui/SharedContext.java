package quire.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import quire.api.review.ReviewStage;
import quire.ui.api.WorkbenchContext;

/**
 * The workbench's {@link WorkbenchContext}: values any thread may read and set; watchers run on the UI thread, in
 * the order they subscribed. A watcher that throws is reported and the others still run.
 */
final class SharedContext implements WorkbenchContext {

    private static final Logger LOG = Logger.getLogger(SharedContext.class.getName());

    private final Display display;
    private final Consumer<StatusMessage> statusLine;
    private final Map<Aspect, List<Runnable>> watchers = new EnumMap<>(Aspect.class);

    private volatile List<String> selection = List.of();
    private volatile String query = "";
    private volatile String filter = "";
    private volatile String stage = ReviewStage.TITLE_ABSTRACT;
    private volatile StatusMessage status;

    /** @param statusLine shows a message; called on the UI thread */
    SharedContext(Display display, Consumer<StatusMessage> statusLine) {
        this.display = display;
        this.statusLine = statusLine;
        for (Aspect aspect : Aspect.values()) {
            watchers.put(aspect, new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public List<String> selection() {
        return selection;
    }

    @Override
    public void setSelection(List<String> referenceIds) {
        List<String> copy = List.copyOf(referenceIds);
        if (!copy.equals(selection)) {
            selection = copy;
            changed(Aspect.SELECTION);
        }
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public void setQuery(String value) {
        String text = Objects.requireNonNull(value, "query").strip();
        if (!text.equals(query)) {
            query = text;
            changed(Aspect.QUERY);
        }
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public void setFilter(String value) {
        String text = Objects.requireNonNull(value, "filter").strip();
        if (!text.equals(filter)) {
            filter = text;
            changed(Aspect.FILTER);
        }
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public void setStage(String stageId) {
        String id = Objects.requireNonNull(stageId, "stage").strip();
        if (!id.equals(stage)) {
            stage = id;
            changed(Aspect.STAGE);
        }
    }

    @Override
    public void showStatus(String message) {
        show(new StatusMessage(message, false));
    }

    @Override
    public void showError(String message) {
        LOG.warning(message);
        show(new StatusMessage(message, true));
    }

    @Override
    public Optional<StatusMessage> statusMessage() {
        return Optional.ofNullable(status);
    }

    @Override
    public Subscription watch(Aspect aspect, Runnable watcher) {
        List<Runnable> list = watchers.get(aspect);
        Runnable entry = watcher::run; // a distinct object, so the same watcher may subscribe twice
        list.add(entry);
        return () -> list.remove(entry);
    }

    private void show(StatusMessage message) {
        status = message;
        onUiThread(() -> statusLine.accept(message));
    }

    private void changed(Aspect aspect) {
        onUiThread(() -> {
            for (Runnable watcher : watchers.get(aspect)) {
                try {
                    watcher.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "a watcher of the " + aspect + " failed", e);
                    showError("A view failed to follow the " + aspect.name().toLowerCase() + ": " + Problems.message(e));
                }
            }
        });
    }

    private void onUiThread(Runnable action) {
        if (display.isDisposed()) {
            return;
        }
        if (display.getThread() == Thread.currentThread()) {
            action.run();
            return;
        }
        try {
            display.asyncExec(action);
        } catch (SWTException e) {
            // the display went away meanwhile: nobody left to tell
        }
    }
}
