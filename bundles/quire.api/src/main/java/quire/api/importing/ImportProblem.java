package quire.api.importing;

import java.util.Objects;

/**
 * A problem found in an imported file, at a line the user can open.
 *
 * @param file     the file's name as given
 * @param line     the line, from 1 (0 when unknown)
 * @param column   the column, from 1 (0 when unknown)
 * @param severity {@link Severity#ERROR}: the record was skipped; {@link Severity#WARNING}: it was kept
 * @param message  what is wrong, and where it helps, what to do
 */
public record ImportProblem(String file, int line, int column, Severity severity, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** The record was kept, perhaps missing a field. */
        WARNING,
        /** The record was skipped. */
        ERROR
    }

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A record that could not be read, at a line (column unknown). */
    public static ImportProblem error(String file, int line, String message) {
        return new ImportProblem(file, line, 0, Severity.ERROR, message);
    }

    /** A record that could not be read, at a line and column. */
    public static ImportProblem error(String file, int line, int column, String message) {
        return new ImportProblem(file, line, column, Severity.ERROR, message);
    }

    /** A record read with something dropped or guessed, at a line (column unknown). */
    public static ImportProblem warning(String file, int line, String message) {
        return new ImportProblem(file, line, 0, Severity.WARNING, message);
    }

    /** A record read with something dropped or guessed, at a line and column. */
    public static ImportProblem warning(String file, int line, int column, String message) {
        return new ImportProblem(file, line, column, Severity.WARNING, message);
    }

    /** {@code file:line[:column]: error: message}, the form editors and terminals link. */
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": "
                + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
