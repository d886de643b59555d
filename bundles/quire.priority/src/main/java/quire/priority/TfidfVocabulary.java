package quire.priority;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quire.api.screening.FeatureMatrix;

/**
 * TF-IDF features of records' text over one shared vocabulary, as scikit-learn's {@code TfidfVectorizer} computes
 * them with ASReview v2's settings: unigrams and bigrams, sublinear tf ({@code 1 + ln tf}), smooth idf
 * ({@code ln((1 + n) / (1 + df)) + 1}), terms in more than {@code maxDf} of the records dropped, rows l2-normalised.
 *
 * <p>Incremental: a record is tokenized and counted once, when it is added; removing it takes its counts back out.
 * {@link #matrix()} then weights the stored counts in one pass over them (idf depends on every record, so the
 * weights, not the tokenizing, are redone). Not thread-safe: one owner thread adds, removes and builds.
 */
final class TfidfVocabulary {

    private final Tokenizer tokenizer;
    private final boolean sublinearTf;
    private final double maxDf;
    private final Map<String, Integer> termIds = new HashMap<>();
    private int[] documentFrequency = new int[1024];
    private final List<int[]> rowTerms = new ArrayList<>();
    private final List<int[]> rowCounts = new ArrayList<>();
    private final BitSet removed = new BitSet();
    private int live;
    private FeatureMatrix cached; // the last matrix, until a record is added or removed

    /**
     * @param tokenizer   how text becomes terms
     * @param sublinearTf whether term counts are damped to {@code 1 + ln tf}
     * @param maxDf       drop terms found in more than this share of the records (1.0 keeps all)
     */
    TfidfVocabulary(Tokenizer tokenizer, boolean sublinearTf, double maxDf) {
        this.tokenizer = tokenizer;
        this.sublinearTf = sublinearTf;
        this.maxDf = maxDf;
    }

    /** ASReview v2's default features (ELAS u4): 1-2-grams, sublinear tf, max_df 0.95, English stop words. */
    static TfidfVocabulary asreviewDefaults() {
        return new TfidfVocabulary(new Tokenizer(true, 2), true, 0.95);
    }

    /** Adds a record's text (title and abstract) and returns its row. */
    int add(String text) {
        List<String> all = tokenizer.terms(text);
        int[] ids = new int[all.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = termIds.computeIfAbsent(all.get(i), t -> termIds.size());
        }
        Arrays.sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                distinct++;
            }
        }
        int[] terms = new int[distinct];
        int[] tf = new int[distinct];
        int k = -1;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                terms[++k] = ids[i];
            }
            tf[k]++;
        }
        if (termIds.size() > documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, Math.max(termIds.size(), documentFrequency.length * 2));
        }
        for (int id : terms) {
            documentFrequency[id]++;
        }
        rowTerms.add(terms);
        rowCounts.add(tf);
        live++;
        cached = null;
        return rowTerms.size() - 1;
    }

    /** Takes a record out: its row stays (rows keep their numbers) but is empty and no longer counts for idf. */
    void remove(int row) {
        if (removed.get(row)) {
            return;
        }
        removed.set(row);
        for (int id : rowTerms.get(row)) {
            documentFrequency[id]--;
        }
        rowTerms.set(row, new int[0]);
        rowCounts.set(row, new int[0]);
        live--;
        cached = null;
    }

    /** Rows added so far, removed ones included. */
    int rows() {
        return rowTerms.size();
    }

    /** Distinct terms seen so far. */
    int terms() {
        return termIds.size();
    }

    /**
     * The TF-IDF matrix of every row (removed rows empty); columns are the terms kept, in order of first sight. Kept
     * until a record is added or removed, so retraining after a decision does not redo it.
     */
    FeatureMatrix matrix() {
        if (cached == null) {
            cached = build();
        }
        return cached;
    }

    private FeatureMatrix build() {
        int vocabulary = termIds.size();
        double maxCount = maxDf * live;
        int[] column = new int[vocabulary];
        double[] idf = new double[vocabulary];
        int columns = 0;
        for (int id = 0; id < vocabulary; id++) {
            int df = documentFrequency[id];
            if (df >= 1 && df <= maxCount) {
                column[id] = columns++;
                idf[id] = Math.log((1.0 + live) / (1.0 + df)) + 1.0;
            } else {
                column[id] = -1;
            }
        }
        int rows = rowTerms.size();
        int[] rowStart = new int[rows + 1];
        int stored = 0;
        for (int r = 0; r < rows; r++) {
            for (int id : rowTerms.get(r)) {
                if (column[id] >= 0) {
                    stored++;
                }
            }
            rowStart[r + 1] = stored;
        }
        int[] columnIndex = new int[stored];
        float[] values = new float[stored];
        double[] row = new double[64];
        for (int r = 0; r < rows; r++) {
            int[] terms = rowTerms.get(r);
            int[] counts = rowCounts.get(r);
            if (row.length < terms.length) {
                row = new double[terms.length];
            }
            int k = rowStart[r];
            double sum = 0;
            int n = 0;
            for (int t = 0; t < terms.length; t++) {
                int id = terms[t];
                if (column[id] < 0) {
                    continue;
                }
                int count = counts[t];
                double tf = count == 1 ? 1.0 : sublinearTf ? 1.0 + Math.log(count) : count;
                double w = tf * idf[id];
                row[n++] = w;
                sum += w * w;
                columnIndex[k + n - 1] = column[id];
            }
            double scale = sum == 0 ? 0 : 1.0 / Math.sqrt(sum);
            for (int j = 0; j < n; j++) {
                values[k + j] = (float) (row[j] * scale);
            }
        }
        return new FeatureMatrix(columns, rowStart, columnIndex, values);
    }
}
