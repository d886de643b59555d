package quire.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.review.Decision;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;
import quire.review.DeduplicationStage;
import quire.review.FullTextStage;
import quire.review.IdentificationStage;
import quire.review.IncludedStage;
import quire.review.PrismaFlowDiagram;
import quire.review.TitleAbstractStage;
import quire.review.WorkspaceReview;

/** The review commands against the real review service on a small library. */
class ReviewCommandTest {

    @TempDir
    Path dir;

    /** One workspace: its library, review and command. */
    final class Workspace {
        final Library library;
        final WorkspaceReview review;
        final ReviewCommand command;

        Workspace(String name) throws IOException {
            library = new SmallLibrary(Files.createDirectories(dir.resolve(name)), 6);
            review = new WorkspaceReview(library);
            review.addStage(new IdentificationStage());
            review.addStage(new DeduplicationStage(library));
            review.addStage(new TitleAbstractStage());
            review.addStage(new FullTextStage());
            review.addStage(new IncludedStage());
            command = new ReviewCommand(review, library, new PrismaFlowDiagram());
        }

        String run(String... args) throws Exception {
            return runWithInput("", args);
        }

        String runWithInput(String input, String... args) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            command.input = () -> new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
            int code = command.run(List.of(args), new CommandIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }

        void setUp() throws Exception {
            run("protocol", "set", "title", "Sparse", "autoencoders");
            run("protocol", "set", "question", "Do SAEs find features?");
            run("protocol", "add", "criterion", "off-topic", "Not about sparse autoencoders");
            run("protocol", "add", "criterion", "no-eval", "No evaluation");
            run("protocol", "add", "reviewer", "AB", "Ada", "Byron");
            run("protocol", "add", "reviewer", "CD", "Carl", "Dunn");
            run("protocol", "add", "search", "arXiv", "sparse autoencoder*", "--date", "2026-11-01", "--hits", "6",
                    "--file", "listing.txt");
            run("protocol", "set", "blinded", "on");
            run("protocol", "set", "reviewers-per-record", "2");
        }
    }

    @Test
    void theProtocolIsEditedAndShown() throws Exception {
        Workspace ws = new Workspace("one");
        ws.setUp();
        JsonNode json = ReviewCommand.JSON.readTree(ws.run("protocol", "--format", "json"));
        assertEquals("Sparse autoencoders", json.get("title").asText());
        assertEquals(2, json.get("criteria").size());
        assertEquals("Carl Dunn", json.get("reviewers").get(1).get("name").asText());
        assertEquals("2026-11-01", json.get("searches").get(0).get("date").asText());
        assertTrue(json.get("blinded").asBoolean());
        assertEquals(2, json.get("reviewersPerRecord").asInt());
        assertThrows(UsageException.class, () -> ws.run("protocol", "add", "criterion", "off-topic", "again"));
        assertThrows(UsageException.class, () -> ws.run("protocol", "set", "reviewers-per-record", "3"));
        assertThrows(UsageException.class, () -> ws.run("reviewer", "ZZ"));
        ws.run("protocol", "remove", "criterion", "no-eval");
        assertEquals(1, ws.review.protocol().criteria().size());
    }

    @Test
    void theScreeningLoopRecordsIncludeExcludeWithReasonMaybeAndUndo() throws Exception {
        Workspace ws = new Workspace("one");
        ws.setUp();
        ws.run("reviewer", "AB");
        // r1 include; r2 exclude, first a wrong reason then 2 (no-eval); r3 maybe; undo r3; r3 include; quit
        String shown = ws.runWithInput("i\ne\n9\n2\nm\nu\ni\nq\n", "screen");
        assertTrue(shown.contains("Title 1"), shown);
        assertTrue(shown.contains("Abstract of Title 2"), shown);
        assertTrue(shown.contains("No reason '9'"), shown);
        assertTrue(shown.contains("Withdrew maybe on r3"), shown);
        assertTrue(shown.contains("AB decided 3 records in this session; 3 left"), shown);
        Map<String, Verdict> own = new LinkedHashMap<>();
        ws.review.statuses(ReviewStage.TITLE_ABSTRACT).forEach((id, s) -> own.put(id, s.own()));
        assertEquals(Verdict.INCLUDE, own.get("r1"));
        assertEquals(Verdict.EXCLUDE, own.get("r2"));
        assertEquals(Verdict.INCLUDE, own.get("r3"));
        assertEquals(Verdict.NONE, own.get("r4"));
        assertEquals(Optional.of("no-eval"), ws.review.log().get(1).criterion());
        assertEquals(5, ws.review.log().size(), "undo is an entry of its own");
        // end of input ends the loop like q
        assertTrue(ws.runWithInput("i\n", "screen").contains("AB decided 1 record in this session; 2 left"));
    }

    @Test
    void theLoopFollowsAScreeningOrder() throws Exception {
        Workspace ws = new Workspace("one");
        ws.setUp();
        ws.run("reviewer", "AB");
        ws.command.setOrder(stage -> List.of(new ScreeningOrder.Ranked("r5", 0.9),
                new ScreeningOrder.Ranked("r2", 0.7)));
        ws.runWithInput("m\nm\nm\nq\n", "screen");
        List<String> order = ws.review.log().stream().map(Decision::referenceId).toList();
        assertEquals(List.of("r5", "r2", "r1"), order, "ranked first, then library order");
    }

