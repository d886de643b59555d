/**
 * What a bundle contributes to the Quire workbench window, and what the workbench offers it in return.
 *
 * <p>The workbench knows its contributions only as OSGi services, picked up with the whiteboard pattern: a bundle
 * registers a {@link quire.ui.api.View}, a {@link quire.ui.api.Command}, a {@link quire.ui.api.MenuContribution},
 * a {@link quire.ui.api.ToolbarContribution} or a {@link quire.ui.api.PreferencePage} (for example as a Declarative
 * Services component) and it appears in the open window; when the bundle stops it goes away. Nothing names the
 * workbench bundle, and the workbench names none of its contributors.
 *
 * <p>As in Eclipse e4, a command (what is done, with its key binding and enablement) is separate from where it
 * shows: a {@link quire.ui.api.MenuContribution} puts a command in a menu, a
 * {@link quire.ui.api.ToolbarContribution} on the tool bar, and the key binding works wherever the focus is not in
 * a text field.
 *
 * <p>Views share state through the {@link quire.ui.api.WorkbenchContext}, also a service: the selected references,
 * the search query, the filter the facets set, the current review stage, and the status line. Long work goes to
 * {@link quire.api.work.Jobs}, which the workbench also provides.
 *
 * <p>Threads: every method of a contribution that receives SWT widgets is called on the UI thread; the UI thread
 * must never wait on I/O, the index or the review log, so contributions hand such work to a job or another thread
 * and come back with {@link quire.ui.api.ViewContext#asyncExec}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.ui.api;
