/**
 * The command line: {@link quire.cli.CommandDispatcher} is the {@link quire.api.cli.CommandLine} the launcher and
 * the Gogo console call; each built-in command ({@code import}, {@code list}, {@code search}, {@code export},
 * {@code bundles}) is a {@link quire.api.cli.Command} service like any a plugin adds.
 */
package quire.cli;
