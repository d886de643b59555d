package quire.ui;

import java.util.List;
import java.util.Optional;
import quire.ui.api.WorkbenchContext;

/** The shared context as one view sees it: its subscriptions are collected so that they end with its control. */
final class ScopedContext implements WorkbenchContext {

    private final WorkbenchContext shared;
    private final List<Subscription> subscriptions;

    ScopedContext(WorkbenchContext shared, List<Subscription> subscriptions) {
        this.shared = shared;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<String> selection() {
        return shared.selection();
    }

    @Override
    public void setSelection(List<String> referenceIds) {
        shared.setSelection(referenceIds);
    }

    @Override
    public String query() {
        return shared.query();
    }

    @Override
    public void setQuery(String query) {
        shared.setQuery(query);
    }

    @Override
    public String filter() {
        return shared.filter();
    }

    @Override
    public void setFilter(String filter) {
        shared.setFilter(filter);
    }

    @Override
    public String stage() {
        return shared.stage();
    }

    @Override
    public void setStage(String stageId) {
        shared.setStage(stageId);
    }

    @Override
    public void showStatus(String message) {
        shared.showStatus(message);
    }

    @Override
    public void showError(String message) {
        shared.showError(message);
    }

    @Override
    public Optional<StatusMessage> statusMessage() {
        return shared.statusMessage();
    }

    @Override
    public Subscription watch(Aspect aspect, Runnable watcher) {
        Subscription subscription = shared.watch(aspect, watcher);
        subscriptions.add(subscription);
        return () -> {
            subscription.close();
            subscriptions.remove(subscription);
        };
    }
}
