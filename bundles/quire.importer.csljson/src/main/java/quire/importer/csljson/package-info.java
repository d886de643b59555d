/**
 * Imports CSL-JSON, the citation data of citeproc as Zotero, Better BibTeX, Mendeley and pandoc export it.
 *
 * <p>{@link quire.importer.csljson.CslJsonImporter} is the Declarative Services component that registers the
 * format; {@link quire.importer.csljson.CslJsonParser} streams the file with Jackson one item at a time;
 * {@link quire.importer.csljson.CslItem} turns an item into a reference, with {@link quire.importer.csljson.CslDate}
 * for the many forms of CSL dates, {@link quire.importer.csljson.CslNames} for names and
 * {@link quire.importer.csljson.CslType} for item types. Nothing here is exported: other bundles see only the
 * {@link quire.api.importing.Importer} service.
 */
package quire.importer.csljson;
