package quire.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/**
 * What a {@link Reference} becomes in the index. Text fields are analysed (words, lower case, accents folded,
 * Porter stems); exact fields are single lower-case terms; only {@link #ID} is stored, because hits are resolved
 * through the library, which stays the one source of truth.
 */
final class IndexSchema {

    /**
     * Bump when the fields or the analysis change: an index written with another version is rebuilt on open.
     */
    static final int VERSION = 1;

    // analysed text
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String AUTHORS = "authors";
    static final String KEYWORDS = "keywords";
    static final String VENUE = "venue";

    // exact terms
    static final String ID = "id";
    static final String DOI = "doi";
    static final String ARXIV = "arxiv";
    static final String TYPE = "type";
    static final String TAG = "tag";
    static final String SOURCE = "source";

    // numbers
    static final String YEAR = "year";
    /** Position of the reference in library order; sorts results when the query has no words to rank by. */
    static final String ORD = "ord";

    /** The fields searched by words without a field name ("all"). */
    static final List<String> DEFAULT_FIELDS = List.of(TITLE, ABSTRACT, AUTHORS, KEYWORDS, VENUE);

    /** Query-time weights of default fields (others weigh 1): a word in the title says most about a work. */
    static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f);

    /** Gap between two values of one field (two authors), so that a phrase does not run across them. */
    private static final int VALUE_GAP = 100;

    private IndexSchema() {
    }

    /**
     * The analyser for indexing and querying. Built from the factories' SPI names on purpose: it is the first
     * thing to fail when Lucene's {@code META-INF/services} files are not visible inside the bundle.
     */
    static Analyzer analyzer() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("porterStem")
                    .withPositionIncrementGap(VALUE_GAP)
                    .build();
        } catch (IOException e) {
            // only loading resource files (stop words and the like) can fail, and none are used
            throw new UncheckedIOException(e);
        }
    }

    /** The document for a reference at position {@code ord} in library order. */
    static Document document(Reference reference, long ord) {
        Document doc = new Document();
        doc.add(new StringField(ID, reference.id(), Field.Store.YES));
        doc.add(new NumericDocValuesField(ORD, ord));

        text(doc, TITLE, reference.title());
        reference.abstractText().ifPresent(text -> text(doc, ABSTRACT, text));
        for (Person author : reference.authors()) {
            text(doc, AUTHORS, author.displayName());
        }
        reference.keywords().forEach(keyword -> text(doc, KEYWORDS, keyword));
        reference.venue().ifPresent(venue -> text(doc, VENUE, venue));

        reference.doi().ifPresent(doi -> exact(doc, DOI, doi));
        reference.arxivId().ifPresent(arxiv -> exact(doc, ARXIV, arxiv));
        exact(doc, TYPE, reference.type().id());
        new TreeSet<>(reference.tags().stream().map(IndexSchema::normalise).toList())
                .forEach(tag -> exact(doc, TAG, tag));
        Set<String> sources = new TreeSet<>();
        for (Provenance provenance : reference.provenance()) {
            sources.add(normalise(provenance.format()));
        }
        sources.forEach(source -> exact(doc, SOURCE, source));

        reference.year().ifPresent(year -> {
            doc.add(new IntPoint(YEAR, year));
            doc.add(new NumericDocValuesField(YEAR, year));
        });
        return doc;
    }

    /** How exact values are compared: trimmed, in lower case. */
    static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static void text(Document doc, String field, String value) {
        if (!value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static void exact(Document doc, String field, String value) {
        String normalised = normalise(value);
        if (!normalised.isEmpty()) {
            doc.add(new StringField(field, normalised, Field.Store.NO));
        }
    }
}
