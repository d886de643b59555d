/**
 * Exporting references: {@link quire.api.export.Exporter} is what a plugin implements for an output format such as BibTeX.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.export;
