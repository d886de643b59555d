package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The expected figures were computed with asreview-insights' own functions ({@code _wss}, {@code _recall},
 * {@code _average_time_to_discovery}, {@code _loss_value}) under numpy 2.4 on the same label sequences.
 */
class ScreeningMetricsTest {

    private static int[] labels(String bits) {
        return bits.chars().map(c -> c - '0').toArray();
    }

    @Test
    void smallDatasetOfInsightsDocumentation() {
        ScreeningMetrics m = ScreeningMetrics.of(labels("11010"));
        assertEquals(0.2, m.wss95(), 1e-15);
        assertEquals(0.0, m.rrf10(), 1e-15); // 10% of 5 records is less than one record
        assertEquals(2.3333333333333335, m.atd(), 1e-15);
        assertEquals(0.16666666666666666, m.loss(), 1e-15);
    }

    @Test
    void sparseIncludes() {
        ScreeningMetrics m = ScreeningMetrics.of(labels("100000000001000000001000"));
        assertEquals(0.041666666666666664, m.wss95(), 1e-15);
        assertEquals(0.3333333333333333, m.rrf10(), 1e-15);
        assertEquals(11.333333333333334, m.atd(), 1e-15);
        assertEquals(0.4444444444444444, m.loss(), 1e-15);
    }

    @Test
    void worseThanRandomGivesNegativeWss() {
        ScreeningMetrics m = ScreeningMetrics.of(labels("0010110000100000000000000000000010000001"));
        assertEquals(-0.05, m.wss95(), 1e-15);
        assertEquals(0.16666666666666666, m.rrf10(), 1e-15);
        assertEquals(16.333333333333332, m.atd(), 1e-15);
        assertEquals(0.37745098039215685, m.loss(), 1e-15);
    }

    @Test
    void fourHundredRecords() {
        String bits = "110101101111101100010101111010010111011011001000010110111000000000000000000000000000000000000000000"
                + "000000010000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000000000000000001000000000000000000000000010010000000000000000000000000000000000000000"
                + "000000000000000000000010010000000000000000000000000000000000000000000000000000101000000000000000000"
                + "0000";
        ScreeningMetrics m = ScreeningMetrics.of(labels(bits));
        assertEquals(400, bits.length());
        assertEquals(0.12, m.wss95(), 1e-15);
        assertEquals(0.5813953488372093, m.rrf10(), 1e-15);
        assertEquals(77.16279069767442, m.atd(), 1e-12);
        assertEquals(0.15451762100188912, m.loss(), 1e-15);
    }

    @Test
    void perfectOrderHasZeroLoss() {
        assertEquals(0.0, ScreeningMetrics.of(labels("1110000000")).loss(), 1e-15);
        assertEquals(1.0, ScreeningMetrics.of(labels("0000000111")).loss(), 1e-15);
    }

    @Test
    void needsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> ScreeningMetrics.of(labels("0000")));
        assertThrows(IllegalArgumentException.class, () -> ScreeningMetrics.of(labels("11")));
    }
}
