/**
 * Keeps plugins in their place. {@link quire.plugins.GuardedCalls} runs calls into contributed services on its own
 * threads with a time limit and records what threw or hung; {@link quire.plugins.InstalledPlugins} lists the
 * bundles installed from the plugins folder with their contributions and problems (including why one does not
 * resolve), and disables or enables one, remembered in the workspace.
 */
package quire.plugins;
