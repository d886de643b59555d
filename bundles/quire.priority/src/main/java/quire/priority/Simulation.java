package quire.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

/**
 * Replays the screening of a labelled dataset as ASReview's simulation does: prior knowledge of one include and one
 * exclude drawn from the seed, then train, pick the most relevant unlabelled record, reveal its label, repeat, until
 * every include is found (the rest would all be excludes, which is what ASReview Insights pads with). Retraining
 * every {@code retrainEvery} records takes the next records from one ranking in between.
 */
final class Simulation {

    /**
     * One replay.
     *
     * @param seed      the seed of the priors, the model and the random picks
     * @param labels    the labels in screening order, priors left out, padded with zeros to all other records
     * @param metrics   ASReview Insights' metrics of {@code labels}
     * @param trainings how often the model was trained
     * @param seconds   how long the replay took
     */
    record Run(long seed, int[] labels, ScreeningMetrics metrics, int trainings, double seconds) {
    }

    private final FeatureMatrix features;
    private final boolean[] included;
    private final RelevanceModel model;
    private final MaxQuery query;
    private final int retrainEvery;

    Simulation(FeatureMatrix features, boolean[] included, RelevanceModel model, MaxQuery query, int retrainEvery) {
        if (features.rows() != included.length) {
            throw new IllegalArgumentException(features.rows() + " rows but " + included.length + " labels");
        }
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrain every 1 or more records, not " + retrainEvery);
        }
        int ones = 0;
        for (boolean b : included) {
            ones += b ? 1 : 0;
        }
        if (ones < 2 || ones == included.length) {
            throw new IllegalArgumentException("a simulation needs at least 2 includes and 1 exclude (one of each is"
                    + " prior knowledge), not " + ones + " of " + included.length);
        }
        this.features = features;
        this.included = included.clone();
        this.model = model;
        this.query = query;
        this.retrainEvery = retrainEvery;
    }

    /**
     * How many records to screen between trainings by default: every record (as ASReview does) up to 2,000
     * records, then one more per 2,000, so that a simulation over a big dataset stays affordable on two cores.
     */
    static int defaultRetrainEvery(int records) {
        return Math.max(1, records / 2000);
    }

    /** Replays once; reports one unit of progress per record labelled and stops when progress is cancelled. */
    Run run(long seed, Progress progress) {
        long started = System.nanoTime();
        int n = included.length;
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> ones = new ArrayList<>();
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (included[i] ? ones : zeros).add(i);
        }
        int totalIncludes = ones.size();
        int priorInclude = ones.get(random.nextInt(ones.size()));
        int priorExclude = zeros.get(random.nextInt(zeros.size()));
        int[] rows = new int[n];
        boolean[] labels = new boolean[n];
        rows[0] = priorInclude;
        labels[0] = true;
        rows[1] = priorExclude;
        labels[1] = false;
        int labelled = 2;
        int found = 1;
        List<Integer> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i != priorInclude && i != priorExclude) {
                candidates.add(i);
            }
        }
        int[] screened = new int[n - 2];
        int position = 0;
        int trainings = 0;
        while (found < totalIncludes && !candidates.isEmpty()) {
            if (progress.isCancelled()) {
                throw new CancelledException("simulation cancelled after " + position + " records");
            }
            RelevanceModel.Scores scores = model.train(features, java.util.Arrays.copyOf(rows, labelled),
                    java.util.Arrays.copyOf(labels, labelled), seed * 1_000_003L + trainings);
            trainings++;
            int[] picked = query.next(candidates, scores::relevance, retrainEvery, random);
            for (int row : picked) {
                rows[labelled] = row;
                labels[labelled] = included[row];
                labelled++;
                screened[position++] = included[row] ? 1 : 0;
                if (included[row]) {
                    found++;
                }
            }
            progress.worked(picked.length);
        }
        return new Run(seed, screened, ScreeningMetrics.of(screened), trainings,
                (System.nanoTime() - started) / 1e9);
    }
}
