/**
 * Imports clipped web pages of newsletter issues: the plain text a browser's "save as text" or a clipper keeps of
 * a page such as an ML Safety Newsletter issue, with the site's chrome around it.
 *
 * <p>{@link quire.importer.clipping.ClippingImporter} is the Declarative Services component that registers the
 * format and tells it from other {@code .txt} formats by content; {@link quire.importer.clipping.ClippingParser}
 * walks the page line by line (heading, introduction, items, trailing boxes).
 * {@link quire.importer.clipping.PageChrome} knows the lines a page adds around an article,
 * {@link quire.importer.clipping.ItemTitle} gives an item a title a reviewer can scan, and
 * {@link quire.importer.clipping.IdentifierFinder} finds DOIs, arXiv ids, PubMed ids and addresses in running
 * text. Nothing here is exported: other bundles see only the {@link quire.api.importing.Importer} service.
 */
package quire.importer.clipping;
