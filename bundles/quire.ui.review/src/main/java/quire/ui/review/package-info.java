/**
 * The review in the workbench window, as three views contributed through {@code quire.ui.api}: "Review" (progress
 * per stage and reviewer, agreement), "Conflicts" (records the reviewers disagree on, resolved from the view) and
 * "PRISMA" (the flow diagram, saved as SVG, PNG or CSV). Each gathers what it shows on its own thread after every
 * decision or library change ({@link quire.ui.review.Background}) and hands it to the UI thread.
 */
package quire.ui.review;
