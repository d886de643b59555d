package quire.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/**
 * What a {@link Reference} becomes in the index.
 *
 * <ul>
 * <li>Text fields ({@link #TITLE}, {@link #ABSTRACT}, {@link #AUTHORS}, {@link #KEYWORDS}, {@link #VENUE}) are
 * analysed into words, lower case, accents folded, possessives dropped, and kept as written: not stemmed. A word
 * of a query is stemmed when the query runs and matches every indexed form with its stem ({@link WordForms}), so
 * {@code interpreting} finds {@code interpretable}, and a prefix, wildcard or fuzzy term matches the words as
 * written, so {@code interpretab*} finds {@code interpretability}.</li>
 * <li>Exact fields ({@link #DOI}, {@link #ARXIV}, {@link #TYPE}, {@link #TAG}, {@link #SOURCE},
 * {@link #DECISION}) are single lower-case terms.</li>
 * <li>{@link #YEAR} is a point (ranges) and a doc value (sorting); {@link #SORT_AUTHOR}, {@link #SORT_TITLE},
 * {@link #ADDED} and {@link #ORD} are doc values to sort by.</li>
 * <li>Facets ({@link #FACET_DIMS}) are sorted-set doc values of the facet module: no taxonomy index.</li>
 * </ul>
 * Only {@link #ID} is stored, because hits are resolved through the library, which stays the one source of
 * truth; snippets are made from the library's text too.
 *
 * <p>{@link #DECISION}: the verdict the review settled for the reference ({@code include}, {@code exclude} or
 * {@code maybe}, see {@code quire.api.review.ReviewService#settledVerdicts}); for a reference the review has no
 * verdict on, the screening label its source carried ({@code fields.screeningLabel}, e.g. {@code include} or
 * {@code exclude} from a labelled listing).
 */
final class IndexSchema {

    /**
     * Bump when the fields or the analysis change: an index written with another version is rebuilt on open.
     * 2: words unstemmed (stemmed at query time), facets, sort fields, decisions, source databases.
     */
    static final int VERSION = 2;

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
    static final String DECISION = "decision";

    // numbers and sort keys
    static final String YEAR = "year";
    /** Position of the reference in library order; sorts results when the query has no words to rank by. */
    static final String ORD = "ord";
    /** The first author's family and given names, folded: sorts by first author. */
    static final String SORT_AUTHOR = "sort.author";
    /** The title, folded: sorts by title. */
    static final String SORT_TITLE = "sort.title";
    /** When the reference was first imported, epoch milliseconds: sorts by date added. */
    static final String ADDED = "added";

    /** The field the reference's screening label comes from, until decisions are modelled. */
    static final String SCREENING_LABEL = "screeningLabel";

    /** The fields searched by words without a field name ("all"). */
    static final List<String> DEFAULT_FIELDS = List.of(TITLE, ABSTRACT, AUTHORS, KEYWORDS, VENUE);

