/**
 * The facets view, private to this bundle: {@link quire.ui.facets.FacetsView} is the contributed view (a DS
 * component), {@link quire.ui.facets.FacetsPanel} the tree of counts of one open view, and
 * {@link quire.ui.facets.FacetFilter} the query the ticked values make, without SWT.
 */
package quire.ui.facets;
