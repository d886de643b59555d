package quire.priority;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

/**
 * How long one retraining takes at N records (default 10,000): what the screening order does after a decision,
 * i.e. bring the TF-IDF matrix up to date, train the model on the labelled records and score every record.
 * The records are the shared SYNERGY titles and abstracts, cycled with a random tenth of their words dropped
 * (so the vocabulary grows as with real records). Prints the median of 7 runs after 3 warm-ups, after a decision (library unchanged, the matrix kept) and after a
 * new record (the matrix reweighted):
 * {@code ./mvnw -q -o -pl bundles/quire.priority test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=quire.priority.RetrainBenchmark -Dexec.args=10000}
 */
public final class RetrainBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> real = new ArrayList<>();
        List<Boolean> realLabels = new ArrayList<>();
        for (Path file : SharedDatasets.all()) {
            LabelledDataset data = LabelledDataset.read(file);
            real.addAll(data.texts());
            for (boolean b : data.included()) {
                realLabels.add(b);
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        List<String> texts = new ArrayList<>(n);
        boolean[] included = new boolean[n];
        for (int i = 0; i < n; i++) {
            int source = i % real.size();
            String[] words = real.get(source).split(" ");
            StringBuilder text = new StringBuilder();
            for (String word : words) {
                if (i < real.size() || random.nextDouble() >= 0.1) {
                    text.append(word).append(' ');
                }
            }
            texts.add(text.toString());
            included[i] = realLabels.get(source);
        }
        long t0 = System.nanoTime();
        TfidfVocabulary vocabulary = TfidfVocabulary.asreviewDefaults();
        texts.forEach(vocabulary::add);
        long t1 = System.nanoTime();
        FeatureMatrix x = vocabulary.matrix();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%,d records: tokenizing and counting %.0f ms (once), %,d terms, %,d kept, "
                + "%,d stored values%n", n, (t1 - t0) / 1e6, vocabulary.terms(), x.columns(), x.stored());
        System.out.printf(Locale.ROOT, "TF-IDF matrix from the counts: %.0f ms%n", (t2 - t1) / 1e6);
        for (RelevanceModel model : List.of(new NaiveBayesModel(), new LinearSvmModel())) {
            for (int labelled : new int[] {100, 1_000, n / 2, n - 1}) {
                int[] rows = new int[labelled];
                boolean[] labels = new boolean[labelled];
                for (int i = 0; i < labelled; i++) {
                    rows[i] = i;
                    labels[i] = included[i];
                }
                labels[0] = true;
                labels[1] = false;
                double decision = median(run -> {
                    FeatureMatrix m = vocabulary.matrix(); // unchanged library: the matrix is kept
                    return scoreAll(model.train(m, rows, labels, run), m.rows());
                });
                int passes = LinearSvmModel.lastPasses;
                double imported = median(run -> {
                    vocabulary.add(texts.get(run)); // a new record: counted once, then the weights redone
                    FeatureMatrix m = vocabulary.matrix();
                    return scoreAll(model.train(m, rows, labels, run), m.rows());
                });
                System.out.printf(Locale.ROOT, "retrain %-4s at %,d records, %,5d labelled: %4.0f ms after a decision,"
                        + " %4.0f ms after a new record%s%n", model.id(), n, labelled, decision, imported,
                        model instanceof LinearSvmModel ? " (" + passes + " passes)" : "");
            }
        }
    }

    /** One retraining: returns a checksum so the work cannot be optimised away. */
    private interface Work {
        double run(int seed);
    }

    private static double scoreAll(RelevanceModel.Scores scores, int rows) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += scores.relevance(r);
        }
        return sum;
    }

    /** The median time in ms of 7 runs after 3 warm-ups. */
    private static double median(Work work) {
        double[] times = new double[10];
        double check = 0;
        for (int run = 0; run < times.length; run++) {
            long start = System.nanoTime();
            check += work.run(run);
            times[run] = (System.nanoTime() - start) / 1e6;
        }
        if (Double.isNaN(check)) {
            throw new AssertionError("NaN relevance");
        }
        double[] measured = Arrays.copyOfRange(times, 3, times.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
