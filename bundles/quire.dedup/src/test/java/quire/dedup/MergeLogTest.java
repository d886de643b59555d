package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.dedup.Merge;
import quire.api.model.Provenance;
import quire.api.model.Reference;

class MergeLogTest {

    @TempDir
    Path workspace;

    private static MergeLog.Entry entry(String id) {
        Reference before = Reference.builder().id("r1").title("A title").doi("10.1000/x")
                .provenance(Provenance.of("a.ris", "ris", 0, 1)).build();
        Merge merge = new Merge(id, "r1", List.of("r2"), 0.97, true, List.of("same DOI"),
                Instant.parse("2026-11-23T10:00:00Z"));
        return MergeLog.Entry.of(merge, before, before.toBuilder().provenance(Provenance.of("b.ris", "ris", 4, 9))
                .pmid("123").build());
    }

    @Test
    void mergesAndUndosAreReadBackAndATornLineIsSkipped() throws Exception {
        MergeLog log = new MergeLog(workspace);
        log.appendMerges(List.of(entry("m1"), entry("m2")));
        log.appendUndo("m1", Instant.now());
        // a crash in the middle of the next append
        Files.writeString(workspace.resolve("dedup/merges.jsonl"), "{\"type\":\"merge\",\"id\":\"m3\",\"surv",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        MergeLog reread = new MergeLog(workspace);
        assertEquals(List.of(entry("m2")), reread.inEffect());
        reread.appendMerges(List.of(entry("m4")));
        assertEquals(List.of(entry("m2"), entry("m4")), new MergeLog(workspace).inEffect(),
                "a line written after the torn one starts on its own line");
    }

    @Test
    void theSurvivorIsRestoredFromWhatTheMergeChanged() throws Exception {
        Reference before = Reference.builder().id("r1").title("A title").doi("10.1000/x").tag("mine")
                .provenance(Provenance.of("a.ris", "ris", 0, 1)).build();
        Reference after = before.toBuilder().title("A Title").pmid("42").tags(List.of("mine", "theirs"))
                .provenance(Provenance.of("b.ris", "ris", 4, 9)).build();
        MergeLog.Entry entry = MergeLog.Entry.of(entry("m1").merge(), before, after);
        assertEquals(before, entry.restore(after));
        assertEquals(true, entry.unchangedSince(after));
        assertEquals(false, entry.unchangedSince(after.toBuilder().tag("later").build()));
        assertEquals(List.of("title", "pmid", "tags", "provenance"), entry.changed(), "only what the merge changed");
        new MergeLog(workspace).appendMerges(List.of(entry));
        assertEquals(before, new MergeLog(workspace).entry("m1").orElseThrow().restore(after), "read back from disk");
    }

    @Test
    void rejectionsAreKeptAsPairs() throws Exception {
        new MergeLog(workspace).appendRejection(List.of("b", "a", "c"), Instant.now());
        assertEquals(java.util.Set.of("a b", "b c", "a c"), new MergeLog(workspace).rejected());
    }
}
