/**
 * {@code quire review ...}: one {@link quire.api.cli.Command} service named {@code review} whose first operand picks
 * the subcommand (status, protocol, reviewer, screen, decide, conflicts, resolve, agreement, prisma, decisions,
 * export-decisions, import-decisions). Everything goes through {@link quire.api.review.ReviewService}; the terminal
 * screening loop ({@link quire.review.cli.ScreeningLoop}) follows a {@link quire.api.review.ScreeningOrder} when one
 * is installed.
 */
package quire.review.cli;
