/**
 * Saved searches: {@link quire.searches.WorkspaceSavedSearches} keeps the named queries of a review, each with the
 * number of references it found and when it last ran, in {@code <workspace>/searches.json}. That is the record of
 * the search strategy that PRISMA-S asks a review to report. Counts come from the
 * {@link quire.api.search.SearchService}; nothing here is exported.
 */
package quire.searches;
