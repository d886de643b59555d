package quire.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import quire.api.model.Reference;
import quire.api.search.SearchHit;

/**
 * Snippets of a hit's title and abstract with the words that matched marked ({@link SearchHit#MARK_START},
 * {@link SearchHit#MARK_END}): the whole title, and the best sentences of the abstract.
 *
 * <p>The text comes from the library, not from the index (which stores no text), and is analysed again with the
 * index's analyser; the query must be the one that ran, its words expanded to their indexed forms
 * ({@link WordForms#expand}). That costs a little per hit; it is why snippets are made only when asked for. A field
 * without a match has no snippet. Thread-safe.
 */
final class Snippets {

    /** Sentences of the abstract shown at most, best first. */
    static final int ABSTRACT_SENTENCES = 2;

    private static final String ELLIPSIS = " … ";

    private final UnifiedHighlighter title;
    private final UnifiedHighlighter abstracts;

    /** @param analyzer the analyser the text was indexed with; the caller keeps it open */
    Snippets(Analyzer analyzer) {
        // not escaped: the snippets are text for the command line and the window, not HTML pages
        DefaultPassageFormatter marks = new DefaultPassageFormatter(SearchHit.MARK_START, SearchHit.MARK_END,
                ELLIPSIS, false);
        // terms, phrases and patterns of the query are marked wherever they occur in the field (see anyClause);
        // not "weight matches", which would mark only where the whole query matches the field alone
        Set<UnifiedHighlighter.HighlightFlag> flags = EnumSet.of(UnifiedHighlighter.HighlightFlag.MULTI_TERM_QUERY,
                UnifiedHighlighter.HighlightFlag.PHRASES,
                UnifiedHighlighter.HighlightFlag.PASSAGE_RELEVANCY_OVER_SPEED);
        this.title = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFlags(flags)
                .withBreakIterator(WholeBreakIterator::new)
                .withFormatter(marks)
                .withMaxNoHighlightPassages(0)
                .build();
        this.abstracts = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFlags(flags)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
                .withFormatter(marks)
                .withMaxNoHighlightPassages(0)
                .build();
    }

    /** The snippets of a reference for a query, by field name ({@code title}, {@code abstract}). */
    Map<String, String> of(Query query, Reference reference) {
        Query marking = anyClause(query);
        Map<String, String> snippets = new LinkedHashMap<>();
        snippet(title, IndexSchema.TITLE, marking, reference.title(), 1)
                .ifPresent(text -> snippets.put(IndexSchema.TITLE, text));
        reference.abstractText()
                .flatMap(text -> snippet(abstracts, IndexSchema.ABSTRACT, marking, text, ABSTRACT_SENTENCES))
                .ifPresent(text -> snippets.put(IndexSchema.ABSTRACT, text));
        return snippets;
    }

    /**
     * The query with every clause optional and the excluded ones left out. The highlighter looks at one field at a
     * time, and a clause that must match another field ({@code year:2023..2025}, a word found only in the
     * abstract) would otherwise leave the title unmarked.
     */
    static Query anyClause(Query query) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(anyClause(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            for (BooleanClause clause : bool.clauses()) {
                if (clause.occur() != BooleanClause.Occur.MUST_NOT) {
                    builder.add(anyClause(clause.query()), BooleanClause.Occur.SHOULD);
                }
            }
            return builder.build();
        }
        return query;
    }

    private static Optional<String> snippet(UnifiedHighlighter highlighter, String field, Query query, String text,
            int passages) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            Object snippet = highlighter.highlightWithoutSearcher(field, query, text, passages);
            return snippet instanceof String s && s.contains(SearchHit.MARK_START)
                    ? Optional.of(s.strip())
                    : Optional.empty();
        } catch (IOException e) {
            // analysing a string in memory does no I/O
            throw new UncheckedIOException(e);
        }
    }
}
