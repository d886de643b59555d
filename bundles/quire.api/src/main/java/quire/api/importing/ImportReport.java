package quire.api.importing;

import java.util.List;

/**
 * What importing one file did.
 *
 * @param file           the file's name as given
 * @param format         the format it was read as
 * @param read           references read from the file
 * @param added          references newly stored
 * @param alreadyPresent references skipped because this same record of this same file was imported before
 * @param problems       problems found, in file order
 * @param cancelled      true when the user cancelled; what was stored before that stays stored
 */
public record ImportReport(String file, String format, int read, int added, int alreadyPresent,
        List<ImportProblem> problems, boolean cancelled) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** The number of problems of {@link ImportProblem.Severity#ERROR} severity (skipped records). */
    public long errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).count();
    }
}
