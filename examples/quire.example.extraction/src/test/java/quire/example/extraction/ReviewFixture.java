package quire.example.extraction;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.StageOutcome;

/**
 * A library and a review with some studies included, answering only what the plugin asks of them (the real ones
 * run in the product test, ExtractionPluginIT); any other call fails the test.
 */
final class ReviewFixture {

    private ReviewFixture() {
    }

    static Library library(Path workspace, List<Reference> references) {
        return (Library) Proxy.newProxyInstance(ReviewFixture.class.getClassLoader(), new Class<?>[] {Library.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "workspace" -> workspace;
                    case "references" -> references;
                    case "size" -> references.size();
                    case "reference" -> references.stream().filter(r -> r.id().equals(args[0])).findFirst();
                    default -> throw new UnsupportedOperationException("Library." + method.getName());
                });
    }

    static ReviewService review(Set<String> included, Optional<String> reviewer) {
        ReviewProtocol protocol = new ReviewProtocol("t", "q", List.of(), List.of(),
                List.of(new Reviewer("AB", "Ann Bell"), new Reviewer("CD", "Carl Dee")), false, 1);
        return (ReviewService) Proxy.newProxyInstance(ReviewFixture.class.getClassLoader(),
                new Class<?>[] {ReviewService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "outcomes" -> Map.of(ReviewStage.INCLUDED,
                            new StageOutcome(included, included, Map.of(), Set.of()));
                    case "currentReviewer" -> reviewer.flatMap(protocol::reviewer);
                    case "protocol" -> protocol;
                    default -> throw new UnsupportedOperationException("ReviewService." + method.getName());
                });
    }
}
