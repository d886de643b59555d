package quire.priority;

import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

/**
 * Multinomial naive Bayes on TF-IDF features, ASReview's classic baseline (v1's default): scikit-learn's
 * {@code MultinomialNB} with {@code alpha = 3.822} and class priors from the data, trained on v1's double-balanced
 * sample. Relevance is the model's probability of inclusion.
 */
@Component(service = RelevanceModel.class, property = RelevanceModel.ID + "=" + NaiveBayesModel.ID)
public final class NaiveBayesModel implements RelevanceModel {

    static final String ID = "nb";
    private static final double ALPHA = 3.822;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Naive Bayes (TF-IDF, double balance)";
    }

    @Override
    public Scores train(FeatureMatrix features, int[] rows, boolean[] included, long seed) {
        double[] weights = Balance.doubleBalance(included, new SplittableRandom(seed));
        int columns = features.columns();
        double[] count0 = new double[columns];
        double[] count1 = new double[columns];
        double class0 = 0;
        double class1 = 0;
        for (int i = 0; i < rows.length; i++) {
            double w = weights[i];
            if (w == 0) {
                continue;
            }
            double[] count = included[i] ? count1 : count0;
            if (included[i]) {
                class1 += w;
            } else {
                class0 += w;
            }
            int row = rows[i];
            for (int k = features.start(row); k < features.end(row); k++) {
                count[features.column(k)] += w * features.value(k);
            }
        }
        double total0 = 0;
        double total1 = 0;
        for (int j = 0; j < columns; j++) {
            total0 += count0[j];
            total1 += count1[j];
        }
        double norm0 = Math.log(total0 + ALPHA * columns);
        double norm1 = Math.log(total1 + ALPHA * columns);
        // log P(term | include) - log P(term | exclude): the only thing a row's score needs
        double[] difference = new double[columns];
        for (int j = 0; j < columns; j++) {
            difference[j] = (Math.log(count1[j] + ALPHA) - norm1) - (Math.log(count0[j] + ALPHA) - norm0);
        }
        double prior = Math.log(class1) - Math.log(class0);
        return row -> sigmoid(prior + features.dot(row, difference));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
