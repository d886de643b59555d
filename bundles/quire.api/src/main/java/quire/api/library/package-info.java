/**
 * The library of a workspace: the store of references, durable on disk, and how other bundles follow its changes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.library;
