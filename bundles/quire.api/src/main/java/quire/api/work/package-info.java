/**
 * Long-running work: progress reporting and cancellation shared by imports, indexing and exports.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.work;
