package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.dedup.DuplicateGroup;
import quire.api.work.Progress;

/**
 * Acceptance 1: on the labelled set made from real records (see {@link LabelledSet}), the automatic merges reach
 * sensitivity 0.97 and specificity 0.995, and never join two different DOIs.
 */
class LabelledSetTest {

    private static LabelledSet set;
    private static DuplicateFinder.Result result;
    private static LabelledSet.Figures figures;

    @BeforeAll
    static void deduplicate() throws Exception {
        set = LabelledSet.build();
        result = new DuplicateFinder().find(set.references(), Progress.NONE);
        figures = set.score(result.automatic().stream().map(DuplicateGroup::referenceIds).toList());
        System.out.println("labelled set, automatic merges: " + figures);
    }

    @Test
    void theSetIsBigAndHard() {
        assertTrue(set.references().size() > 15_000, "records: " + set.references().size());
        assertTrue(figures.duplicates() > 7_000, "duplicates: " + figures.duplicates());
        for (String kind : List.of("erratum", "part 2", "same title, other paper", "conference version")) {
            assertTrue(set.hardNegatives().getOrDefault(kind, List.of()).size() > 100, kind);
        }
    }

    @Test
    void sensitivityIsAtLeast097() {
        assertTrue(figures.sensitivity() >= 0.97, figures.toString());
    }

    @Test
    void specificityIsAtLeast0995() {
        assertTrue(figures.specificity() >= 0.995, figures.toString());
    }

    @Test
    void noAutomaticMergeJoinsDifferentDois() {
        assertEquals(0, figures.mergesAcrossDois(), figures.toString());
        for (String kind : List.of("erratum", "part 2")) {
            Set<String> merged = new HashSet<>();
            result.automatic().forEach(g -> merged.addAll(g.referenceIds()));
            long wrong = set.hardNegatives().get(kind).stream().filter(merged::contains).count();
            assertEquals(0, wrong, kind + " merged automatically");
        }
    }

    @Test
    void everyGroupSaysWhy() {
        for (DuplicateGroup g : result.groups()) {
            assertTrue(!g.reasons().isEmpty() && g.confidence() >= 0.5, g.toString());
            assertTrue(!g.automatic() || g.confidence() >= 0.949, g.toString());
        }
        assertTrue(result.review().size() > 0, "the middle band goes to the review queue");
    }
}
