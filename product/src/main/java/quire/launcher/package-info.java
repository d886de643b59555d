/**
 * The launcher: embeds Apache Felix, installs the bundles of the product's features ({@code bundles/FEATURE/}),
 * starts them, and then either runs one command line through the {@code quire.api.cli.CommandLine} service, opens
 * the workbench window (offering the main thread to the UI bundle as an {@link java.util.concurrent.Executor}), or
 * opens the Gogo console. It knows Quire's API only by name, so it has no compile-time link to any bundle.
 */
package quire.launcher;
