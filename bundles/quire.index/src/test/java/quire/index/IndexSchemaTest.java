package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

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
    void theAnalyserIsBuiltFromSpiNamesAndFoldsStemsAndDropsPossessives() throws IOException {
        assertEquals(List.of("godel", "interpret", "featur"), tokens("Gödel's Interpretable Features"));
        assertEquals(List.of("interpret", "interpret", "interpret"),
                tokens("interpreting interpretability INTERPRETABLE"));
        assertEquals(List.of("uber", "die", "satz"), tokens("Über die Sätze"));
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
}
