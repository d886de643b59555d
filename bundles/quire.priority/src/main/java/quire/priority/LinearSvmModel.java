package quire.priority;

import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

/**
 * A linear support vector machine on TF-IDF 1-2-grams, ASReview v2's default (ELAS u4): scikit-learn's
 * {@code LinearSVC(C=0.11, loss="squared_hinge")} with an intercept, trained with v2's balanced sample weights
 * (ratio 9.8). Solved like liblinear: dual coordinate descent with shrinking (Hsieh et al., ICML 2008), tolerance
 * 1e-4, at most 1000 passes, the order of each pass shuffled from the seed.
 *
 * <p>Relevance is the decision value {@code w.x + b} mapped to 0..1 by Platt scaling (a logistic fit of the labels
 * on the decision values of the labelled records, as libsvm's probability estimates do), so the order is the SVM's
 * own and the number reads as a rough chance of inclusion.
 */
@Component(service = RelevanceModel.class, property = RelevanceModel.ID + "=" + LinearSvmModel.ID)
public final class LinearSvmModel implements RelevanceModel {

    static final String ID = "svm";
    private static final double C = 0.11;
    private static final double RATIO = 9.8;
    private static final double TOLERANCE = 1e-4;
    private static final int MAX_PASSES = 1000;

    /** Passes over the data the last training took (read by the benchmark). */
    static volatile int lastPasses;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Linear SVM (TF-IDF 1-2-grams, balanced)";
    }

    @Override
    public Scores train(FeatureMatrix x, int[] rows, boolean[] included, long seed) {
        double[] sampleWeight = Balance.balanced(included, RATIO);
        int l = rows.length;
        int columns = x.columns();
        double[] w = new double[columns];
        double bias = 0; // the weight of a constant feature 1, regularised like the others (liblinear's intercept)
        double[] alpha = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        int[] y = new int[l];
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            y[i] = included[i] ? 1 : -1;
            diag[i] = 0.5 / (C * sampleWeight[i]);
            qd[i] = diag[i] + x.squaredNorm(rows[i]) + 1.0;
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int active = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        int pass = 0;
        for (; pass < MAX_PASSES; pass++) {
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int j = s + random.nextInt(active - s);
                int t = index[s];
                index[s] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s];
                int row = rows[i];
                double g = y[i] * (x.dot(row, w) + bias) - 1 + alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        // shrink: at the bound and pushing outwards, leave it out until the final check
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * y[i];
                    for (int k = x.start(row); k < x.end(row); k++) {
                        w[x.column(k)] += d * x.value(k);
                    }
                    bias += d;
                }
            }
            if (pgMaxNew - pgMinNew <= TOLERANCE) {
                if (active == l) {
                    break;
                }
                active = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
        }
        lastPasses = pass;
        double b = bias;
        double[] decision = new double[l];
        for (int i = 0; i < l; i++) {
            decision[i] = x.dot(rows[i], w) + b;
        }
        double[] ab = platt(decision, included);
        return row -> NaiveBayesModel.sigmoid(-(ab[0] * (x.dot(row, w) + b) + ab[1]));
    }

    /**
     * Fits P(include | f) = 1 / (1 + exp(A f + B)) to the labelled records' decision values f, with Platt's
     * smoothed targets, by Newton's method with backtracking (Lin, Lin and Weng, 2007). Returns {A, B}; A is
     * negative when larger values mean include, as they should (if not, the plain logistic of f is kept).
     */
    static double[] platt(double[] f, boolean[] included) {
        int positives = 0;
        for (boolean b : included) {
            positives += b ? 1 : 0;
        }
        int negatives = included.length - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] t = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            t[i] = included[i] ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double value = plattObjective(f, t, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < f.length; i++) {
                double fApB = f[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            boolean improved = false;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newValue = plattObjective(f, t, newA, newB);
                if (newValue < value + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    value = newValue;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return a < 0 ? new double[] {a, b} : new double[] {-1, 0};
    }

    private static double plattObjective(double[] f, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            sum += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB))
                    : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
        }
        return sum;
    }
}
