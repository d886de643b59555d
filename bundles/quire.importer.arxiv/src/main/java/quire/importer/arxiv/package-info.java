/**
 * Imports the Atom feed of the arXiv API, the answer to {@code http://export.arxiv.org/api/query?...}.
 *
 * <p>{@link quire.importer.arxiv.ArxivAtomImporter} is the Declarative Services component that registers the
 * format; {@link quire.importer.arxiv.ArxivFeedParser} reads the feed entry by entry with StAX (no DTDs, no external
 * entities); {@link quire.importer.arxiv.ArxivEntry} gathers an entry and makes its reference, with
 * {@link quire.importer.arxiv.AuthorName} splitting the authors' names. Nothing here is exported: other bundles see
 * only the {@link quire.api.importing.Importer} service.
 */
package quire.importer.arxiv;
