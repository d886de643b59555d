/**
 * Searching the library: the query service backed by the full-text index.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.search;
