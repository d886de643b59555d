/**
 * Long-running work: progress reporting and cancellation shared by imports, indexing and exports, and
 * {@link quire.api.work.Jobs}, the service that runs such work where the user sees it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package quire.api.work;
