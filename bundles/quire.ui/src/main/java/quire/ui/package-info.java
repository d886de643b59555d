/**
 * The workbench shell (SWT), private to this bundle. {@link quire.ui.Workbench} is the Declarative Services
 * component: it waits for the launcher's main-thread {@link java.util.concurrent.Executor} (window mode only), hands
 * it the event loop, tracks the contributed views, commands, menu and tool bar items and preference pages
 * (whiteboard), registers the window's {@link quire.ui.api.WorkbenchContext} and {@link quire.api.work.Jobs}, and
 * stops the framework when the window closes. {@link quire.ui.WorkbenchWindow} is the window: menu bar, tool bar,
 * four view areas in sashes, status line with jobs; {@link quire.ui.WindowLayout} remembers its layout per
 * workspace; {@link quire.ui.WindowJobs} runs long work; the dialogs list what is installed right now. The views
 * themselves (citations, details, facets, ...) live in bundles of their own.
 */
package quire.ui;
