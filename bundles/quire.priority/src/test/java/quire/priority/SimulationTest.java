package quire.priority;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.screening.FeatureMatrix;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

class SimulationTest {

    private static LabelledDataset data;
    private static FeatureMatrix features;

    @BeforeAll
    static void readDonners() throws Exception {
        data = LabelledDataset.read(SharedDatasets.named("Donners_2021"));
        TfidfVocabulary v = TfidfVocabulary.asreviewDefaults();
        data.texts().forEach(v::add);
        features = v.matrix();
    }

    private static Simulation simulation(int retrainEvery, double randomShare) {
        return new Simulation(features, data.included(), new LinearSvmModel(), new MaxQuery(randomShare),
                retrainEvery);
    }

    @Test
    void sameSeedSameOrderAndMetrics() {
        Simulation.Run a = simulation(1, 0.1).run(3, Progress.NONE);
        Simulation.Run b = simulation(1, 0.1).run(3, Progress.NONE);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.metrics(), b.metrics());
        Simulation.Run other = simulation(1, 0.1).run(4, Progress.NONE);
        assertFalse(Arrays.equals(a.labels(), other.labels()), "another seed draws other priors");
    }

    @Test
    void findsEveryIncludeAndPadsTheRestWithExcludes() {
        Simulation.Run run = simulation(1, 0).run(0, Progress.NONE);
        assertEquals(data.size() - 2, run.labels().length);
        assertEquals(data.includes() - 1, Arrays.stream(run.labels()).sum(), "all but the prior include");
        assertEquals(ScreeningMetrics.of(run.labels()), run.metrics());
        // the model does far better than screening at random on this review
        assertTrue(run.metrics().wss95() > 0.3, "WSS@95 " + run.metrics().wss95());
        assertTrue(run.trainings() > 10);
    }

    @Test
    void retrainingEveryFewRecordsTrainsLessOften() {
        Simulation.Run every = simulation(1, 0).run(0, Progress.NONE);
        Simulation.Run fifth = simulation(5, 0).run(0, Progress.NONE);
        assertTrue(fifth.trainings() * 4 < every.trainings(), fifth.trainings() + " vs " + every.trainings());
        assertEquals(1, Simulation.defaultRetrainEvery(1175));
        assertEquals(5, Simulation.defaultRetrainEvery(10_000));
    }

    @Test
    void stopsWhenCancelled() {
        AtomicLong screened = new AtomicLong();
        Progress cancelAfterTen = new Progress() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public void worked(long amount) {
                screened.addAndGet(amount);
            }

            @Override
            public boolean isCancelled() {
                return screened.get() >= 10;
            }
        };
        CancelledException e = assertThrows(CancelledException.class, () -> simulation(1, 0).run(0, cancelAfterTen));
        assertEquals(10, screened.get());
        assertTrue(e.getMessage().contains("after 10 records"), e.getMessage());
    }
}
