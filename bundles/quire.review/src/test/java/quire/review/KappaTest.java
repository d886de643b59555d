package quire.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.review.Agreement;
import quire.api.review.Decision;
import quire.api.review.Verdict;

/** Cohen's kappa against values computed by hand from textbook tables. */
class KappaTest {

    @Test
    void theTextbookTable() {
        // 50 records: both include 20, A only 5, B only 10, both exclude 15.
        // po = 35/50 = 0.7; A includes 0.5, B 0.6; pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
        Agreement a = Kappa.agreement("s", "A", "B", new int[][] {{20, 5}, {10, 15}});
        assertEquals(50, a.records());
        assertEquals(35, a.agreed());
        assertEquals(0.7, a.percent(), 1e-12);
        assertEquals(0.4, a.kappa(), 1e-12);
    }

    @Test
    void aSecondTableAndPerfectAndChanceAgreement() {
        // 100 records 45/15/25/15: po = 0.6; A 0.6, B 0.7; pe = 0.42 + 0.12 = 0.54; kappa = 0.06/0.46
        assertEquals(0.06 / 0.46, Kappa.agreement("s", "A", "B", new int[][] {{45, 15}, {25, 15}}).kappa(), 1e-12);
        assertEquals(1.0, Kappa.agreement("s", "A", "B", new int[][] {{7, 0}, {0, 3}}).kappa(), 1e-12);
        // agreement no better than chance: A includes half, B includes half, independently
        assertEquals(0.0, Kappa.agreement("s", "A", "B", new int[][] {{5, 5}, {5, 5}}).kappa(), 1e-12);
        // both include everything: kappa is undefined
        assertTrue(Double.isNaN(Kappa.agreement("s", "A", "B", new int[][] {{9, 0}, {0, 0}}).kappa()));
    }

    @Test
    void theTallyBuildsTheTableFromTheLogWithMaybeAsInclude() {
        List<Decision> log = new ArrayList<>();
        int n = 0;
        // the textbook table again, with some includes given as maybe and one vote changed on the way
        n = add(log, n, 20, Verdict.MAYBE, Verdict.INCLUDE);
        n = add(log, n, 5, Verdict.INCLUDE, Verdict.EXCLUDE);
        n = add(log, n, 10, Verdict.EXCLUDE, Verdict.MAYBE);
        n = add(log, n, 15, Verdict.EXCLUDE, Verdict.EXCLUDE);
        log.add(decision("x0", "rec0", "A", Verdict.EXCLUDE, 100_000)); // A first said exclude on rec0 ...
        log.add(decision("x1", "rec0", "A", Verdict.MAYBE, 100_001));   // ... and changed it back
        Agreement a = Tally.of(log).agreement("s").get(0);
        assertEquals(50, a.records());
        assertEquals(0.4, a.kappa(), 1e-12);
    }

    private static int add(List<Decision> log, int n, int count, Verdict a, Verdict b) {
        for (int i = 0; i < count; i++, n++) {
            log.add(decision("a" + n, "rec" + n, "A", a, n));
            log.add(decision("b" + n, "rec" + n, "B", b, n));
        }
        return n;
    }

    private static Decision decision(String id, String ref, String reviewer, Verdict verdict, long second) {
        return new Decision(id, ref, "s", reviewer, verdict,
                verdict == Verdict.EXCLUDE ? Optional.of("c") : Optional.empty(), Optional.empty(),
                Instant.ofEpochSecond(second), false);
    }
}
