/**
 * The workbench window (SWT), private to this bundle. {@link quire.ui.Workbench} is the Declarative Services
 * component: it waits for the launcher's main-thread {@link java.util.concurrent.Executor} (window mode only), hands
 * it the event loop and stops the framework when the window closes. {@link quire.ui.LibraryWindow} is the window
 * itself: a search box, the citation table and a status line; it reads the library and searches on a background
 * thread so the UI thread only paints and dispatches. {@link quire.ui.CitationColumn} writes a reference into the
 * table's columns and knows nothing of SWT.
 */
package quire.ui;
