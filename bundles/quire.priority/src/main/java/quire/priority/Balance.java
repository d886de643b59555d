package quire.priority;

import java.util.SplittableRandom;

/**
 * How the few includes are weighted against the many excludes when a model trains: ASReview's balance strategies,
 * as a weight per labelled record. Without balancing a classifier trained on 3 includes and 300 excludes learns
 * "exclude everything" and ranks poorly.
 */
final class Balance {

    private Balance() {
    }

    /**
     * ASReview v2's {@code Balanced} sample weights: an include weighs 1 and an exclude {@code n1 / (ratio * n0)},
     * so all includes together weigh {@code ratio} times all excludes; then scaled so the weights sum to the number
     * of records. ELAS u4 (the v2 default, with the SVM) uses {@code ratio = 9.8}.
     */
    static double[] balanced(boolean[] included, double ratio) {
        int ones = 0;
        for (boolean b : included) {
            if (b) {
                ones++;
            }
        }
        int zeros = included.length - ones;
        requireBoth(ones, zeros);
        double zeroWeight = ones / (ratio * zeros);
        double total = ones + zeroWeight * zeros;
        double scale = included.length / total;
        double[] weights = new double[included.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (included[i] ? 1.0 : zeroWeight) * scale;
        }
        return weights;
    }

    /**
     * ASReview v1's {@code double} balance (its default with naive Bayes): the training set keeps its size but is
     * resampled so that includes get weight {@code a * (n1/n0)^-alpha} and excludes {@code 1 - (1-b) * (1 +
     * ln n)^-beta}; each class is copied whole as often as it fits and the rest drawn without replacement. Returns
     * how often each record was drawn, which is what a weighted model sees (a copy counts as a weight).
     */
    static double[] doubleBalance(boolean[] included, SplittableRandom random) {
        final double a = 2.155;
        final double alpha = 0.94;
        final double b = 0.789;
        final double beta = 1.0;
        int ones = 0;
        for (boolean x : included) {
            if (x) {
                ones++;
            }
        }
        int zeros = included.length - ones;
        requireBoth(ones, zeros);
        int n = ones + zeros;
        double oneWeight = a * Math.pow((double) ones / zeros, -alpha);
        double zeroWeight = 1 - (1 - b) * Math.pow(1 + Math.log(n), -beta);
        double total = oneWeight * ones + zeroWeight * zeros;
        int oneTrain = randomRound(oneWeight * ones * n / total, random);
        oneTrain = Math.max(1, Math.min(n - 2, oneTrain));
        int zeroTrain = n - oneTrain;
        int[] oneIdx = new int[ones];
        int[] zeroIdx = new int[zeros];
        int o = 0;
        int z = 0;
        for (int i = 0; i < n; i++) {
            if (included[i]) {
                oneIdx[o++] = i;
            } else {
                zeroIdx[z++] = i;
            }
        }
        double[] counts = new double[n];
        fill(oneIdx, oneTrain, counts, random);
        fill(zeroIdx, zeroTrain, counts, random);
        return counts;
    }

    private static void requireBoth(int ones, int zeros) {
        if (ones == 0 || zeros == 0) {
            throw new IllegalArgumentException("training needs at least one include and one exclude (have " + ones
                    + " and " + zeros + ")");
        }
    }

    /** 8.1 becomes 8 nine times in ten and 9 once. */
    private static int randomRound(double value, SplittableRandom random) {
        int base = (int) Math.floor(value);
        return random.nextDouble() < value - base ? base + 1 : base;
    }

    /** Whole copies of {@code source}, then a sample without replacement for the remainder. */
    private static void fill(int[] source, int wanted, double[] counts, SplittableRandom random) {
        int copies = wanted / source.length;
        int rest = wanted - copies * source.length;
        for (int i : source) {
            counts[i] += copies;
        }
        int[] pool = source.clone();
        for (int k = 0; k < rest; k++) {
            int j = k + random.nextInt(pool.length - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
            counts[pool[k]] += 1;
        }
    }
}
