package quire.priority;

/**
 * ASReview Insights' metrics of a screening order, defined exactly as {@code asreviewcontrib.insights} computes
 * them ({@code metrics.py} and {@code algorithms.py}). The input is the labels in the order records were screened,
 * prior knowledge left out, padded with zeros to the number of records that were not priors (what
 * {@code get_simulation_labels} returns).
 *
 * @param wss95 work saved over sampling at 95% recall, as a share of the records ({@code _wss(labels, 0.95)})
 * @param rrf10 recall after screening 10% of the records ({@code _recall(labels, 0.1)}), the RRF@10
 * @param atd   average time to discovery: the mean position (1-based) at which the relevant records were found
 *              ({@code _average_time_to_discovery})
 * @param loss  the normalised loss: how far the recall curve is below the best possible, 0 best, 1 worst
 *              ({@code _loss_value})
 */
record ScreeningMetrics(double wss95, double rrf10, double atd, double loss) {

    static ScreeningMetrics of(int[] labels) {
        int relevant = 0;
        for (int label : labels) {
            relevant += label;
        }
        if (relevant == 0 || relevant == labels.length) {
            throw new IllegalArgumentException("metrics need both relevant and irrelevant records");
        }
        return new ScreeningMetrics(wss(labels, 0.95), recall(labels, 0.1), averageTimeToDiscovery(labels),
                loss(labels));
    }

    /** {@code _wss}: how many records earlier than random screening the k-th include was found, over n. */
    static double wss(int[] labels, double intercept) {
        int n = labels.length;
        int ny = 0;
        for (int label : labels) {
            ny += label;
        }
        int[] found = cumulative(labels);
        // np.round(np.linspace(0, ny, n)): j * step, the last one exactly ny; np.round rounds half to even
        double[] randomFound = new double[n];
        double step = n > 1 ? (double) ny / (n - 1) : 0;
        for (int j = 0; j < n; j++) {
            randomFound[j] = Math.rint(j * step);
        }
        if (n > 1) {
            randomFound[n - 1] = ny;
        }
        double[] y = new double[ny];
        int at = 0;
        int atRandom = 0;
        for (int k = 1; k <= ny; k++) {
            while (found[at] < k) {
                at++;
            }
            while (randomFound[atRandom] < k) {
                atRandom++;
            }
            y[k - 1] = (double) (atRandom - at) / n;
        }
        // _slice_metric: y[i - 1] for i = searchsorted(x, intercept, side="right"), x = k / ny (i = 0 wraps around)
        int i = 0;
        while (i < ny && (double) (i + 1) / ny <= intercept) {
            i++;
        }
        return i == 0 ? y[ny - 1] : y[i - 1];
    }

    /** {@code _recall}: the share of includes found after screening {@code intercept} of the records. */
    static double recall(int[] labels, double intercept) {
        int n = labels.length;
        int[] found = cumulative(labels);
        int ny = found[n - 1];
        if (intercept < 1.0 / n) {
            return 0;
        }
        int i = 0;
        while (i < n && (double) (i + 1) / n <= intercept) {
            i++;
        }
        return (double) found[i - 1] / ny;
    }

    /** {@code _average_time_to_discovery}: the mean 1-based position of the relevant records. */
    static double averageTimeToDiscovery(int[] labels) {
        long sum = 0;
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                sum += i + 1;
                count++;
            }
        }
        return (double) sum / count;
    }

    /** {@code _loss_value}: (optimal area - actual area) / (optimal area - worst area) under the recall curve. */
    static double loss(int[] labels) {
        long nx = labels.length;
        long ny = 0;
        long area = 0;
        for (int label : labels) {
            ny += label;
            area += ny;
        }
        return (ny * (nx - (ny - 1) / 2.0) - area) / (double) (ny * (nx - ny));
    }

    private static int[] cumulative(int[] labels) {
        int[] found = new int[labels.length];
        int sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += labels[i];
            found[i] = sum;
        }
        return found;
    }
}
