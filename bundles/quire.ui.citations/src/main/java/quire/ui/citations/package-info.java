/**
 * The citation view, private to this bundle: {@link quire.ui.citations.CitationsView} is the contributed
 * {@link quire.ui.api.View} (a DS component), {@link quire.ui.citations.CitationTable} the widgets of one open view
 * (virtual table, search as you type, screening keys), {@link quire.ui.citations.CitationColumn} how a reference is
 * written and sorted in each column, without SWT.
 */
package quire.ui.citations;
