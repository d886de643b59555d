package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quire.api.search.QuerySyntaxException;

class QueryTranslatorTest {

    private final Analyzer analyzer = IndexSchema.analyzer();
    private final QueryTranslator translator = new QueryTranslator(analyzer);

    @AfterEach
    void close() {
        analyzer.close();
    }

    private Query translate(String query) throws QuerySyntaxException {
        return translator.translate(query);
    }

    private int errorPosition(String query) {
        return assertThrows(QuerySyntaxException.class, () -> translate(query), query).position();
    }

    @Test
    void aBlankQueryOrALoneStarMatchesEverything() throws Exception {
        assertInstanceOf(MatchAllDocsQuery.class, translate(""));
        assertInstanceOf(MatchAllDocsQuery.class, translate(" \t"));
        assertInstanceOf(MatchAllDocsQuery.class, translate("*"));
    }

    @Test
    void yearsBecomePointQueries() throws Exception {
        assertEquals(IntPoint.newExactQuery("year", 2020), translate("year:2020"));
        assertEquals(IntPoint.newRangeQuery("year", 2020, 2024), translate("year:2020..2024"));
        assertEquals(IntPoint.newRangeQuery("year", 2021, Integer.MAX_VALUE), translate("year:>=2021"));
        assertEquals(IntPoint.newRangeQuery("year", Integer.MIN_VALUE, 2019), translate("year:<2020"));
        assertEquals(IntPoint.newRangeQuery("year", 2020, 2023), translate("year:[2020 TO 2024}"));
        assertEquals(IntPoint.newRangeQuery("year", 2020, Integer.MAX_VALUE), translate("year:[2020 TO *]"));
    }

    @Test
    void exactFieldsAreSingleLowerCaseTerms() throws Exception {
        assertEquals(new TermQuery(new Term("doi", "10.1000/xyz")), translate("DOI:10.1000/XYZ"));
        assertEquals(new TermQuery(new Term("doi", "10.1000/a(b)")), translate("doi:\"10.1000/A(B)\""));
        assertEquals(new TermQuery(new Term("type", "conference-paper")), translate("type:Conference_Paper"));
        assertEquals(new TermQuery(new Term("arxiv", "2401.01234")), translate("arxiv:2401.01234v3"));
        assertEquals(new TermQuery(new Term("tag", "to-read")), translate("tag:To-Read"));
    }

    @Test
    void aliasesNameTheIndexedFields() throws Exception {
        assertEquals(new WordForms.Forms("authors", "barez"), translate("author:Barez"));
        assertEquals(new WordForms.Forms("keywords", "circuits"), translate("keyword:circuits"));
    }

    @Test
    void wordsSearchTheDefaultFieldsWithTheTitleWeighted() throws Exception {
        String query = translate("circuits").toString();
        for (String field : IndexSchema.DEFAULT_FIELDS) {
            assertTrue(query.contains("forms(" + field + ":circuits)"), query);
        }
        assertTrue(query.contains("(forms(title:circuits))^3.0"), query);
    }

    @Test
    void onlyExcludedClausesAreAddedToEverything() throws Exception {
        BooleanQuery query = assertInstanceOf(BooleanQuery.class, translate("-type:preprint"));
        assertInstanceOf(MatchAllDocsQuery.class, query.clauses().get(0).query());
    }

    @Test
    void errorsPointAtTheColumnAsTyped() {
        assertEquals(6, errorPosition("title:(foo"));
        assertEquals(0, errorPosition("\"unclosed"));
        assertEquals(4, errorPosition("foo ) bar"));
        assertEquals(7, errorPosition("foo AND"));
        assertEquals(3, errorPosition("foo\\"));
        assertEquals(0, errorPosition("auhtor:barez"));
        assertEquals(5, errorPosition("year:20x0"));
        assertEquals(5, errorPosition("year:2024..2020"));
        assertEquals(4, errorPosition("foo *bar"));
        // the escaped '/' and ':' before the error do not shift the position
        assertEquals(32, errorPosition("doi:10.1/x Attention: a b/c AND OR x"));
    }

    @Test
    void errorMessagesAreForPeople() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> translate("foo AND OR bar"));
        assertTrue(e.getMessage().startsWith("unexpected 'OR' at column 9"), e.getMessage());
        assertEquals(8, e.position());
        assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("<"), e.getMessage());
    }

    @Test
    void wildcardsAndPatternsAreNotYears() {
        assertTrue(errorPosition("year:20*") >= -1);
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> translate("year:20*"));
        assertTrue(e.getMessage().contains("year:"), e.getMessage());
    }

    @Test
    void decisionsAreExactAndPrefixesAreNotStemmed() throws Exception {
        assertEquals(new TermQuery(new Term("decision", "include")), translate("decision:Include"));
        // words are matched in all their forms; prefixes are only folded, and match words as written
        assertEquals(new PrefixQuery(new Term("abstract", "interpretab")), translate("abstract:Interpretab*"));
        assertEquals(new PrefixQuery(new Term("authors", "godel")), translate("author:Gödel*"));
        assertEquals(new WordForms.Forms("abstract", "interpretability"), translate("abstract:Interpretability"));
        assertEquals("forms(abstract:\"sparse autoencoders\"~2)",
                translate("abstract:\"Sparse Autoencoders\"~2").toString());
    }
}
