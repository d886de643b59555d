/**
 * Imports tables of references: CSV ({@link quire.importer.csv.CsvImporter}) and TSV
 * ({@link quire.importer.csv.TsvImporter}) as Scopus, Web of Science, Embase, IEEE Xplore, Zotero, ASReview and
 * SYNERGY write them. Both components use one reader.
 *
 * <p>{@link quire.importer.csv.TableParser} finds the delimiter ({@link quire.importer.csv.Delimiters}) and reads
 * the rows with {@link quire.importer.csv.CsvRows}, an RFC 4180 reader that holds one row at a time and whose
 * rows may span lines. {@link quire.importer.csv.TableHeader} finds what each column holds
 * ({@link quire.importer.csv.Column}) and whose export the table is ({@link quire.importer.csv.Dialect});
 * {@link quire.importer.csv.RowMapping} turns a row into a reference with {@link quire.importer.csv.AuthorList},
 * {@link quire.importer.text.PersonNames}, {@link quire.importer.text.DateText},
 * {@link quire.importer.csv.EmbaseCitation}, {@link quire.importer.csv.DocumentTypes} and
 * {@link quire.importer.csv.ScreeningLabel}. {@link quire.importer.csv.TableSniffer} recognises a table from its
 * header. Nothing here is exported: other bundles see only the {@link quire.api.importing.Importer} services.
 */
package quire.importer.csv;
