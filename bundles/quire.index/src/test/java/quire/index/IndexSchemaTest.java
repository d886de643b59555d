package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import quire.api.model.Provenance;
import quire.api.model.Reference;

class IndexSchemaTest {

    private static List<String> tokens(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (Analyzer analyzer = IndexSchema.analyzer();
                TokenStream stream = analyzer.tokenStream(IndexSchema.TITLE, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void theAnalyserIsBuiltFromSpiNamesAndFoldsAndDropsPossessivesButDoesNotStem() throws IOException {
        assertEquals(List.of("godel", "interpretable", "features"), tokens("Gödel's Interpretable Features"));
        assertEquals(List.of("uber", "die", "satze"), tokens("Über die Sätze"));
    }

    @Test
    void wordsAreStemmedAtQueryTime() {
        assertEquals("interpret", WordForms.stem("interpreting"));
        assertEquals("interpret", WordForms.stem("interpretable"));
        assertEquals("interpret", WordForms.stem("interpretability"));
        assertEquals("possibl", WordForms.stem("possibility"));
    }

    @Test
    void onlyTheIdIsStoredAndExactValuesAreLowerCase() {
        Document doc = IndexSchema.document(TestReferences.CUNNINGHAM_2023, 7);
        List<String> stored = doc.getFields().stream().filter(f -> f.fieldType().stored())
                .map(IndexableField::name).toList();
        assertEquals(List.of(IndexSchema.ID), stored);
        assertEquals("include", doc.get(IndexSchema.TAG));
        assertEquals("preprint", doc.get(IndexSchema.TYPE));
        assertEquals("listing", doc.get(IndexSchema.SOURCE));
        assertEquals(5, doc.getFields(IndexSchema.AUTHORS).length);
        assertEquals("Hoagy Cunningham", doc.getFields(IndexSchema.AUTHORS)[0].stringValue());
    }

    @Test
    void aDoiIsIndexedInLowerCase() {
        Document doc = IndexSchema.document(TestReferences.GOEDEL_1931, 0);
        assertEquals("10.1007/bf01700692", doc.get(IndexSchema.DOI));
    }

    @Test
    void sortKeysFoldCaseAndAccents() {
        assertEquals("godel kurt", IndexSchema.sortKey("Gödel Kurt"));
        assertEquals("uber formal", IndexSchema.sortKey("  Über Formal"));
        assertEquals(32, IndexSchema.sortKey("x".repeat(500)).length());
    }

    @Test
    void sortKeysFacetsAndDecisionsAreIndexed() {
        Reference labelled = TestReferences.GOEDEL_1931.toBuilder().field("screeningLabel", " Include ")
                .provenance(List.of(Provenance.of("s.ris", "RIS", 0, 1).fromDatabase("Web of Science")
                        .imported("", Instant.ofEpochMilli(5000)),
                        Provenance.of("t.ris", "ris", 0, 1).imported("", Instant.ofEpochMilli(3000))))
                .build();
        Document doc = IndexSchema.document(labelled, 0);
        assertEquals("include", doc.get(IndexSchema.DECISION));
        assertEquals(List.of("ris", "web of science"), Arrays.stream(doc.getFields(IndexSchema.SOURCE))
                .map(IndexableField::stringValue).toList());
        assertEquals(3000L, doc.getField(IndexSchema.ADDED).numericValue().longValue());
        assertEquals("godel kurt", doc.getField(IndexSchema.SORT_AUTHOR).binaryValue().utf8ToString());
        assertEquals(1931L, doc.getField(IndexSchema.YEAR + "").numericValue().longValue());
        assertTrue(doc.getFields(FacetsConfig.DEFAULT_INDEX_FIELD_NAME).length > 0, "facet values are doc values");
        assertEquals(Optional.empty(), IndexSchema.dateAdded(TestReferences.GOEDEL_1931),
                "an import time not filled in is no date");
    }
}
