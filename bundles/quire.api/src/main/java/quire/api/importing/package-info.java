/**
 * Importing references: {@link quire.api.importing.Importer} is what a plugin implements for a file format (registered as a service, picked up by the whiteboard pattern); {@link quire.api.importing.ImportService} is what the core offers to run an import.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.importing;
