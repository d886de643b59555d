package quire.ui.citations;

import java.util.Optional;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.review.ScreeningOrder;
import quire.api.search.SearchService;

/**
 * The services the citation table works with, looked up at each use: in the framework they come and go, in a test
 * they are fakes.
 */
interface CitationServices {

    /** The library of the open workspace. */
    Library library();

    /** Full-text search, when the index bundle is running. */
    Optional<SearchService> search();

    /** The review, when the review bundle is running; screening needs it. */
    Optional<ReviewService> review();

    /** A ranking of the records to screen, when a prioritisation bundle is running. */
    Optional<ScreeningOrder> screeningOrder();
}
