/**
 * The plugins in the window: {@link quire.ui.plugins.PluginsView} lists the bundles installed from the plugins
 * folder with their state, contributions and problems, and disables or enables one;
 * {@link quire.ui.plugins.PluginProblemNotice} puts each plugin fault in the status line as it happens.
 */
package quire.ui.plugins;
