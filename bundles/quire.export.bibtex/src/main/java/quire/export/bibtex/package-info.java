/**
 * Exports references as classic BibTeX: an ASCII {@code .bib} file that {@code bibtex} with the standard styles
 * reads without warnings and that {@code pdflatex} typesets with the default font encoding.
 *
 * <p>{@link quire.export.bibtex.BibtexExporter} is the Declarative Services component that registers the format;
 * the work is done by plain classes that need no framework. {@link quire.export.bibtex.BibtexWriter} turns each
 * reference into a {@link quire.export.bibtex.BibtexEntry} (entry type, fields in a fixed order) and prints it;
 * {@link quire.export.bibtex.CitationKeys} gives every entry a key that is unique within the file;
 * {@link quire.export.bibtex.BibtexNames} writes the author list; {@link quire.export.bibtex.LatexEncoder}
 * writes field text as LaTeX, with {@link quire.export.bibtex.SpecialLetters} for the letters that are not a
 * base letter plus accents.
 *
 * <p>Everything read from a reference is data, never markup: the encoder writes a backslash or a brace in the
 * data as a command that prints it, so no field can run a LaTeX command, and every brace in the output is one
 * the encoder wrote, so braces always balance. Nothing here is exported: other bundles see only the
 * {@link quire.api.export.Exporter} service.
 */
package quire.export.bibtex;
