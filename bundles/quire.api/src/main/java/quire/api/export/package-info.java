/**
 * Exporting references. {@link quire.api.export.Exporter} is what a plugin implements for an output format such as
 * BibTeX (registered as a service, picked up by the whiteboard pattern); {@link quire.api.export.ExportService} is
 * what the core offers to export a {@link quire.api.export.ExportSelection} of the library; a
 * {@link quire.api.export.CitationKeyGenerator} makes the citation keys that the export service gives references
 * once and keeps in the library.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package quire.api.export;
