/**
 * The export service: {@link quire.exporting.LibraryExportService} selects references of the library (all, a
 * search's results, a tag, a screening decision), gives every selected reference without a citation key a key
 * that is unique in the library and stores it ({@link quire.exporting.KeyAssignment}), and hands the references to
 * the installed exporter for the format. Storing the keys is what keeps them stable: a reference keeps its key
 * through edits, new references and later exports. Nothing here is exported; other bundles see only the
 * {@link quire.api.export.ExportService} service.
 */
package quire.exporting;
