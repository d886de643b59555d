package quire.api.search;

import quire.api.model.Reference;

/**
 * A reference that matched, with its relevance score (BM25; higher is better).
 *
 * @param reference the reference
 * @param score     its score for this query
 */
public record SearchHit(Reference reference, float score) {
}
