package quire.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Stemming at query time. The index keeps words as written (see {@link IndexSchema}); a word of a query matches
 * every indexed form of it, the forms that share its Porter stem: {@code interpreting} finds {@code interpret},
 * {@code interpretable} and {@code interpretability}. Prefixes, wildcards and fuzzy terms need no such help: they
 * match the words as written.
 *
 * <p>Why not stem while indexing, as is usual: the index would then hold only stems, and a prefix longer than a
 * stem ({@code interpretab*}, the stem being {@code interpret}) would find nothing; holding both the words and
 * their stems costs half as many more terms again, and indexing slows by as much. Looking the forms up costs a
 * walk along the term dictionary at query time: every Porter stem, but for its last letter, begins the words it
 * comes from ({@code possibility} becomes {@code possibl}), so the forms of a stem are among the terms that
 * begin with it, less its last letter.
 *
 * <p>{@link #wrap} turns the term and phrase queries of text fields that the query parser makes into
 * {@link Forms} and {@link PhraseForms}; {@link #expand} replaces those with the forms a reader holds
 * ({@link SynonymQuery}: the forms count as one word for ranking, {@link MultiPhraseQuery}). Both kinds also
 * rewrite themselves, so a query that was not expanded still runs.
 */
final class WordForms {

    /** Stems this short give no prefix to look under but themselves (one letter would be most of the words). */
    private static final int SHORT_STEM = 3;

    private WordForms() {
    }

    /** The Porter stem of a word as the analyser gives it (lower case, accents folded). */
    static String stem(String word) {
        PorterStemmer stemmer = new PorterStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** The forms of {@code word} that {@code field} holds in {@code reader}, the word itself included. */
    static List<BytesRef> forms(IndexReader reader, String field, String word) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return List.of();
        }
        TermsEnum dictionary = terms.iterator();
        if (!hasLetter(word)) {
            // numbers and the like do not inflect
            return dictionary.seekExact(new BytesRef(word)) ? List.of(new BytesRef(word)) : List.of();
        }
        String stem = stem(word);
        BytesRef prefix = new BytesRef(stem.length() > SHORT_STEM ? stem.substring(0, stem.length() - 1) : stem);
        Set<BytesRef> forms = new LinkedHashSet<>();
        if (dictionary.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
            BytesRef term = dictionary.term();
            while (term != null && StringHelper.startsWith(term, prefix)) {
                if (stem(term.utf8ToString()).equals(stem)) {
                    forms.add(BytesRef.deepCopyOf(term));
                }
                term = dictionary.next();
            }
        }
        // a short stem may end with a letter its word does not have (fly, fli): the word itself, at least
        BytesRef itself = new BytesRef(word);
        if (!forms.contains(itself) && dictionary.seekExact(itself)) {
            forms.add(itself);
        }
        return List.copyOf(forms);
    }

    private static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parsed query with each term and phrase query of a text field ({@link IndexSchema#DEFAULT_FIELDS})
     * turned into one that matches every form of its words.
     */
    static Query wrap(Query query) {
        if (query instanceof TermQuery term && isText(term.getTerm().field())) {
            return new Forms(term.getTerm().field(), term.getTerm().text());
        }
        if (query instanceof PhraseQuery phrase && isText(phrase.getField())) {
            Term[] terms = phrase.getTerms();
            String[] words = new String[terms.length];
            for (int i = 0; i < terms.length; i++) {
                words[i] = terms[i].text();
            }
            return new PhraseForms(phrase.getField(), words, phrase.getPositions(), phrase.getSlop());
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(wrap(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(wrap(clause.query()), clause.occur());
            }
            return builder.build();
        }
        return query;
    }

    /**
     * The query with each {@link Forms} and {@link PhraseForms} replaced by the forms {@code reader} holds; the
     * rest as it is (prefixes stay prefixes, for the highlighter).
     */
    static Query expand(Query query, IndexReader reader) throws IOException {
        return expand(query, reader, new HashMap<>());
    }

    private static Query expand(Query query, IndexReader reader, Map<Term, List<BytesRef>> known)
            throws IOException {
        if (query instanceof Forms forms) {
            return forms.expand(reader, known);
        }
        if (query instanceof PhraseForms phrase) {
            return phrase.expand(reader, known);
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(expand(boost.getQuery(), reader, known), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(expand(clause.query(), reader, known), clause.occur());
            }
            return builder.build();
        }
        return query;
    }

    private static boolean isText(String field) {
        return IndexSchema.DEFAULT_FIELDS.contains(field);
    }

    /** The forms of a word in a field, looked up once per query (a word is often asked in several clauses). */
    private static List<BytesRef> lookUp(IndexReader reader, String field, String word,
            Map<Term, List<BytesRef>> known) throws IOException {
        Term key = new Term(field, word);
        List<BytesRef> forms = known.get(key);
        if (forms == null) {
            forms = forms(reader, field, word);
            known.put(key, forms);
        }
        return forms;
    }

    /** A word of a text field, in any of its forms. */
    static final class Forms extends Query {
        private final String field;
        private final String word;

        Forms(String field, String word) {
            this.field = Objects.requireNonNull(field);
            this.word = Objects.requireNonNull(word);
        }

        String field() {
            return field;
        }

        String word() {
            return word;
        }

        Query expand(IndexReader reader, Map<Term, List<BytesRef>> known) throws IOException {
            List<BytesRef> forms = lookUp(reader, field, word, known);
            if (forms.isEmpty()) {
                return new MatchNoDocsQuery("no form of '" + word + "' in " + field);
            }
            if (forms.size() == 1) {
                return new TermQuery(new Term(field, forms.get(0)));
            }
            SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
            forms.forEach(form -> builder.addTerm(new Term(field, form)));
            return builder.build();
        }

        @Override
        public Query rewrite(IndexSearcher searcher) throws IOException {
            return expand(searcher.getIndexReader(), new HashMap<>());
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String defaultField) {
            return "forms(" + (field.equals(defaultField) ? "" : field + ":") + word + ")";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && field.equals(((Forms) other).field) && word.equals(((Forms) other).word);
        }

        @Override
        public int hashCode() {
            return classHash() * 31 + Objects.hash(field, word);
        }
    }

    /** A phrase of a text field, each of its words in any of its forms. */
    static final class PhraseForms extends Query {
        private final String field;
        private final String[] words;
        private final int[] positions;
        private final int slop;

        PhraseForms(String field, String[] words, int[] positions, int slop) {
            this.field = Objects.requireNonNull(field);
            this.words = words.clone();
            this.positions = positions.clone();
            this.slop = slop;
        }

        Query expand(IndexReader reader, Map<Term, List<BytesRef>> known) throws IOException {
            MultiPhraseQuery.Builder builder = new MultiPhraseQuery.Builder().setSlop(slop);
            for (int i = 0; i < words.length; i++) {
                List<BytesRef> forms = lookUp(reader, field, words[i], known);
                if (forms.isEmpty()) {
                    return new MatchNoDocsQuery("no form of '" + words[i] + "' in " + field);
                }
                List<Term> terms = new ArrayList<>(forms.size());
                forms.forEach(form -> terms.add(new Term(field, form)));
                builder.add(terms.toArray(Term[]::new), positions[i]);
            }
            return builder.build();
        }

        @Override
        public Query rewrite(IndexSearcher searcher) throws IOException {
            return expand(searcher.getIndexReader(), new HashMap<>());
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String defaultField) {
            return "forms(" + (field.equals(defaultField) ? "" : field + ":") + "\"" + String.join(" ", words)
                    + "\"" + (slop > 0 ? "~" + slop : "") + ")";
        }

        @Override
        public boolean equals(Object other) {
            if (!sameClassAs(other)) {
                return false;
            }
            PhraseForms that = (PhraseForms) other;
            return field.equals(that.field) && Arrays.equals(words, that.words)
                    && Arrays.equals(positions, that.positions) && slop == that.slop;
        }

        @Override
        public int hashCode() {
            return classHash() * 31 + Objects.hash(field, Arrays.hashCode(words), Arrays.hashCode(positions), slop);
        }
    }
}
