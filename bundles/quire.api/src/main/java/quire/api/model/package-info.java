/**
 * The reference model: immutable records for a bibliographic {@link quire.api.model.Reference}, its authors, its issued date and where it came from. Plain data with no I/O; every other package builds on it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.model;
