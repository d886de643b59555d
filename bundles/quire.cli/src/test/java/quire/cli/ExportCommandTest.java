package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.export.ExportException;
import quire.api.export.ExportOptions;
import quire.api.export.ExportReport;
import quire.api.export.ExportSelection;
import quire.api.export.ExportService;
import quire.api.search.QuerySyntaxException;

class ExportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** An export service that writes one line naming what it was asked for. */
    private static final class FakeExports implements ExportService {
        final List<ExportSelection> selections = new ArrayList<>();
        Map<String, String> assigned = Map.of();
        ExportException failure;
        IOException writeFailure;

        @Override
        public List<String> formats() {
            return List.of("biblatex", "bibtex");
        }

        @Override
        public ExportReport export(ExportSelection selection, String format, ExportOptions options, Writer writer)
                throws ExportException, IOException {
            if (failure != null) {
                throw failure;
            }
            selections.add(selection);
            writer.write("@misc{" + format + "-" + selection.kind() + "-" + selection.value() + ",}\n");
            if (writeFailure != null) {
                throw writeFailure;
            }
            return new ExportReport(format, 3, assigned);
        }
    }

    private final FakeExports service = new FakeExports();

    private int run(String... args) throws Exception {
        return new ExportCommand(service).run(List.of(args), new CommandIO(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exportsEverythingToStdoutByDefault() throws Exception {
        assertEquals(Command.OK, run("--format", "bibtex"));
        assertEquals("@misc{bibtex-ALL-,}\n", stdout());
        assertEquals("", stderr());
        assertEquals(List.of(ExportSelection.all()), service.selections);
    }

    @Test
    void selectsByQueryTagOrDecision() throws Exception {
        run("--format", "bibtex", "--query", "title:llm");
        run("--format=biblatex", "--tag", "to-read");
        run("--format", "bibtex", "--decision", "Include");
        assertEquals(List.of(ExportSelection.query("title:llm"), ExportSelection.tag("to-read"),
                ExportSelection.decision("include")), service.selections);
    }

    @Test
    void refusesSeveralSelectionsAndUnknownDecisions() {
        UsageException several = assertThrows(UsageException.class,
                () -> run("--format", "bibtex", "--query", "x", "--tag", "y"));
        assertEquals("select by one of --query, --tag and --decision, not several", several.getMessage());
        UsageException decision = assertThrows(UsageException.class,
                () -> run("--format", "bibtex", "--decision", "perhaps"));
        assertTrue(decision.getMessage().contains("include, exclude or maybe"), decision.getMessage());
        assertTrue(service.selections.isEmpty());
    }

    @Test
    void namesTheInstalledFormatsWhenTheFormatIsMissingOrUnknown() {
        UsageException missing = assertThrows(UsageException.class, () -> run());
        assertEquals("name the format with --format (installed: biblatex, bibtex)", missing.getMessage());
        UsageException unknown = assertThrows(UsageException.class, () -> run("--format", "ris"));
        assertEquals("no exporter for format 'ris' is installed (installed: biblatex, bibtex)", unknown.getMessage());
    }

    @Test
    void reportsABadQueryAsAUsageError() {
        service.failure = new ExportException("the query cannot be read",
                new QuerySyntaxException("unbalanced parenthesis", 3));
        UsageException bad = assertThrows(UsageException.class, () -> run("--format", "bibtex", "--query", "(a"));
        assertEquals("bad --query: unbalanced parenthesis", bad.getMessage());
        service.failure = new ExportException("selecting by query needs the search index, which is not installed");
        UsageException noIndex = assertThrows(UsageException.class, () -> run("--format", "bibtex", "--query", "a"));
        assertEquals("selecting by query needs the search index, which is not installed", noIndex.getMessage());
    }

    @Test
    void writesAFileAndSaysSo() throws Exception {
        Path file = dir.resolve("refs.bib");
        assertEquals(Command.OK, run("--format", "biblatex", "-o", file.toString()));
        assertEquals("@misc{biblatex-ALL-,}\n", Files.readString(file));
        assertEquals("", stdout());
        assertEquals("quire export: wrote 3 references as biblatex to " + file + "\n", stderr());
        assertFalse(Files.exists(dir.resolve(".refs.bib.quire-tmp")));
    }

    @Test
    void saysWhenItGaveKeys() throws Exception {
        service.assigned = Map.of("id1", "simhi2026old", "id2", "barez2023understanding");
        run("--format", "bibtex", "--output", dir.resolve("x.bib").toString());
        assertTrue(stderr().endsWith("quire export: gave 2 references a citation key; the workspace keeps it for "
                + "later exports\n"), stderr());
    }

    @Test
    void leavesTheOldFileWholeWhenWritingFails() throws Exception {
        Path file = dir.resolve("refs.bib");
        Files.writeString(file, "old");
        service.writeFailure = new IOException("disk full");
        IOException failure = assertThrows(IOException.class, () -> run("--format", "bibtex", "-o", file.toString()));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(file));
        assertFalse(Files.exists(dir.resolve(".refs.bib.quire-tmp")));
    }

    @Test
    void saysWhenTheExportServiceIsMissing() {
        UsageException missing = assertThrows(UsageException.class, () -> new ExportCommand().run(
                List.of("--format", "bibtex"), new CommandIO(System.out, System.err, false)));
        assertEquals("the export service is not installed (bundle quire.exporting)", missing.getMessage());
    }
}
