/**
 * The priority screening view: how relevant the model finds each unscreened record, a live chart of includes found
 * against records screened, and a stopping hint after a configurable run of consecutive excludes. Nothing here is
 * exported.
 */
package quire.ui.priority;
