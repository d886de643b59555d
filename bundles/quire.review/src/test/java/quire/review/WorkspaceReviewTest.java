package quire.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;

class WorkspaceReviewTest {

    private static final String TA = ReviewStage.TITLE_ABSTRACT;
    private static final String FT = ReviewStage.FULL_TEXT;
    private static final Optional<String> NONE = Optional.empty();

    @TempDir
    Path dir;

    @Test
    void theProtocolAndTheReviewerSurviveARestart() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 3, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        assertEquals(ReviewProtocol.empty(), review.protocol());
        review.saveProtocol(Fixtures.protocol(true, 2));
        review.setCurrentReviewer("CD");
        review.close();

        WorkspaceReview again = Fixtures.review(library);
        assertEquals(Fixtures.protocol(true, 2), again.protocol());
        assertEquals("CD", again.currentReviewer().orElseThrow().id());
        assertTrue(Files.readString(dir.resolve("review/protocol.json")).contains("\"wrong-topic\""));
        assertThrows(IllegalArgumentException.class, () -> again.setCurrentReviewer("ZZ"));
    }

    @Test
    void anUnreadableProtocolIsReportedAndNeverOverwritten() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 1, "PubMed");
        Files.createDirectories(dir.resolve("review"));
        Files.writeString(dir.resolve("review/protocol.json"), "{\"title\": \"half a proto");
        WorkspaceReview review = Fixtures.review(library);
        assertTrue(review.problems().get(0).startsWith("review/protocol.json: the protocol cannot be read"),
                review.problems().toString());
        assertThrows(java.io.IOException.class, () -> review.saveProtocol(Fixtures.protocol(false, 1)));
        assertEquals("{\"title\": \"half a proto", Files.readString(dir.resolve("review/protocol.json")));
    }

    @Test
    void decisionsNeedAReviewerAReasonForExclusionAndKnownRecords() throws Exception {
        WorkspaceReview review = Fixtures.review(MemoryLibrary.withRecords(dir, 3, "PubMed"));
        review.saveProtocol(Fixtures.protocol(false, 1));
        assertThrows(IllegalStateException.class, () -> review.decide(TA, List.of("r1"), Verdict.INCLUDE, NONE, NONE));
        review.setCurrentReviewer("AB");
        assertThrows(IllegalArgumentException.class, () -> review.decide(TA, List.of("r1"), Verdict.EXCLUDE, NONE,
                NONE), "criteria exist, so an exclusion needs one");
        assertThrows(IllegalArgumentException.class, () -> review.decide(TA, List.of("r1"), Verdict.EXCLUDE,
                Optional.of("made-up"), NONE));
        assertThrows(IllegalArgumentException.class, () -> review.decide(TA, List.of("r1"), Verdict.INCLUDE,
                Optional.of("wrong-topic"), NONE));
        assertThrows(IllegalArgumentException.class, () -> review.decide(TA, List.of("nope"), Verdict.INCLUDE,
                NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> review.decide("no-such-stage", List.of("r1"),
                Verdict.INCLUDE, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> review.decide(ReviewStage.DEDUPLICATION, List.of("r1"),
                Verdict.INCLUDE, NONE, NONE), "the deduplication stage decides by itself");
        assertTrue(review.log().isEmpty(), "nothing invalid was written");

        List<Decision> written = review.decide(TA, List.of("r1", "r2"), Verdict.EXCLUDE,
                Optional.of("wrong-topic"), Optional.of("about chemistry"));
        assertEquals(2, written.size());
        assertEquals(Optional.of("about chemistry"), written.get(0).note());
        assertEquals(Verdict.EXCLUDE, review.statuses(TA).get("r1").outcome());
        assertEquals(Optional.of("wrong-topic"), review.statuses(TA).get("r1").reason());
    }

    @Test
    void undoIsANewEntryAndTheStateFollowsTheLog() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 2, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        review.decide(TA, List.of("r1"), Verdict.INCLUDE, NONE, NONE);
        assertEquals(Verdict.INCLUDE, review.statuses(TA).get("r1").own());
        Decision undo = review.undo(TA, "r1").orElseThrow();
        assertEquals(Verdict.NONE, undo.verdict());
        assertEquals(2, review.log().size(), "undo appends; nothing is deleted");
        assertEquals(Verdict.NONE, review.statuses(TA).get("r1").own());
        assertEquals(Optional.empty(), review.undo(TA, "r1"), "nothing left to undo");
        review.decide(TA, List.of("r1"), Verdict.MAYBE, NONE, NONE);
        review.close();

        WorkspaceReview reopened = Fixtures.review(library);
        assertEquals(3, reopened.log().size());
        assertEquals(Verdict.MAYBE, reopened.statuses(TA).get("r1").outcome());
        assertTrue(reopened.problems().isEmpty(), reopened.problems().toString());
    }

    @Test
    void blindedDualScreeningHidesTheOtherReviewerUntilBothDecidedThenQueuesConflicts() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 4, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(true, 2));
        review.setCurrentReviewer("AB");
        review.decide(TA, List.of("r1", "r2"), Verdict.INCLUDE, NONE, NONE);
        review.decide(TA, List.of("r3"), Verdict.EXCLUDE, Optional.of("no-method"), NONE);

        // AB sees their own decisions; nothing is settled with one of two reviewers
        RecordStatus r1ForAb = review.statuses(TA).get("r1");
        assertEquals(Verdict.INCLUDE, r1ForAb.own());
        assertEquals(Verdict.NONE, r1ForAb.outcome());

        review.setCurrentReviewer("CD");
        for (RecordStatus status : review.statuses(TA).values()) {
            assertEquals(Verdict.NONE, status.own());
            assertEquals(Verdict.NONE, status.outcome(), "blinded: " + status);
            assertFalse(status.conflict());
        }
        review.decide(TA, List.of("r1"), Verdict.MAYBE, NONE, NONE);      // agrees (maybe counts as include)
        review.decide(TA, List.of("r2"), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE); // disagrees
        review.decide(TA, List.of("r3"), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE); // agrees, other reason
        Map<String, RecordStatus> forCd = review.statuses(TA);
        assertEquals(Verdict.MAYBE, forCd.get("r1").outcome());
        assertTrue(forCd.get("r2").conflict());
        assertEquals(Verdict.EXCLUDE, forCd.get("r3").outcome());
        assertEquals(Optional.of("no-method"), forCd.get("r3").reason(), "the first reason given counts");
        assertEquals(Verdict.NONE, forCd.get("r4").outcome());
        assertEquals(List.of("r2"), review.conflicts(TA));

        // a third reviewer who decided nothing sees no outcome, but may resolve the conflict
        review.setCurrentReviewer("EF");
        assertEquals(Verdict.NONE, review.statuses(TA).get("r1").outcome());
        assertThrows(IllegalArgumentException.class, () -> review.resolve(TA, "r1", Verdict.INCLUDE, NONE, NONE),
                "r1 is not in conflict");
        Decision resolution = review.resolve(TA, "r2", Verdict.EXCLUDE, Optional.of("wrong-topic"),
                Optional.of("discussed"));
        assertTrue(resolution.resolution());
        assertEquals("EF", resolution.reviewer());
        assertEquals(List.of(), review.conflicts(TA));
        review.setCurrentReviewer("AB");
        assertEquals(Verdict.EXCLUDE, review.statuses(TA).get("r2").outcome());

        StageOutcome ta = review.outcomes().get(TA);
        assertEquals(Set.of("r1"), ta.passed());
        assertEquals(Map.of("no-method", 1, "wrong-topic", 1), ta.excluded());
        assertEquals(Set.of("r4"), ta.pending());
        assertEquals(Set.of("r1"), review.outcomes().get(FT).entered());
    }

    @Test
    void withoutBlindingAReviewerSeesTheOutcomeAtOnce() throws Exception {
        WorkspaceReview review = Fixtures.review(MemoryLibrary.withRecords(dir, 1, "PubMed"));
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        review.decide(TA, List.of("r1"), Verdict.INCLUDE, NONE, NONE);
        review.setCurrentReviewer("CD");
        assertEquals(Verdict.INCLUDE, review.statuses(TA).get("r1").outcome());
        assertEquals(Verdict.NONE, review.statuses(TA).get("r1").own());
    }

    @Test
    void decisionsMergeBetweenTwoWorkspacesWithoutLossOrDuplication() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        WorkspaceReview ab = Fixtures.review(MemoryLibrary.withRecords(one, 5, "PubMed"));
        WorkspaceReview cd = Fixtures.review(MemoryLibrary.withRecords(two, 5, "PubMed"));
        ab.saveProtocol(Fixtures.protocol(true, 2));
        cd.saveProtocol(Fixtures.protocol(true, 2));
        ab.setCurrentReviewer("AB");
        cd.setCurrentReviewer("CD");
        ab.decide(TA, List.of("r1", "r2", "r3"), Verdict.INCLUDE, NONE, NONE);
        ab.undo(TA, "r3");
        cd.decide(TA, List.of("r1", "r2"), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE);
        cd.decide(TA, List.of("r3"), Verdict.INCLUDE, NONE, NONE);

        Path fromAb = dir.resolve("ab.jsonl");
        Path fromCd = dir.resolve("cd.jsonl");
        assertEquals(4, ab.exportDecisions(fromAb, Optional.of("AB")));
        assertEquals(3, cd.exportDecisions(fromCd, Optional.empty()));
        assertEquals(3, ab.importDecisions(fromCd));
        assertEquals(4, cd.importDecisions(fromAb));
        assertEquals(0, ab.importDecisions(fromCd), "importing again adds nothing");
        assertEquals(0, cd.importDecisions(fromAb));
        // a round trip back: CD's workspace now holds AB's entries too; re-exporting everything duplicates nothing
        Path all = dir.resolve("all.jsonl");
        assertEquals(7, cd.exportDecisions(all, Optional.empty()));
        assertEquals(0, ab.importDecisions(all));

        Set<String> idsAb = ab.log().stream().map(Decision::id).collect(Collectors.toSet());
        Set<String> idsCd = cd.log().stream().map(Decision::id).collect(Collectors.toSet());
        assertEquals(7, idsAb.size());
        assertEquals(idsAb, idsCd);
        assertEquals(List.of("r1", "r2"), ab.conflicts(TA));
        assertEquals(List.of("r1", "r2"), cd.conflicts(TA));
        assertEquals(Verdict.NONE, ab.statuses(TA).get("r3").outcome(), "AB withdrew r3: one vote of two");
        ab.close();
        WorkspaceReview reopened = Fixtures.review(MemoryLibrary.withRecords(one, 5, "PubMed"));
        assertEquals(7, reopened.log().size(), "the merge is durable");
    }

    @Test
    void agreementPerStageAndPair() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 10, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(true, 2));
        // AB includes r1-r6, CD includes r1-r4 and r7-r8: a 2x2 table of 4, 2, 2, 2
        review.setCurrentReviewer("AB");
        review.decide(TA, ids(1, 6), Verdict.INCLUDE, NONE, NONE);
        review.decide(TA, ids(7, 10), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE);
        review.setCurrentReviewer("CD");
        review.decide(TA, ids(1, 3), Verdict.INCLUDE, NONE, NONE);
        review.decide(TA, ids(4, 4), Verdict.MAYBE, NONE, NONE); // maybe counts as include
        review.decide(TA, ids(5, 6), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE);
        review.decide(TA, ids(7, 8), Verdict.INCLUDE, NONE, NONE);
        review.decide(TA, ids(9, 10), Verdict.EXCLUDE, Optional.of("no-method"), NONE);
        var agreement = review.agreement(TA);
        assertEquals(1, agreement.size());
        assertEquals("AB", agreement.get(0).reviewerA());
        assertEquals("CD", agreement.get(0).reviewerB());
        assertEquals(10, agreement.get(0).records());
        assertEquals(6, agreement.get(0).agreed());
        assertEquals(0.6, agreement.get(0).percent(), 1e-12);
        // by hand: po = 0.6; pe = 0.6*0.6 + 0.4*0.4 = 0.52; kappa = 0.08/0.48 = 1/6
        assertEquals(1.0 / 6.0, agreement.get(0).kappa(), 1e-12);
        assertEquals(List.of(), review.agreement(FT));
    }

    @Test
    void prismaCountsComeFromTheOutcomesAndAddUp() throws Exception {
        MemoryLibrary library = new MemoryLibrary(dir);
        List<quire.api.model.Reference> refs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            refs.add(MemoryLibrary.record("p" + i, "PubMed " + i, "PubMed", "pubmed.nbib", i));
        }
        for (int i = 1; i <= 4; i++) {
            refs.add(MemoryLibrary.record("s" + i, "Scopus " + i, "Scopus", "scopus.csv", i));
        }
        // two Scopus records are duplicates the deduplication marked; a listing without database counts by file
        refs.set(6, refs.get(6).toBuilder().field("duplicateOf", "p1").build());
        refs.set(7, refs.get(7).toBuilder().field("duplicateOf", "p2").build());
        refs.add(MemoryLibrary.record("l1", "Listing 1", "", "listing.txt", 0));
        library.store(refs);
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        // screened: p1..p6, s3, s4, l1 = 9
        review.decide(TA, List.of("p1", "p2", "p3", "p4", "p5"), Verdict.INCLUDE, NONE, NONE);
        review.decide(TA, List.of("p6", "s3"), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE);
        review.decide(TA, List.of("s4"), Verdict.MAYBE, NONE, NONE);
        // l1 stays pending
        review.decide(FT, List.of("p1"), Verdict.EXCLUDE, Optional.of(Criterion.NOT_RETRIEVED), NONE);
        review.decide(FT, List.of("p2", "s4"), Verdict.EXCLUDE, Optional.of("no-method"), NONE);
        review.decide(FT, List.of("p3"), Verdict.EXCLUDE, Optional.of("wrong-topic"), NONE);
        review.decide(FT, List.of("p4", "p5"), Verdict.INCLUDE, NONE, NONE);

        var counts = review.prisma();
        assertEquals(Map.of("PubMed", 6, "Scopus", 4, "listing.txt (ris)", 1), counts.databaseResults());
        assertEquals(11, counts.identified());
        assertEquals(2, counts.duplicates());
        assertEquals(9, counts.recordsScreened());
        assertEquals(2, counts.recordsExcluded());
        assertEquals(6, counts.reportsSought());
        assertEquals(1, counts.reportsNotRetrieved());
        assertEquals(5, counts.reportsAssessed());
        assertEquals(Map.of("No method evaluated", 2, "Not about interpretability", 1), counts.reportsExcluded());
        assertEquals(2, counts.newStudies());
        assertEquals(1, counts.pending());
        // the flow adds up
        assertEquals(counts.recordsScreened(), counts.identified() - counts.duplicates() - counts.removedOther());
        assertEquals(counts.reportsSought(), counts.recordsScreened() - counts.recordsExcluded() - 1);
        assertEquals(counts.newStudies(), counts.reportsAssessed() - counts.reportsExcludedTotal());

        Map<String, Verdict> settled = review.settledVerdicts();
        assertEquals(Verdict.INCLUDE, settled.get("p4"));
        assertEquals(Verdict.EXCLUDE, settled.get("p6"));
        assertEquals(Verdict.EXCLUDE, settled.get("p2"));
        assertFalse(settled.containsKey("s1"), "a duplicate was no reviewer's decision");
        assertFalse(settled.containsKey("l1"), "pending and never decided");
    }

    @Test
    void aStageFromAPluginAppearsAndCounts() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 3, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        ReviewStage appraisal = new ReviewStage() {
            public String id() { return "quality"; }
            public String label() { return "Quality appraisal"; }
            public int order() { return 500; }
            public boolean screened() { return true; }
            public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
                return ScreenedOutcome.of(entered, decisions);
            }
        };
        review.addStage(appraisal);
        assertEquals(List.of("identification", "deduplication", "title-abstract", "full-text", "quality",
                "included"), review.stages().stream().map(ReviewStage::id).toList());
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        review.decide(TA, ids(1, 3), Verdict.INCLUDE, NONE, NONE);
        review.decide(FT, ids(1, 3), Verdict.INCLUDE, NONE, NONE);
        review.decide("quality", ids(1, 1), Verdict.EXCLUDE, Optional.of("no-method"), NONE);
        review.decide("quality", ids(2, 3), Verdict.INCLUDE, NONE, NONE);
        assertEquals(Set.of("r2", "r3"), review.outcomes().get("included").passed());
        assertEquals(Map.of("Quality appraisal: No method evaluated", 1), review.prisma().reportsExcluded());
        assertEquals(2, review.prisma().newStudies());
        review.removeStage(appraisal);
        assertEquals(3, review.prisma().newStudies(), "without the plugin its stage is gone");
        assertEquals(Map.of(), review.statuses("quality"), "a stage that went away reads as empty");
        assertEquals(List.of(), review.conflicts("quality"));
    }

    @Test
    void aStageAfterIncludedChangesNeitherPrismaNorTheVerdicts() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 3, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        // data extraction: works on the included studies, passes none until their forms are filled
        ReviewStage extraction = new ReviewStage() {
            public String id() { return "data-extraction"; }
            public String label() { return "Data extraction"; }
            public int order() { return 1100; }
            public boolean screened() { return false; }
            public StageOutcome outcome(List<String> entered, Map<String, RecordStatus> decisions) {
                return new StageOutcome(Set.copyOf(entered), Set.of(), Map.of(), Set.copyOf(entered));
            }
        };
        review.addStage(extraction);
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        review.decide(TA, ids(1, 3), Verdict.INCLUDE, NONE, NONE);
        review.decide(FT, ids(1, 2), Verdict.INCLUDE, NONE, NONE);
        review.decide(FT, ids(3, 3), Verdict.EXCLUDE, Optional.of("no-method"), NONE);
        assertEquals(Set.of("r1", "r2"), review.outcomes().get("data-extraction").pending());
        assertEquals(2, review.prisma().newStudies());
        assertEquals(0, review.prisma().pending(), "extraction still to do is not screening still to do");
        assertEquals(Verdict.INCLUDE, review.settledVerdicts().get("r1"));
        assertEquals(Verdict.EXCLUDE, review.settledVerdicts().get("r3"));
    }

    @Test
    void everyChangeIsPostedAsAnEvent() throws Exception {
        WorkspaceReview review = Fixtures.review(MemoryLibrary.withRecords(dir, 2, "PubMed"));
        List<Event> events = new ArrayList<>();
        review.setEvents(new EventAdmin() {
            public void postEvent(Event event) { events.add(event); }
            public void sendEvent(Event event) { events.add(event); }
        });
        review.saveProtocol(Fixtures.protocol(false, 1));
        assertEquals(ReviewService.TOPIC_PROTOCOL, events.get(0).getTopic());
        review.setCurrentReviewer("AB");
        review.decide(TA, List.of("r1", "r2"), Verdict.INCLUDE, NONE, NONE);
        assertEquals(2, events.size());
        assertEquals(ReviewService.TOPIC_DECIDED, events.get(1).getTopic());
        assertEquals(TA, events.get(1).getProperty("stage"));
        assertEquals(List.of("r1", "r2"), events.get(1).getProperty("referenceIds"));
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add("r" + i);
        }
        return ids;
    }
}
