package quire.export.bibtex;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quire.api.model.Person;
import quire.api.model.Reference;

/**
 * Citation keys for one export: the family name of the first author, the year and the first significant word of
 * the title, all folded to lower-case ASCII ({@code simhi2026old}, {@code muller2019uber}).
 *
 * <ul>
 * <li>Without authors, the first two significant title words and the year ({@code oldhabits2026}); without
 *     anything, {@code ref} and the year. Without a year, the year is left out.</li>
 * <li>An institution is abbreviated to the initials of its significant words ("World Health Organization":
 *     {@code who}); a single-word institution is kept whole.</li>
 * <li>A reference whose {@code citationKey} field is set keeps that key (pinned), reduced to the characters that
 *     are safe in a key; a later reference pinning the same key is treated as a collision.</li>
 * <li>Keys are unique within the export, compared without regard to case as BibTeX does. When several references
 *     would get the same key, <em>every</em> one of them gets a suffix {@code a}, {@code b}, ... in input order
 *     ({@code barez2023understandinga}, {@code barez2023understandingb}), so no bare key silently names just one
 *     of them; a key that would clash with a pinned key is suffixed too. After {@code z} come {@code aa},
 *     {@code ab}, ...</li>
 * </ul>
 * The same references in the same order always get the same keys.
 */
final class CitationKeys {

    /** The name of the field that pins a reference's key. */
    static final String PINNED_FIELD = "citationKey";

    /** Words that say little about a title; the first word not among them goes into the key. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and", "with",
            "how", "what", "why", "is", "are", "do", "does", "at", "by", "from", "as", "or", "via", "into", "can",
            "towards", "toward", "when", "where", "which", "who", "we", "our", "be", "it", "its", "this", "that");

    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private CitationKeys() {
    }

    /** One key per reference, in the same order. */
    static List<String> assign(List<Reference> references) {
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
                bases[i] = generated(references.get(i));
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

    /** The key a reference would get on its own, before any suffix. */
    static String generated(Reference reference) {
        String year = reference.year().map(y -> Integer.toString(Math.abs(y))).orElse("");
        List<String> titleWords = significantWords(reference.title());
        String author = reference.authors().isEmpty() ? "" : authorPart(reference.authors().getFirst());
        if (!author.isEmpty()) {
            return author + year + (titleWords.isEmpty() ? "" : titleWords.getFirst());
        }
        String title = String.join("", titleWords.subList(0, Math.min(2, titleWords.size())));
        return (title.isEmpty() ? "ref" : title) + year;
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

    private static String authorPart(Person person) {
        List<String> words = new ArrayList<>();
        for (String word : ascii(person.family().isEmpty() ? person.given() : person.family()).split("[\\s,]+")) {
            String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (!letters.isEmpty()) {
                words.add(letters);
            }
        }
        if (person.institution()) {
            List<String> significant = words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
            if (significant.size() > 1) {
                StringBuilder initials = new StringBuilder();
                significant.forEach(w -> initials.append(w.charAt(0)));
                return initials.toString();
            }
            return String.join("", words);
        }
        while (words.size() > 1 && NAME_SUFFIXES.contains(words.getLast())) {
            words.removeLast();
        }
        return String.join("", words);
    }

    /** The title's words folded to lower-case ASCII letters and digits, stop words and bare numbers left out. */
    private static List<String> significantWords(String title) {
        List<String> words = new ArrayList<>();
        for (String word : ascii(title).toLowerCase(Locale.ROOT).split("\\s+")) {
            String kept = word.replaceAll("[^a-z0-9]", "");
            if (kept.chars().anyMatch(Character::isLetter) && !STOP_WORDS.contains(kept)) {
                words.add(kept);
            }
        }
        return words;
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
