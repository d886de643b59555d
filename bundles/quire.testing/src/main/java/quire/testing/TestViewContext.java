package quire.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.swt.widgets.Display;
import quire.api.review.ReviewStage;
import quire.api.work.Jobs;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The workbench's side of a view, in memory, for view tests: watchers run on the UI thread and late work is
 * dropped once the view is gone, as in the window. A view that runs jobs needs {@link #withJobs}, e.g. with
 * {@link ThreadJobs}.
 */
public final class TestViewContext implements ViewContext, WorkbenchContext {

    private final Display display;
    private final Map<Aspect, List<Runnable>> watchers = new EnumMap<>(Aspect.class);
    private volatile List<String> selection = List.of();
    private volatile String query = "";
    private volatile String filter = "";
    private volatile String stage = ReviewStage.TITLE_ABSTRACT;
    private volatile StatusMessage status;
    private volatile Jobs jobs;

    public TestViewContext(Display display) {
        this.display = display;
        for (Aspect aspect : Aspect.values()) {
            watchers.put(aspect, new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public WorkbenchContext workbench() {
        return this;
    }

    @Override
    public Jobs jobs() {
        if (jobs == null) {
            throw new UnsupportedOperationException("this test gives the view no jobs");
        }
        return jobs;
    }

    /** Gives the view this job service. */
    public TestViewContext withJobs(Jobs service) {
        jobs = service;
        return this;
    }

    @Override
    public void asyncExec(Runnable action) {
        // as the workbench's: work arriving after the view's widgets are gone is dropped
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (display.getShells().length > 0) {
                    action.run();
                }
            });
        }
    }

    @Override
    public List<String> selection() {
        return selection;
    }

    @Override
    public void setSelection(List<String> ids) {
        if (!ids.equals(selection)) {
            selection = List.copyOf(ids);
            changed(Aspect.SELECTION);
        }
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public void setQuery(String value) {
        if (!value.strip().equals(query)) {
            query = value.strip();
            changed(Aspect.QUERY);
        }
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public void setFilter(String value) {
        if (!value.strip().equals(filter)) {
            filter = value.strip();
            changed(Aspect.FILTER);
        }
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public void setStage(String id) {
        stage = id;
        changed(Aspect.STAGE);
    }

    @Override
    public void showStatus(String message) {
        status = new StatusMessage(message, false);
    }

    @Override
    public void showError(String message) {
        status = new StatusMessage(message, true);
    }

    @Override
    public Optional<StatusMessage> statusMessage() {
        return Optional.ofNullable(status);
    }

    @Override
    public Subscription watch(Aspect aspect, Runnable watcher) {
        Runnable entry = watcher::run;
        watchers.get(aspect).add(entry);
        return () -> watchers.get(aspect).remove(entry);
    }

    private void changed(Aspect aspect) {
        Runnable notify = () -> watchers.get(aspect).forEach(Runnable::run);
        if (display.getThread() == Thread.currentThread()) {
            notify.run();
        } else {
            display.asyncExec(notify);
        }
    }
}
