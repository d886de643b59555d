package quire.api.search;

import java.util.Map;
import quire.api.model.Reference;

/**
 * A reference that matched, with its relevance score (BM25; higher is better) and, when asked for, snippets.
 *
 * @param reference  the reference
 * @param score      its score for this query (0 when sorted by something else than relevance and not scored)
 * @param highlights snippets by field ({@code title}, {@code abstract}) with each match between {@link #MARK_START}
 *                   and {@link #MARK_END}; empty unless requested
 */
public record SearchHit(Reference reference, float score, Map<String, String> highlights) {

    /** Opens a marked match in a snippet. */
    public static final String MARK_START = "<mark>";
    /** Closes a marked match in a snippet. */
    public static final String MARK_END = "</mark>";

    public SearchHit {
        highlights = Map.copyOf(highlights);
    }

    public SearchHit(Reference reference, float score) {
        this(reference, score, Map.of());
    }
}
