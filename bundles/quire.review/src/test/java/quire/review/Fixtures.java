package quire.review;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import quire.api.library.Library;
import quire.api.review.Criterion;
import quire.api.review.ReviewProtocol;
import quire.api.review.Reviewer;
import quire.api.review.SearchRun;

/** A review with the core stages, as the framework would wire it. */
final class Fixtures {

    private Fixtures() {
    }

    static WorkspaceReview review(Library library) throws IOException {
        WorkspaceReview review = new WorkspaceReview(library);
        review.addStage(new IncludedStage());
        review.addStage(new FullTextStage());
        review.addStage(new TitleAbstractStage());
        review.addStage(new DeduplicationStage(library));
        review.addStage(new IdentificationStage());
        return review;
    }

    static ReviewProtocol protocol(boolean blinded, int perRecord) {
        return new ReviewProtocol("Interpretability methods", "Which methods explain LLM behaviour?",
                List.of(new Criterion("wrong-topic", "Not about interpretability"),
                        new Criterion("no-method", "No method evaluated")),
                List.of(new SearchRun("PubMed", "interpretability AND llm", LocalDate.of(2026, 11, 1), 12,
                        List.of("search.ris"))),
                List.of(new Reviewer("AB", "Ada Byron"), new Reviewer("CD", "Carl Dunn"),
                        new Reviewer("EF", "Eve Fox")),
                blinded, perRecord);
    }
}
