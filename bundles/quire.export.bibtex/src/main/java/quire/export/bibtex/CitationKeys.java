package quire.export.bibtex;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.model.Reference;

/**
 * Citation keys for one export: each reference's pinned key (its {@code citationKey} field) or, without one, the
 * key its {@link KeyPattern} gives ({@code simhi2026old}), made unique within the file.
 *
 * <ul>
 * <li>A reference whose {@code citationKey} field is set keeps that key (pinned), reduced to the characters that
 *     are safe in a key; a later reference pinning the same key is treated as a collision.</li>
 * <li>Keys are unique within the export, compared without regard to case as BibTeX does. When several references
 *     would get the same key, <em>every</em> one of them gets a suffix {@code a}, {@code b}, ... in input order
 *     ({@code barez2023understandinga}, {@code barez2023understandingb}), so no bare key silently names just one
 *     of them; a key that would clash with a pinned key is suffixed too. After {@code z} come {@code aa},
 *     {@code ab}, ...</li>
 * </ul>
 * The same references in the same order always get the same keys. Keys given here are not stored: the export
 * service pins every reference's key in the library before exporting, which is what keeps keys stable when
 * references are edited or added; this class only covers references exported without going through it.
 */
final class CitationKeys {

    /** The name of the field that pins a reference's key. */
    static final String PINNED_FIELD = quire.api.export.CitationKeyGenerator.FIELD;

    private CitationKeys() {
    }

    /** One key per reference, in the same order, new keys from the default pattern. */
    static List<String> assign(List<Reference> references) {
        return assign(references, KeyPattern.DEFAULT);
    }

    /** One key per reference, in the same order, new keys from the pattern. */
    static List<String> assign(List<Reference> references, KeyPattern pattern) {
        int n = references.size();
        String[] keys = new String[n];
        String[] bases = new String[n];
        Set<String> taken = new HashSet<>();
        // 1. pinned keys, the first reference pinning a key getting it
        for (int i = 0; i < n; i++) {
            Optional<String> pinned = pinned(references.get(i));
            if (pinned.isPresent()) {
                bases[i] = pinned.get();
                if (taken.add(fold(pinned.get()))) {
                    keys[i] = pinned.get();
                }
            } else {
                bases[i] = pattern.keyFor(references.get(i));
            }
        }
        // 2. generated keys that nothing else would take stay bare
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) {
                counts.merge(fold(bases[i]), 1, Integer::sum);
            }
        }
        for (int i = 0; i < n; i++) {
            String folded = fold(bases[i]);
            if (keys[i] == null && counts.get(folded) == 1 && taken.add(folded)) {
                keys[i] = bases[i];
            }
        }
        // 3. the rest get the first free suffix, in input order
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) {
                for (int s = 0; keys[i] == null; s++) {
                    String candidate = bases[i] + suffix(s);
                    if (taken.add(fold(candidate))) {
                        keys[i] = candidate;
                    }
                }
            }
        }
        return List.of(keys);
    }

    /** The key a reference would get on its own from the default pattern, before any suffix. */
    static String generated(Reference reference) {
        return KeyPattern.DEFAULT.keyFor(reference);
    }

    /** The suffix for the n-th colliding key, from 0: a, b, ..., z, aa, ab, ... */
    static String suffix(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = n + 1; i > 0; i = (i - 1) / 26) {
            out.insert(0, (char) ('a' + (i - 1) % 26));
        }
        return out.toString();
    }

    /** The pinned key, kept to letters, digits and {@code - _ : . + /}; empty if unset or nothing is left. */
    static Optional<String> pinned(Reference reference) {
        return reference.field(PINNED_FIELD)
                .map(key -> ascii(key).replaceAll("[^A-Za-z0-9_:.+/-]", ""))
                .filter(key -> !key.isEmpty());
    }

    /** Case-folded, as BibTeX compares keys. */
    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** The text folded to ASCII: accents dropped, special letters spelled out ({@code ß}: ss), the rest removed. */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                SpecialLetters.of(cp).ifPresent(letter -> out.append(letter.ascii()));
            }
        });
        return out.toString();
    }
}