    /** Query-time weights of default fields (others weigh 1): a word in the title says most about a work. */
    static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f);

    /** The fields "more like this" reads: what a work is about. */
    static final List<String> SIMILARITY_FIELDS = List.of(TITLE, ABSTRACT, KEYWORDS);

    // facet dimensions, as named in SearchResult.facets
    static final String FACET_YEAR = "year";
    static final String FACET_TYPE = "type";
    static final String FACET_VENUE = "venue";
    static final String FACET_TAG = "tag";
    static final String FACET_DECISION = "decision";
    static final String FACET_SOURCE = "source";

    /** Every facet dimension, with how many values of it a result reports at most (the largest counts). */
    static final Map<String, Integer> FACET_DIMS = Map.of(
            FACET_YEAR, 100,
            FACET_TYPE, 50,
            FACET_VENUE, 20,
            FACET_TAG, 20,
            FACET_DECISION, 10,
            FACET_SOURCE, 20);

    /** How facet values are kept: one sorted-set doc values field, no drill-down terms (exact fields do that). */
    static final FacetsConfig FACETS = facetsConfig();

    /** Gap between two values of one field (two authors), so that a phrase does not run across them. */
    private static final int VALUE_GAP = 100;

    /** Sort keys longer than this are cut: only their start decides the order in practice (ties keep library order). */
    private static final int SORT_KEY_LENGTH = 32;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private IndexSchema() {
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : FACET_DIMS.keySet()) {
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        config.setMultiValued(FACET_TAG, true);
        config.setMultiValued(FACET_SOURCE, true);
        return config;
    }

    /**
     * The analyser of text, indexed and queried: words, lower case, accents folded, possessives dropped; no stems
     * (see {@link WordForms}). Built from the factories' SPI names on purpose: it is the first thing to fail when
     * Lucene's {@code META-INF/services} files are not visible inside the bundle.
     */
    static Analyzer analyzer() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("englishPossessive")
                    .withPositionIncrementGap(VALUE_GAP)
                    .build();
        } catch (IOException e) {
            // only loading resource files (stop words and the like) can fail, and none are used
            throw new UncheckedIOException(e);
        }
    }

    /** The document for a reference at position {@code ord} in library order, with no verdict of the review. */
    static Document document(Reference reference, long ord) {
        return document(reference, ord, Optional.empty());
    }

    /**
     * The document for a reference at position {@code ord} in library order; {@code settled} is the review's
     * verdict on it, which wins over the screening label of its source.
     */
    static Document document(Reference reference, long ord, Optional<String> settled) {
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
        String type = reference.type().id();
        exact(doc, TYPE, type);
        facet(doc, FACET_TYPE, type);
        for (String tag : new TreeSet<>(reference.tags().stream().map(IndexSchema::normalise).toList())) {
            exact(doc, TAG, tag);
            facet(doc, FACET_TAG, tag);
        }
        sources(doc, reference);
        settled.map(IndexSchema::normalise).filter(v -> !v.isEmpty()).or(() -> decision(reference))
                .ifPresent(decision -> {
            exact(doc, DECISION, decision);
            facet(doc, FACET_DECISION, decision);
        });
        reference.venue().ifPresent(venue -> facet(doc, FACET_VENUE, venue));

        reference.year().ifPresent(year -> {
            doc.add(new IntPoint(YEAR, year));
            doc.add(new NumericDocValuesField(YEAR, year));
            facet(doc, FACET_YEAR, Integer.toString(year));
        });
        if (!reference.authors().isEmpty()) {
            Person first = reference.authors().get(0);
            sortKey(doc, SORT_AUTHOR, first.family() + " " + first.given());
        }
        sortKey(doc, SORT_TITLE, reference.title());
        dateAdded(reference).ifPresent(added -> doc.add(new NumericDocValuesField(ADDED, added.toEpochMilli())));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            // only a taxonomy writer does I/O here, and there is none
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the reference's records came from: for the {@code source:} field, the database each record names and
     * its import format (so both {@code source:scopus} and {@code source:ris} work); for the source facet, the
     * database, or the format when the record names none.
     */
    private static void sources(Document doc, Reference reference) {
        Set<String> terms = new TreeSet<>();
        Set<String> facets = new TreeSet<>();
        for (Provenance provenance : reference.provenance()) {
            String format = normalise(provenance.format());
            Optional<String> database = provenance.database().map(IndexSchema::normalise);
            terms.add(format);
            database.ifPresent(terms::add);
            facets.add(database.orElse(format));
        }
        terms.forEach(source -> exact(doc, SOURCE, source));
        facets.forEach(source -> facet(doc, FACET_SOURCE, source));
    }

    /** The screening decision of a reference, normalised; see the class comment. */
    static Optional<String> decision(Reference reference) {
        return reference.field(SCREENING_LABEL).map(IndexSchema::normalise).filter(label -> !label.isEmpty());
    }

    /** When the reference was first imported; empty when no import time was recorded. */
    static Optional<Instant> dateAdded(Reference reference) {
        return reference.provenance().stream().map(Provenance::importedAt)
                .filter(at -> !at.equals(Instant.EPOCH))
                .min(Instant::compareTo);
    }

    /** How exact values are compared: trimmed, in lower case. */
    static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** How sort keys compare: lower case, accents removed ("Gödel" sorts as "godel"). */
    static String sortKey(String value) {
        String stripped = value.strip();
        String folded = isAscii(stripped) ? stripped.toLowerCase(Locale.ROOT)
                : MARKS.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFD)).replaceAll("")
                        .toLowerCase(Locale.ROOT);
        return folded.length() > SORT_KEY_LENGTH ? folded.substring(0, SORT_KEY_LENGTH) : folded;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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

    private static void facet(Document doc, String dim, String value) {
        String stripped = value.strip();
        if (!stripped.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(dim, stripped));
        }
    }

    private static void sortKey(Document doc, String field, String value) {
        String key = sortKey(value);
        if (!key.isEmpty()) {
            doc.add(new SortedDocValuesField(field, new BytesRef(key)));
        }
    }
}
