package quire.ui.priority;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.review.ScreeningOrder;
import quire.ui.api.Command;
import quire.ui.api.MenuContribution;
import quire.ui.api.WorkbenchContext;

/**
 * Review &gt; Next Most Relevant Record: selects the unscreened record the model ranks first in the current stage,
 * so that the views showing the selection (details, screening) move to it. The ranking is read off the UI thread.
 */
@Component(service = {Command.class, MenuContribution.class})
public final class NextRelevantCommand implements Command, MenuContribution {

    static final String ID = "quire.priority.next";

    private volatile ScreeningOrder order;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setOrder(ScreeningOrder screeningOrder) {
        order = screeningOrder;
    }

    void unsetOrder(ScreeningOrder screeningOrder) {
        if (order == screeningOrder) {
            order = null;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Next Most Relevant Record";
    }

    @Override
    public boolean enabled(WorkbenchContext context) {
        return order != null;
    }

    @Override
    public void execute(WorkbenchContext context) {
        select(context);
    }

    /** Selects the best-ranked record; completes when the selection is set (or nothing is left to screen). */
    CompletableFuture<Void> select(WorkbenchContext context) {
        ScreeningOrder current = order;
        if (current == null) {
            context.showStatus("Priority screening is not installed.");
            return CompletableFuture.completedFuture(null);
        }
        String stage = context.stage();
        return CompletableFuture.runAsync(() -> {
            List<ScreeningOrder.Ranked> ranked = current.rank(stage);
            if (ranked.isEmpty()) {
                context.showStatus("Every record of this stage is screened.");
                return;
            }
            ScreeningOrder.Ranked best = ranked.get(0);
            context.setSelection(List.of(best.referenceId()));
            context.showStatus(String.format(Locale.ROOT, "Most relevant unscreened record: %.0f%% (%,d left)",
                    best.relevance() * 100, ranked.size()));
        }).exceptionally(e -> {
            context.showError("Could not rank the records: " + e.getMessage());
            return null;
        });
    }

    @Override
    public String menu() {
        return MenuContribution.REVIEW;
    }

    @Override
    public String commandId() {
        return ID;
    }

    @Override
    public int order() {
        return 600;
    }
}
