/**
 * Imports paper listings: the plain-text digests that arXiv-style alert services print, one record per three
 * lines (score, category and date; title glued to the authors; abstract).
 *
 * <p>{@link quire.importer.listing.ListingImporter} is the Declarative Services component that registers the
 * format; {@link quire.importer.listing.ListingParser} reads the records and reports problems by line;
 * {@link quire.importer.listing.RecordHeader} reads line 1 of a record, and
 * {@link quire.importer.listing.TitleAndAuthors} with {@link quire.importer.listing.PersonName} finds where a
 * title ends and its authors begin in line 2. Nothing here is exported: other bundles see only the
 * {@link quire.api.importing.Importer} service.
 */
package quire.importer.listing;
