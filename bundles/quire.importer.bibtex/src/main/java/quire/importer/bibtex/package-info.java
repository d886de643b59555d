/**
 * Imports BibTeX and biblatex files.
 *
 * <p>{@link quire.importer.bibtex.BibtexImporter} is the Declarative Services component that registers the format.
 * {@link quire.importer.bibtex.BibtexParser} drives the reading: {@link quire.importer.bibtex.BibtexScanner}
 * streams the raw entries (macros expanded, LaTeX kept) and reports broken ones by line and column,
 * {@link quire.importer.bibtex.Inheritance} completes entries from their {@code crossref} and {@code xdata} parents,
 * and {@link quire.importer.bibtex.EntryMapping} maps each onto a reference with the help of
 * {@link quire.importer.bibtex.LatexDecoder} (LaTeX to Unicode), {@link quire.importer.bibtex.NameList} (BibTeX's
 * name rules) and {@link quire.importer.bibtex.BibtexDates}. Nothing here is exported: other bundles see only the
 * {@link quire.api.importing.Importer} service.
 */
package quire.importer.bibtex;
