package quire.ui.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state the views of the window share, registered as a service by the workbench while its window is open and
 * given to every view in its {@link ViewContext}. One view sets a value, the others {@link #watch} it: the
 * citation table sets the selection and the details view shows it; the facets view sets the filter and the table
 * applies it.
 *
 * <p>Getters and setters may be called from any thread. Watchers are called on the UI thread, after the value
 * changed; a setter that does not change the value notifies nobody.
 */
@ProviderType
public interface WorkbenchContext {

    /** What can be watched. */
    enum Aspect {
        /** {@link #selection()} */
        SELECTION,
        /** {@link #query()} */
        QUERY,
        /** {@link #filter()} */
        FILTER,
        /** {@link #stage()} */
        STAGE
    }

    /** The ids of the selected references, in the order the table shows them; empty when none. */
    List<String> selection();

    /** Replaces the selection. */
    void setSelection(List<String> referenceIds);

    /**
     * The query typed in the search box, in Quire's query language; "" when none. Views use it, for example, to
     * highlight the search terms.
     */
    String query();

    /** Sets the query (the citation view runs it). */
    void setQuery(String query);

    /**
     * A query that narrows what the citation view lists, on top of {@link #query()}; set by views such as the
     * facets (e.g. {@code year:2024 AND type:preprint}); "" when none.
     */
    String filter();

    /** Sets the filter. */
    void setFilter(String filter);

    /** The id of the review stage the reviewer is working in; {@code quire.api.review.ReviewStage.TITLE_ABSTRACT} at first. */
    String stage();

    /** Chooses the review stage. */
    void setStage(String stageId);

    /** Shows a message in the status line, e.g. "Included 1 reference". */
    void showStatus(String message);

    /** Shows a problem in the status line (marked as an error) and writes it to the log. */
    void showError(String message);

    /** The status line's current message, and whether it is an error. */
    Optional<StatusMessage> statusMessage();

    /**
     * Calls {@code watcher} on the UI thread each time the aspect changes, until the returned subscription is
     * closed (or, for a subscription made through a {@link ViewContext}, until the view's control is disposed).
     */
    Subscription watch(Aspect aspect, Runnable watcher);

    /**
     * A message of the status line.
     *
     * @param text  the message
     * @param error whether it reports a problem
     */
    record StatusMessage(String text, boolean error) {
    }

    /** Ends a {@link #watch}; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
