/**
 * The duplicate review queue in the workbench: {@link quire.ui.dedup.DuplicatesView} lists the pairs that
 * deduplication was not sure enough to merge and shows each side by side ({@code Comparison} says which fields
 * differ); a reviewer merges or keeps apart with a key.
 */
package quire.ui.dedup;
