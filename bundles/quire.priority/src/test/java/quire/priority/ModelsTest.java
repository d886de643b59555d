package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

class ModelsTest {

    private static RelevanceModel model(String id) {
        return id.equals("svm") ? new LinearSvmModel() : new NaiveBayesModel();
    }

    /** 60 records about exercise and depression (includes) among 240 about other things. */
    private static FeatureMatrix corpus(boolean[] included) {
        SplittableRandom random = new SplittableRandom(3);
        String[] topic = {"exercise", "depression", "aerobic", "mood", "randomised", "walking"};
        String[] other = {"surgery", "knee", "cartilage", "implant", "graft", "imaging", "cat", "insulin", "hormone",
            "estrogen", "crisis", "plan", "borderline", "bleeding"};
        TfidfVocabulary v = TfidfVocabulary.asreviewDefaults();
        for (int i = 0; i < included.length; i++) {
            included[i] = i % 4 == 0;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                boolean onTopic = included[i] && random.nextDouble() < 0.4;
                text.append(onTopic ? topic[random.nextInt(topic.length)] : other[random.nextInt(other.length)])
                        .append(' ');
            }
            v.add(text.toString());
        }
        return v.matrix();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "svm"})
    void ranksTheUnlabelledIncludesFirst(String id) {
        boolean[] included = new boolean[240];
        FeatureMatrix x = corpus(included);
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7}; // two includes, six excludes
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = included[rows[i]];
        }
        RelevanceModel.Scores scores = model(id).train(x, rows, labels, 1);
        // every unlabelled include scores above every unlabelled exclude
        double lowestInclude = 1;
        double highestExclude = 0;
        for (int r = 8; r < included.length; r++) {
            double s = scores.relevance(r);
            assertTrue(s >= 0 && s <= 1, "relevance is 0..1, got " + s);
            if (included[r]) {
                lowestInclude = Math.min(lowestInclude, s);
            } else {
                highestExclude = Math.max(highestExclude, s);
            }
        }
        assertTrue(lowestInclude > highestExclude, id + ": includes " + lowestInclude + " vs excludes "
                + highestExclude);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "svm"})
    void sameSeedSameScores(String id) {
        boolean[] included = new boolean[240];
        FeatureMatrix x = corpus(included);
        int[] rows = new int[40];
        boolean[] labels = new boolean[40];
        for (int i = 0; i < 40; i++) {
            rows[i] = i * 3;
            labels[i] = included[i * 3];
        }
        RelevanceModel.Scores a = model(id).train(x, rows, labels, 42);
        RelevanceModel.Scores b = model(id).train(x, rows, labels, 42);
        for (int r = 0; r < x.rows(); r++) {
            assertEquals(a.relevance(r), b.relevance(r), 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "svm"})
    void needsAnIncludeAndAnExclude(String id) {
        boolean[] included = new boolean[240];
        FeatureMatrix x = corpus(included);
        assertThrows(IllegalArgumentException.class,
                () -> model(id).train(x, new int[] {1, 2}, new boolean[] {false, false}, 1));
    }

    @Test
    void naiveBayesIsMultinomialNbWithAlpha3822() {
        // two records, two columns; the double balance keeps one copy of each when there is one of each
        FeatureMatrix x = new FeatureMatrix(2, new int[] {0, 1, 2, 4}, new int[] {0, 1, 0, 1},
                new float[] {1f, 1f, 0.6f, 0.8f});
        RelevanceModel.Scores scores = new NaiveBayesModel().train(x, new int[] {0, 1}, new boolean[] {true, false},
                7);
        double a = 3.822;
        // P(col | include) = (count + a) / (1 + 2a); P(col | exclude) likewise; equal priors
        double in0 = Math.log((1 + a) / (1 + 2 * a));
        double in1 = Math.log((0 + a) / (1 + 2 * a));
        double ex0 = Math.log((0 + a) / (1 + 2 * a));
        double ex1 = Math.log((1 + a) / (1 + 2 * a));
        double logOdds = 0.6 * (in0 - ex0) + 0.8 * (in1 - ex1);
        assertEquals(1 / (1 + Math.exp(-logOdds)), scores.relevance(2), 1e-6);
        assertTrue(scores.relevance(2) < 0.5, "more weight on the exclude's column");
    }

    @Test
    void plattScalingMapsLargerDecisionValuesToHigherProbabilities() {
        double[] f = {-1.2, -1.0, -0.9, -0.8, -0.3, 0.4, 0.9, 1.1};
        boolean[] y = {false, false, false, false, false, true, true, true};
        double[] ab = LinearSvmModel.platt(f, y);
        assertTrue(ab[0] < 0, "A " + ab[0]);
        double low = 1 / (1 + Math.exp(ab[0] * -1.0 + ab[1]));
        double high = 1 / (1 + Math.exp(ab[0] * 1.0 + ab[1]));
        assertTrue(low < 0.2 && high > 0.8, low + " " + high);
    }

    @Test
    void balancedWeightsGiveIncludesRatioTimesTheExcludes() {
        double[] w = Balance.balanced(new boolean[] {true, false, false, false, false}, 9.8);
        assertEquals(5.0, java.util.Arrays.stream(w).sum(), 1e-12);
        assertEquals(9.8, w[0] / (w[1] + w[2] + w[3] + w[4]), 1e-12);
    }

    @Test
    void doubleBalanceKeepsTheTrainingSizeAndFavoursIncludes() {
        boolean[] labels = new boolean[100];
        labels[3] = true;
        labels[50] = true;
        double[] counts = Balance.doubleBalance(labels, new SplittableRandom(1));
        assertEquals(100.0, java.util.Arrays.stream(counts).sum(), 1e-12);
        // a * (2/98)^-0.94 weighs an include about 83 times an exclude: the two includes take most of the sample
        assertTrue(counts[3] + counts[50] > 50, "includes drawn " + (counts[3] + counts[50]));
        assertTrue(List.of(counts[3], counts[50]).stream().allMatch(c -> c >= 1));
    }
}
