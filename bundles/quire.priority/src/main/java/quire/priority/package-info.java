/**
 * Priority screening (active learning, as ASReview does it): TF-IDF features of title and abstract
 * ({@link quire.priority.TfidfVocabulary}), naive Bayes and a linear SVM as
 * {@link quire.api.screening.RelevanceModel} services, the {@link quire.api.review.ScreeningOrder} that retrains
 * after decisions and ranks the unscreened records, and the {@code review simulate} command that replays a
 * labelled dataset and reports ASReview's metrics. Nothing here is exported.
 */
package quire.priority;
