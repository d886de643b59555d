/**
 * The details view, private to this bundle: {@link quire.ui.details.DetailsView} is the contributed view (a DS
 * component), {@link quire.ui.details.DetailsPanel} the widgets of one open view (fields, links, abstract with the
 * search terms marked, provenance, BibTeX preview, save and undo), {@link quire.ui.details.SearchTerms} which words
 * of a query to mark, without SWT.
 */
package quire.ui.details;
