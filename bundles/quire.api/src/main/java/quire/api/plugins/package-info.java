/**
 * Plugins as the workbench sees them: which bundles are installed from the {@code plugins/} folder, what they
 * contribute, what went wrong with them; and the guard the core calls contributed services through, so that a
 * plugin that throws or hangs is reported by name and never takes the rest down.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.plugins;
