package quire.ui.api;

/**
 * Where a {@link View} goes in the window. The centre holds the main views (the citation table) and is always
 * shown; the other areas are beside it and below it and can be resized, hidden and restored by the user. Several
 * views in one area are shown as tabs.
 */
public enum Placement {
    /** Left of the centre: navigation and filters (facets). */
    LEFT,
    /** The main area: the citation table and other work lists. */
    CENTRE,
    /** Right of the centre: what the selection is (details). */
    RIGHT,
    /** Below the others: charts, logs, queues. */
    BOTTOM
}
