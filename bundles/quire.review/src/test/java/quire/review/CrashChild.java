package quire.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import quire.api.review.Decision;
import quire.api.review.ReviewStage;
import quire.api.review.Verdict;

/**
 * A screening session in its own JVM, for {@link CrashTest}: decides records one after the other and prints the id
 * of each decision once {@code decide} has returned (acknowledged). The test kills it with SIGKILL at some point.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        MemoryLibrary library = MemoryLibrary.withRecords(workspace, 50, "PubMed");
        WorkspaceReview review = Fixtures.review(library);
        if (review.protocol().reviewers().isEmpty()) {
            review.saveProtocol(Fixtures.protocol(false, 1));
        }
        review.setCurrentReviewer("AB");
        System.out.println("ready " + review.log().size());
        System.out.flush();
        for (int i = 0; ; i++) {
            String record = "r" + (1 + i % 50);
            Verdict verdict = Verdict.values()[i % 3];
            List<Decision> written = review.decide(ReviewStage.TITLE_ABSTRACT, List.of(record), verdict,
                    verdict == Verdict.EXCLUDE ? Optional.of("no-method") : Optional.empty(),
                    Optional.of("a note long enough to make the write take a while " + "x".repeat(i % 200)));
            System.out.println(written.get(0).id());
            System.out.flush();
        }
    }
}
