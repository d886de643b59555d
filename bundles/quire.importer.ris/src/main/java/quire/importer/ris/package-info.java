/**
 * Imports RIS, the tagged reference format of EndNote, Zotero, Mendeley and the bibliographic databases (Scopus,
 * Web of Science, Embase, PubMed, IEEE Xplore), in all the dialects they write.
 *
 * <p>{@link quire.importer.ris.RisImporter} is the Declarative Services component that registers the format;
 * {@link quire.importer.ris.RisParser} reads the file line by line into one {@link quire.importer.ris.RisRecord} at
 * a time, and {@link quire.importer.ris.RisMapping} turns each record into a reference, with
 * {@link quire.importer.text.PersonNames} for authors, {@link quire.importer.text.DateText} for dates and
 * {@link quire.importer.text.Databases} for the name of the database a record came from. Nothing here is exported:
 * other bundles see only the {@link quire.api.importing.Importer} service.
 */
package quire.importer.ris;
