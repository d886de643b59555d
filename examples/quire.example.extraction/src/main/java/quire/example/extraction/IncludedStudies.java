package quire.example.extraction;

import java.util.List;
import java.util.Set;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/** The studies data is extracted from: those the review's "included" stage passes, in library order. */
final class IncludedStudies {

    private IncludedStudies() {
    }

    static List<Reference> of(ReviewService review, Library library) {
        StageOutcome included = review.outcomes().get(ReviewStage.INCLUDED);
        Set<String> ids = included == null ? Set.of() : included.passed();
        return library.references().stream().filter(r -> ids.contains(r.id())).toList();
    }
}