    @Test
    void twoReviewersExchangeDecisionsSeeConflictsResolveAndGetAgreementAndPrisma() throws Exception {
        Workspace one = new Workspace("one");
        Workspace two = new Workspace("two");
        one.setUp();
        two.setUp();
        one.run("reviewer", "AB");
        two.run("reviewer", "CD");
        one.run("decide", "r1", "r2", "r3", "r4", "include");
        one.run("decide", "r5", "r6", "exclude", "--reason", "off-topic");
        two.run("decide", "r1", "r2", "r3", "include");
        two.run("decide", "r4", "r5", "r6", "exclude", "--reason", "no-eval");
        assertTrue(one.run("conflicts").contains("0 conflicts"));
        Path ab = dir.resolve("ab.jsonl");
        Path cd = dir.resolve("cd.jsonl");
        assertTrue(one.run("export-decisions", ab.toString(), "--reviewer", "AB").contains("exported 6 decisions"));
        two.run("export-decisions", cd.toString());
        String imported = one.run("import-decisions", cd.toString());
        assertTrue(imported.contains("imported 6 new decisions"), imported);
        assertTrue(imported.contains("1 conflict to resolve"), imported);
        two.run("import-decisions", ab.toString());
        assertTrue(two.run("import-decisions", ab.toString()).contains("imported 0 new decisions"));

        String conflicts = one.run("conflicts");
        assertTrue(conflicts.contains("title-abstract  r4  Title 4"), conflicts);
        assertTrue(conflicts.contains("AB: include") && conflicts.contains("CD: exclude (no-eval)"), conflicts);
        JsonNode agreement = ReviewCommand.JSON.readTree(one.run("agreement", "--format", "json"));
        assertEquals(6, agreement.get(0).get("records").asInt());
        assertEquals(5, agreement.get(0).get("agreed").asInt());
        // AB includes 4 of 6, CD 3 of 6: pe = 4/6*3/6 + 2/6*3/6 = 0.5; po = 5/6; kappa = (5/6-1/2)/(1/2) = 2/3
        assertEquals(2.0 / 3.0, agreement.get(0).get("kappa").asDouble(), 1e-12);
        assertTrue(one.run("agreement").contains("AB/CD"));

        one.run("resolve", "r4", "include", "--note", "talked it over");
        assertTrue(one.run("conflicts").contains("0 conflicts"));
        one.run("decide", "r1", "r2", "r3", "r4", "include", "--stage", "full-text");
        Path svg = dir.resolve("flow.svg");
        Path png = dir.resolve("flow.png");
        Path csv = dir.resolve("counts.csv");
        one.run("prisma", "-o", svg.toString(), "-o", png.toString(), "-o", csv.toString());
        assertTrue(Files.readString(svg).contains("Records screened"));
        assertTrue(Files.size(png) > 10_000);
        assertTrue(Files.readString(csv).contains("records_screened,node9,box4,"));
        JsonNode counts = ReviewCommand.JSON.readTree(one.run("prisma", "--format", "json"));
        assertEquals(6, counts.get("records_screened").asInt());
        assertEquals(2, counts.get("records_excluded").asInt());
        assertEquals(4, counts.get("dbr_sought_reports").asInt());
        assertEquals(4, counts.get("pending").asInt(), "full text needs two reviewers: AB alone leaves 4 pending");
        assertThrows(UsageException.class, () -> one.run("prisma", "-o", dir.resolve("flow.gif").toString()));

        String table = one.run("decisions");
        assertTrue(table.startsWith("id,record,title,stage,reviewer,verdict,reason,note,at,resolution"), table);
        assertEquals(1 + one.review.log().size(), table.lines().filter(l -> l.contains(",")).count());
        JsonNode status = ReviewCommand.JSON.readTree(one.run("status", "--format", "json"));
        assertEquals("title-abstract", status.get("stages").get(2).get("id").asText());
        assertEquals(4, status.get("stages").get(2).get("passed").asInt());
        assertEquals(6, status.get("stages").get(2).get("decidedByReviewer").get("CD").asInt());
    }

    @Test
    void blindedStatusDoesNotRevealTheOtherReviewer() throws Exception {
        Workspace one = new Workspace("one");
        one.setUp();
        one.run("reviewer", "CD");
        one.run("decide", "r1", "exclude", "--reason", "off-topic");
        one.run("reviewer", "AB");
        String shown = one.runWithInput("q\n", "screen");
        assertTrue(shown.contains("r1"), "AB still screens r1 blind: " + shown);
        assertTrue(!shown.toLowerCase().contains("off-topic"), shown);
        String table = one.run("decisions");
        assertTrue(!table.contains("off-topic") && table.contains("1 decisions of other reviewers are hidden"), table);
        one.run("decide", "r1", "include");
        assertTrue(one.run("decisions").contains("off-topic"), "once AB decided r1, CD's decision shows");
    }

    /** Six records r1..r6 from one listing file. */
    static final class SmallLibrary implements Library {
        private final Path workspace;
        private final Map<String, Reference> refs = new LinkedHashMap<>();

        SmallLibrary(Path workspace, int n) {
            this.workspace = workspace;
            for (int i = 1; i <= n; i++) {
                refs.put("r" + i, Reference.builder().id("r" + i).title("Title " + i)
                        .abstractText("Abstract of Title " + i)
                        .provenance(Provenance.of("listing.txt", "listing", i - 1, i)).build());
            }
        }

        @Override public Path workspace() { return workspace; }
        @Override public int size() { return refs.size(); }
        @Override public long generation() { return 1; }
        @Override public List<Reference> references() { return new ArrayList<>(refs.values()); }
        @Override public Optional<Reference> reference(String id) { return Optional.ofNullable(refs.get(id)); }
        @Override public long store(Collection<Reference> references) { throw new UnsupportedOperationException(); }
        @Override public LibraryTransaction begin() { throw new UnsupportedOperationException(); }
        @Override public long remove(Collection<String> ids) { throw new UnsupportedOperationException(); }
        @Override public LibraryChanges changesSince(long g) { return new LibraryChanges(g, 1, Set.of(), true); }
    }
}
