package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.dedup.DedupService;
import quire.api.dedup.Merge;
import quire.api.importing.ImportOptions;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.review.Decision;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.Verdict;
import quire.api.work.Progress;
import quire.review.DeduplicationStage;
import quire.review.IdentificationStage;
import quire.review.TitleAbstractStage;
import quire.review.WorkspaceReview;

/**
 * Acceptance 4: undoing a merge gives back both records exactly as they were, with their screening decisions, after
 * a restart too. The records are a real screening set read by the real CSV importer (with its prior labels) and
 * copies from other databases; the decisions are kept by the real review service, whose deduplication stage counts
 * the merged-away records.
 */
class UndoTest {

    @TempDir
    Path workspace;
    private Library library;
    private WorkspaceReview review;
    private LibraryDedupService dedup;

    @BeforeEach
    void open() throws Exception {
        library = Workspaces.open(workspace);
        Workspaces.importService(library).importFile(LabelledSet.shared().resolve("benchmarks")
                .resolve("screening").resolve("Donners_2021.csv"), Optional.empty(), ImportOptions.NONE, Progress.NONE);
        // the same papers from other databases
        Random random = new Random(7);
        List<Reference> copies = new ArrayList<>();
        List<Reference> read = library.references();
        for (int i = 0; i < 40; i++) {
            Reference copy = LabelledSet.Variants.copy(read.get(i), random);
            copies.add(copy.toBuilder().id("copy" + i).doi(null).build());
        }
        library.store(copies);
        startServices();
        review.saveProtocol(new ReviewProtocol("Donners 2021", "", List.of(), List.of(),
                List.of(new Reviewer("AB", "Ann Bell")), false, 1));
        review.setCurrentReviewer("AB");
    }

    private void startServices() throws Exception {
        review = new WorkspaceReview(library);
        for (ReviewStage stage : List.of(new IdentificationStage(), new DeduplicationStage(library),
                new TitleAbstractStage())) {
            review.addStage(stage);
        }
        dedup = new LibraryDedupService(library);
    }

    private void restart() throws Exception {
        review.close();
        Workspaces.close(library);
        library = Workspaces.open(workspace);
        startServices();
    }

    @AfterEach
    void close() throws Exception {
        review.close();
        Workspaces.close(library);
    }

    @Test
    void undoRestoresBothRecordsWithTheirDecisionsAfterARestart() throws Exception {
        String original = library.references().get(0).id();
        String copy = "copy0";
        // both records were screened before anyone deduplicated
        review.decide(ReviewStage.TITLE_ABSTRACT, List.of(original), Verdict.INCLUDE, Optional.empty(),
                Optional.of("relevant"));
        review.decide(ReviewStage.TITLE_ABSTRACT, List.of(copy), Verdict.EXCLUDE, Optional.empty(), Optional.empty());
        List<Reference> before = library.references();
        List<Decision> decisionsBefore = review.log();
        Map<String, RecordStatus> statusBefore = review.statuses(ReviewStage.TITLE_ABSTRACT);

        List<Merge> merges = dedup.mergeAutomatic(Progress.NONE).merges();
        Merge merge = merges.stream().filter(m -> m.survivorId().equals(original) || m.mergedIds().contains(original))
                .findFirst().orElseThrow(() -> new AssertionError("the copy was not merged: " + merges));
        assertTrue(merges.size() >= 35, "most of the 40 copies are merged: " + merges.size());
        String merged = merge.survivorId().equals(original) ? copy : original;
        assertEquals(merge.survivorId(), library.reference(merged).orElseThrow().fields().get(DedupService.DUPLICATE_OF));
        // the review counts the marked records as duplicates removed, and keeps their decisions
        int marked = merges.stream().mapToInt(m -> m.mergedIds().size()).sum();
        assertEquals(Map.of("duplicate", marked), review.outcomes().get(ReviewStage.DEDUPLICATION).excluded());
        assertEquals(decisionsBefore, review.log());
        Map<String, RecordStatus> statusMerged = review.statuses(ReviewStage.TITLE_ABSTRACT);
        assertEquals(statusBefore.get(merge.survivorId()), statusMerged.get(merge.survivorId()));
        assertFalse(statusMerged.containsKey(merged), "a removed duplicate is no longer screened");

        restart();
        assertEquals(merges, dedup.merges(), "the merge log is read back from the workspace");
        for (Merge m : merges.reversed()) {
            dedup.undo(m.id());
        }

        assertEquals(before, library.references(), "every record back, identical, in its place");
        assertEquals(decisionsBefore, review.log());
        assertEquals(statusBefore, review.statuses(ReviewStage.TITLE_ABSTRACT));
        assertFalse(review.outcomes().get(ReviewStage.DEDUPLICATION).excluded().containsKey("duplicate"));
        assertEquals(List.of(), dedup.merges());
        restart();
        assertEquals(List.of(), dedup.merges(), "undone merges stay undone");
        assertEquals(before, library.references());
    }

