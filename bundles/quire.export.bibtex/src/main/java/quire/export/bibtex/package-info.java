/**
 * Exports references as classic BibTeX (an ASCII {@code .bib} file that {@code bibtex} with the standard styles
 * reads and {@code pdflatex} typesets with the default fonts) and as biblatex (a UTF-8 {@code .bib} file for biber),
 * with citation keys from a configurable pattern.
 *
 * <p>Three Declarative Services components share one configuration
 * ({@link quire.export.bibtex.KeyPatternConfiguration}, the key pattern): {@link quire.export.bibtex.BibtexExporter} and {@link quire.export.bibtex.BiblatexExporter}
 * register the two formats, and {@link quire.export.bibtex.PatternKeyGenerator} offers the keys to the export
 * service, which gives each reference its key once and keeps it. The work is done by plain classes that need no
 * framework. {@link quire.export.bibtex.BibtexWriter} turns each reference into a
 * {@link quire.export.bibtex.BibtexEntry} (entry type, fields in a canonical order) for one
 * {@link quire.export.bibtex.Dialect} and prints it; {@link quire.export.bibtex.CitationKeys} makes every key
 * unique within the file, new keys coming from a {@link quire.export.bibtex.KeyPattern};
 * {@link quire.export.bibtex.BibtexNames} writes name lists; {@link quire.export.bibtex.LatexEncoder} writes field
 * text as LaTeX in ASCII or UTF-8, with {@link quire.export.bibtex.SpecialLetters} for the letters that are not a
 * base letter plus accents.
 *
 * <p>Everything read from a reference is data, never markup: the encoder writes a backslash or a brace in the data
 * as a command that prints it, so no field can run a LaTeX command, and every brace in the output is one the
 * encoder wrote, so braces always balance. A file written here and read back by the BibTeX importer is written
 * again byte for byte the same: the title's protected words, the entry type and the fields the model has no place
 * for are kept, and dashes, quotes and symbols are written in the forms that read back as themselves. Nothing here
 * is exported: other bundles see only the {@link quire.api.export.Exporter} and
 * {@link quire.api.export.CitationKeyGenerator} services.
 */
package quire.export.bibtex;
