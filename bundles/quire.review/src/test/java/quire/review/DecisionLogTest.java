package quire.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.review.Decision;
import quire.api.review.ReviewStage;
import quire.api.review.Verdict;

class DecisionLogTest {

    @TempDir
    Path dir;

    private WorkspaceReview reviewWithDecisions(MemoryLibrary library, int n) throws Exception {
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(false, 1));
        review.setCurrentReviewer("AB");
        for (int i = 1; i <= n; i++) {
            review.decide(ReviewStage.TITLE_ABSTRACT, List.of("r" + i),
                    i % 2 == 0 ? Verdict.INCLUDE : Verdict.EXCLUDE,
                    i % 2 == 0 ? Optional.empty() : Optional.of("wrong-topic"), Optional.of("note é " + i));
        }
        return review;
    }

    @Test
    void aDecisionReadsBackAsWritten() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 3, "PubMed");
        WorkspaceReview review = reviewWithDecisions(library, 3);
        List<Decision> written = review.log();
        review.close();
        assertEquals(written, Fixtures.review(library).log());
        String first = Files.readAllLines(dir.resolve("review/decisions.jsonl")).get(0);
        assertTrue(first.contains("\"verdict\":\"EXCLUDE\"") && first.contains("\"criterion\":\"wrong-topic\""),
                first);
    }

    /** Cuts the file at every byte of its last line, as a crash in the middle of the write would. */
    @Test
    void aTornLastLineIsIgnoredWithAMessageAndEarlierLinesAreKept() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 6, "PubMed");
        WorkspaceReview review = reviewWithDecisions(library, 5);
        List<Decision> before = review.log();
        review.close();
        Path file = dir.resolve("review/decisions.jsonl");
        byte[] whole = Files.readAllBytes(file);
        int lastLineStart = lastLineStart(whole);
        for (int cut = lastLineStart + 1; cut < whole.length; cut++) {
            Files.write(file, java.util.Arrays.copyOf(whole, cut));
            WorkspaceReview reopened = Fixtures.review(library);
            assertEquals(before.subList(0, 4), reopened.log(), "cut at " + cut);
            assertEquals(1, reopened.problems().size());
            assertTrue(reopened.problems().get(0).startsWith("review/decisions.jsonl:5: an unfinished last line"),
                    reopened.problems().get(0));
            // writing goes on cleanly after the torn line, which is cut off
            reopened.decide(ReviewStage.TITLE_ABSTRACT, List.of("r6"), Verdict.MAYBE, Optional.empty(),
                    Optional.empty());
            reopened.close();
            WorkspaceReview again = Fixtures.review(library);
            assertEquals(5, again.log().size());
            assertEquals(List.of(), again.problems());
            again.close();
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedWithItsLineNumber() throws Exception {
        MemoryLibrary library = MemoryLibrary.withRecords(dir, 4, "PubMed");
        WorkspaceReview review = reviewWithDecisions(library, 4);
        review.close();
        Path file = dir.resolve("review/decisions.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(1, "{\"id\": \"broken\", \"verdict\": \"SOMETIMES\"}");
        Files.write(file, lines);
        WorkspaceReview reopened = Fixtures.review(library);
        assertEquals(3, reopened.log().size());
        assertEquals(1, reopened.problems().size());
        assertTrue(reopened.problems().get(0).startsWith("review/decisions.jsonl:2: not a decision, skipped"),
                reopened.problems().get(0));
        reopened.decide(ReviewStage.TITLE_ABSTRACT, List.of("r2"), Verdict.INCLUDE, Optional.empty(),
                Optional.empty());
        reopened.close();
        assertEquals(5, Files.readAllLines(file).size(), "the damaged line stays for a person to look at");
    }

    @Test
    void importingAFileReportsItsDamagedLinesAndKeepsTheRest() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        WorkspaceReview source = reviewWithDecisions(MemoryLibrary.withRecords(one, 3, "PubMed"), 3);
        Path exported = dir.resolve("ab.jsonl");
        source.exportDecisions(exported, Optional.empty());
        byte[] bytes = Files.readAllBytes(exported);
        Files.write(exported, java.util.Arrays.copyOf(bytes, bytes.length - 7)); // a copy cut short
        WorkspaceReview target = Fixtures.review(MemoryLibrary.withRecords(two, 3, "PubMed"));
        assertEquals(2, target.importDecisions(exported));
        assertTrue(target.problems().get(0).contains("ab.jsonl:3: an unfinished last line"),
                target.problems().toString());
    }

    private static int lastLineStart(byte[] bytes) {
        int i = bytes.length - 2;
        while (i >= 0 && bytes[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    static void truncate(Path file, long size) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
