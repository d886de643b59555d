/**
 * The full-text index of the library, with Lucene embedded privately (its jars are on this bundle's class path;
 * nothing of it is exported or imported).
 *
 * <p>How the parts fit:
 * <ul>
 * <li>{@link quire.index.LuceneSearchService} is the {@link quire.api.search.SearchService} component. It owns a
 * single worker thread that opens the index and keeps it following the library (on each library change event);
 * a search first catches up with the library itself, so it sees every change stored before it began.</li>
 * <li>{@link quire.index.LuceneIndex} is the index on disk ({@code <workspace>/index}): one Lucene writer, a
 * near-real-time searcher over it, and the library generation it reflects, kept in the commit's user data.
 * The index is derived data: when it is corrupt, from another schema version, or the library can no longer say
 * what changed, it is rebuilt from the library.</li>
 * <li>{@link quire.index.IndexSchema} says which fields a reference becomes (text, exact values, sort keys, facets)
 * and how text is analysed: words as written, not stemmed.</li>
 * <li>{@link quire.index.QueryTranslator} turns Quire's query language into Lucene queries, and parse errors
 * into {@link quire.api.search.QuerySyntaxException}s that point at the column.</li>
 * <li>{@link quire.index.WordForms} stems at query time: a word of a query matches every indexed form with its
 * stem, while prefixes, wildcards and fuzzy terms match words as written.</li>
 * <li>{@link quire.index.Snippets} marks the matches in a hit's title and abstract.</li>
 * </ul>
 * Facets are counted with the facet module from sorted-set doc values (no taxonomy index); "more like this" uses
 * the queries module's {@code MoreLikeThis} on the text of the references, which the library holds.
 *
 * <p>{@code SearchBenchmark} (in the tests) compares indexing and query latency with plain Lucene; its class
 * comment says how to run it.
 */
package quire.index;
