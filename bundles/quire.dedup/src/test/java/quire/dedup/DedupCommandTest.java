package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.importing.ImportOptions;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.work.Progress;

/** {@code quire dedup} on a real library: text and JSON, dry run, merge, the merge list and undo. */
class DedupCommandTest {

    @TempDir
    Path workspace;
    @TempDir
    Path downloads;
    private Library library;
    private DedupCommand command;

    @BeforeEach
    void open() throws Exception {
        library = Workspaces.open(workspace);
        Path ris = LabelledSet.shared().resolve("fixtures").resolve("asreview_scopus_ris_issue_1099.ris");
        var imports = Workspaces.importService(library);
        imports.importFile(ris, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        Path again = Files.writeString(downloads.resolve("scopus-again.ris"),
                Files.readString(ris).replace("\r\n", "\n").replace("\n", "\r\n"));
        imports.importFile(again, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        command = new DedupCommand(new LibraryDedupService(library), library);
    }

    @AfterEach
    void close() throws Exception {
        Workspaces.close(library);
    }

    private String[] run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new CommandIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        assertEquals(Command.OK, code);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aDryRunPrintsGroupsWithConfidenceAndReasonsAndChangesNothing() throws Exception {
        List<Reference> before = library.references();
        String[] output = run("--dry-run");
        assertTrue(output[0].startsWith("would merge d"), output[0]);
        assertTrue(output[0].contains("confidence 1.00"), output[0]);
        assertTrue(output[0].contains("same DOI"), output[0]);
        assertTrue(output[0].contains("  keep "), output[0]);
        assertTrue(output[0].contains("review d"), "the review queue follows: " + output[0]);
        assertTrue(output[1].contains("would merge 7 duplicates in 7 groups; 1 group to review"), output[1]);
        assertEquals(before, library.references());
    }

    @Test
    void jsonListsTheGroupsAndTheMergesToUndo() throws Exception {
        JsonNode result = new ObjectMapper().readTree(run("--format", "json")[0]);
        assertEquals(false, result.get("dryRun").asBoolean());
        assertEquals(14, result.get("records").asInt());
        assertEquals(7, result.get("duplicates").asInt());
        assertEquals(1, result.get("review").asInt());
        JsonNode first = result.get("groups").get(0);
        assertTrue(first.get("automatic").asBoolean());
        assertTrue(first.get("confidence").asDouble() >= 0.95);
        assertTrue(first.get("reasons").toString().contains("same DOI"), first.toString());
        assertEquals(2, first.get("records").size());
        assertTrue(first.get("records").get(0).get("sources").size() >= 1);
        String mergeId = first.get("merge").asText();

        JsonNode merges = new ObjectMapper().readTree(run("--merges", "--format", "json")[0]);
        assertEquals(7, merges.size());
        String undone = run("--undo", mergeId)[0];
        assertTrue(undone.startsWith("undid " + mergeId), undone);
        assertEquals(6, new ObjectMapper().readTree(run("--merges", "--format=json")[0]).size());
        UsageException again = assertThrows(UsageException.class, () -> run("--undo", mergeId));
        assertTrue(again.getMessage().contains("no merge " + mergeId), again.getMessage());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThrows(UsageException.class, () -> run("--frobnicate"));
        assertThrows(UsageException.class, () -> run("--format", "xml"));
        assertThrows(UsageException.class, () -> run("--undo"));
        assertThrows(UsageException.class, () -> run("--dry-run", "--undo", "m1"));
        assertThrows(UsageException.class, () -> run("extra"));
        assertThrows(UsageException.class, () -> run("--accept", "dnothere"));
    }
}
