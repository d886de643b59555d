package quire.exporting;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import quire.api.model.Reference;

/**
 * New citation keys for references that have none, unique among the keys the library already holds.
 *
 * <p>Each reference gets its base key from the generator. A base that no key in the library has, that has not been
 * suffixed before (no key is the base with {@code a}) and that no other new reference shares is used as it is.
 * Otherwise every reference with that base gets a suffix {@code a}, {@code b}, ... in order
 * ({@code barez2023understandinga}, {@code barez2023understandingb}), skipping suffixed keys that are taken, then
 * {@code aa}, {@code ab}, ...; a key given earlier is never changed, so a later reference with the base of a bare
 * key gets a suffix instead, and one with the base of suffixed keys the next suffix. Keys are compared as BibTeX
 * compares them, without regard to case, and here also without accents, since an exporter may fold a key to ASCII.
 */
final class KeyAssignment {

    private KeyAssignment() {
    }

    /**
     * The new keys, by reference id, in the order of {@code needing}.
     *
     * @param needing the references to give a key, each with an id
     * @param taken   the keys the library already holds
     * @param base    the base key of a reference
     */
    static Map<String, String> assign(List<Reference> needing, Collection<String> taken,
            Function<Reference, String> base) {
        Set<String> used = new HashSet<>();
        taken.forEach(key -> used.add(fold(key)));
        List<String> bases = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Reference reference : needing) {
            String safe = safe(base.apply(reference));
            String key = safe.isEmpty() ? "ref" : safe;
            bases.add(key);
            counts.merge(fold(key), 1, Integer::sum);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < needing.size(); i++) {
            String key = bases.get(i);
            if (counts.get(fold(key)) == 1 && !used.contains(fold(key) + "a") && used.add(fold(key))) {
                keys.put(needing.get(i).id(), key);
            }
        }
        for (int i = 0; i < needing.size(); i++) {
            String id = needing.get(i).id();
            if (keys.containsKey(id)) {
                continue;
            }
            for (int n = 0; ; n++) {
                String candidate = bases.get(i) + suffix(n);
                if (used.add(fold(candidate))) {
                    keys.put(id, candidate);
                    break;
                }
            }
        }
        // back in the order given
        Map<String, String> ordered = new LinkedHashMap<>();
        needing.forEach(r -> ordered.put(r.id(), keys.get(r.id())));
        return ordered;
    }

    /** The suffix for the n-th colliding key, from 0: a, b, ..., z, aa, ab, ... */
    static String suffix(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = n + 1; i > 0; i = (i - 1) / 26) {
            out.insert(0, (char) ('a' + (i - 1) % 26));
        }
        return out.toString();
    }

    /** A key as compared: without accents, in lower case. */
    static String fold(String key) {
        return Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** What {@link #safe} gives for a key with nothing usable in it. */
    static final String NO_KEY = "";

    /**
     * The key kept to the characters safe in a key, accents dropped as the exporters drop them; {@link #NO_KEY}
     * when nothing is left.
     */
    static String safe(String key) {
        String plain = Normalizer.normalize(key == null ? "" : key, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9_:.+/-]", "");
    }
}