    @Test
    void aMergeIsNotUndoneOverALaterChange() throws Exception {
        Merge merge = dedup.mergeAutomatic(Progress.NONE).merges().get(0);
        Reference survivor = library.reference(merge.survivorId()).orElseThrow();
        library.store(List.of(survivor.toBuilder().tag("edited after the merge").build()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> dedup.undo(merge.id()));
        assertTrue(refused.getMessage().contains(merge.survivorId()), refused.getMessage());
        assertTrue(library.reference(merge.survivorId()).orElseThrow().tags().contains("edited after the merge"),
                "nothing the user entered is lost");
        assertThrows(IllegalArgumentException.class, () -> dedup.undo("m0000000000"));
    }

    @Test
    void aDuplicateWhoseSurvivorWasDeletedTakesPartAgain() throws Exception {
        Merge merge = dedup.mergeAutomatic(Progress.NONE).merges().get(0);
        String orphan = merge.mergedIds().get(0);
        library.remove(List.of(merge.survivorId()));
        assertTrue(LibraryDedupService.active(library.references()).stream().anyMatch(r -> r.id().equals(orphan)),
                "the only copy left is no duplicate");
        Reference copy = library.reference(orphan).orElseThrow().toBuilder().id("again").build();
        library.store(List.of(copy));
        Merge again = dedup.merge(List.of(orphan, "again"));
        assertFalse(library.reference(again.survivorId()).orElseThrow().fields().containsKey(DedupService.DUPLICATE_OF),
                "the survivor loses the stale mark");
    }

    @Test
    void aReviewerAcceptsAndRejectsFromTheQueue() throws Exception {
        dedup.mergeAutomatic(Progress.NONE);
        Reference a = library.references().get(100);
        Reference b = a.toBuilder().id("lookalike").title(a.title() + " revisited").doi(null).pmid(null).build();
        library.store(List.of(b));
        List<String> pair = List.of(a.id(), b.id());
        assertTrue(dedup.reviewQueue(Progress.NONE).stream().anyMatch(g -> g.referenceIds().containsAll(pair)),
                "a near title goes to the queue");
        dedup.reject(pair);
        assertTrue(dedup.reviewQueue(Progress.NONE).stream().noneMatch(g -> g.referenceIds().containsAll(pair)));
        restart();
        assertTrue(dedup.reviewQueue(Progress.NONE).stream().noneMatch(g -> g.referenceIds().containsAll(pair)),
                "a rejection is kept in the workspace");
        Merge accepted = dedup.merge(pair);
        assertEquals(a.id(), accepted.survivorId(), "the more complete record survives");
        assertEquals(a.id(), library.reference(b.id()).orElseThrow().fields().get(DedupService.DUPLICATE_OF));
        dedup.undo(accepted.id());
        assertEquals(b, library.reference(b.id()).orElseThrow());
    }
}
