package quire.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quire.api.model.Reference;

class KeyAssignmentTest {

    private static List<Reference> refs(String... bases) {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < bases.length; i++) {
            refs.add(Reference.builder().id("id" + i).title(bases[i]).build());
        }
        return refs;
    }

    private static List<String> assign(List<String> taken, String... bases) {
        return List.copyOf(KeyAssignment.assign(refs(bases), taken, Reference::title).values());
    }

    @Test
    void keepsAUniqueBaseBare() {
        assertEquals(List.of("simhi2026old", "barez2023understanding"),
                assign(List.of(), "simhi2026old", "barez2023understanding"));
    }

    @Test
    void suffixesEveryReferenceSharingABaseInOrder() {
        assertEquals(List.of("lee2024surveya", "smith2020x", "lee2024surveyb"),
                assign(List.of(), "lee2024survey", "smith2020x", "lee2024survey"));
    }

    @Test
    void neverTakesAKeyTheLibraryHasComparingWithoutCaseOrAccents() {
        assertEquals(List.of("smitha"), assign(List.of("SMITH"), "smith"));
        assertEquals(List.of("mullerb"), assign(List.of("Müller", "MÜLLERA"), "muller"));
    }

    @Test
    void continuesTheSuffixesOfABaseThatWasSuffixedBefore() {
        assertEquals(List.of("alphac"), assign(List.of("alphaa", "alphab"), "alpha"));
    }

    @Test
    void continuesPastZ() {
        assertEquals("a", KeyAssignment.suffix(0));
        assertEquals("z", KeyAssignment.suffix(25));
        assertEquals("aa", KeyAssignment.suffix(26));
        String[] many = new String[60];
        java.util.Arrays.fill(many, "lee2024");
        List<String> keys = assign(List.of(), many);
        assertEquals(60, new HashSet<>(keys).size());
        assertEquals("lee2024z", keys.get(25));
        assertEquals("lee2024aa", keys.get(26));
    }

    @Test
    void keepsTheOrderGiven() {
        Map<String, String> keys = KeyAssignment.assign(refs("b", "a", "b"), List.of(), Reference::title);
        assertEquals(List.of("id0", "id1", "id2"), List.copyOf(keys.keySet()));
        assertEquals(List.of("ba", "a", "bb"), List.copyOf(keys.values()));
    }
}
