/**
 * The command line: {@link quire.api.cli.Command} is a command a bundle contributes; {@link quire.api.cli.CommandLine} dispatches a command line to them. The launcher and the Gogo console both go through it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.cli;
