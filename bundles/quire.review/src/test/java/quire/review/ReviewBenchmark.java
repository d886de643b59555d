package quire.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import quire.api.model.Reference;
import quire.api.review.ReviewStage;
import quire.api.review.Verdict;

/**
 * Figures for the review on a large library (not a test): replaying the decision log on open, a durable decision,
 * deriving the stages' outcomes after a decision, and the PRISMA counts and diagram.
 *
 * <pre>
 * ./mvnw -q -o -pl bundles/quire.review test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=quire.review.ReviewBenchmark -Dexec.args=100000
 * </pre>
 */
public final class ReviewBenchmark {

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path workspace = Files.createTempDirectory("quire-review-bench");
        MemoryLibrary library = new MemoryLibrary(workspace);
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            refs.add(MemoryLibrary.record("r" + i, "Title " + i, i % 3 == 0 ? "PubMed" : "Scopus", "f.ris", i));
        }
        library.store(refs);
        WorkspaceReview review = Fixtures.review(library);
        review.saveProtocol(Fixtures.protocol(true, 2));
        Random random = new Random(1);
        // two reviewers decide every record in batches of 1000 (one fsync per batch)
        long started = System.nanoTime();
        for (String reviewer : List.of("AB", "CD")) {
            review.setCurrentReviewer(reviewer);
            for (int from = 0; from < records; from += 1000) {
                List<String> ids = new ArrayList<>();
                for (int i = from; i < Math.min(records, from + 1000); i++) {
                    ids.add("r" + i);
                }
                boolean include = random.nextDouble() < 0.3;
                review.decide(ReviewStage.TITLE_ABSTRACT, ids, include ? Verdict.INCLUDE : Verdict.EXCLUDE,
                        include ? Optional.empty() : Optional.of("wrong-topic"), Optional.empty());
            }
        }
        System.out.printf("%,d decisions written in batches of 1000: %.1f s%n", 2 * records,
                (System.nanoTime() - started) / 1e9);
        review.close();

        started = System.nanoTime();
        WorkspaceReview reopened = Fixtures.review(library);
        System.out.printf("open (replay %,d lines, %,d bytes): %.0f ms%n", reopened.log().size(),
                Files.size(workspace.resolve("review/decisions.jsonl")), (System.nanoTime() - started) / 1e6);
        reopened.setCurrentReviewer("AB");

        int n = 50;
        long decide = 0;
        long derive = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            reopened.decide(ReviewStage.FULL_TEXT, List.of("r" + (i * 7)), Verdict.INCLUDE, Optional.empty(),
                    Optional.empty());
            long t1 = System.nanoTime();
            reopened.statuses(ReviewStage.TITLE_ABSTRACT); // derives the outcomes again after the change
            long t2 = System.nanoTime();
            decide += t1 - t0;
            derive += t2 - t1;
        }
        System.out.printf("one decision, durable (fsync): %.2f ms on average of %d%n", decide / 1e6 / n, n);
        System.out.printf("statuses of the stage after a decision (outcomes derived again): %.0f ms%n",
                derive / 1e6 / n);
        started = System.nanoTime();
        var counts = reopened.prisma();
        long prisma = System.nanoTime() - started;
        started = System.nanoTime();
        String svg = new PrismaFlowDiagram().svg(counts);
        byte[] png = new PrismaFlowDiagram().png(counts, 2);
        System.out.printf("PRISMA counts: %.0f ms (cached); SVG %,d bytes + PNG %,d bytes drawn in %.0f ms%n",
                prisma / 1e6, svg.length(), png.length, (System.nanoTime() - started) / 1e6);
        started = System.nanoTime();
        reopened.agreement(ReviewStage.TITLE_ABSTRACT);
        System.out.printf("agreement over %,d records: %.0f ms%n", records, (System.nanoTime() - started) / 1e6);
        reopened.close();
    }
}
