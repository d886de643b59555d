package quire.importer.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Whether a piece of text looks like a person's name as listings print them ("Philip H. S. Torr",
 * "Tan Zhi-Xuan", "Denny O'Shea", "Monte MacDiarmid", "Ludwig van Beethoven"), and how it splits into family
 * and given names. Listings give no markup, so this is a judgement about word shapes; it errs towards saying no,
 * because a "no" is what marks where a title ends.
 */
final class PersonName {

    private static final String LOWER = "[\\p{Ll}\\p{M}]";

    // A capitalised word. Inner capitals are allowed only after the prefixes that names really have
    // (MacDiarmid, McKenzie, DeAndre, LeBron) or after an apostrophe (O'Shea, Dell'Orletta): a general
    // "camelCase" rule would accept a title word glued to a first name ("DeepMindJohn").
    private static final String PART = "(?:(?:Mc|Mac|Fitz|De|Di|Du|La|Le)?\\p{Lu}" + LOWER + "+"
            + "|\\p{Lu}" + LOWER + "*['’]\\p{Lu}" + LOWER + "+)";

    /** A capitalised, possibly hyphenated word: Barez, Zhi-Xuan, Gur-Arieh, Jean-luc. */
    private static final Pattern WORD = Pattern.compile(PART + "(?:-(?:" + PART + "|" + LOWER + "+))*");

    /** Initials: H., H.S., J.-P., or a bare capital as in "Tony T Wang". */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+(?:-\\p{Lu}\\.)?|\\p{Lu}");

    /** Generational suffixes, which belong with the family name. */
    private static final Pattern SUFFIX = Pattern.compile("(?:Jr|Sr)\\.?|II|III|IV");

    /** Lower-case particles that belong with the family name that follows them. */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di",
            "da", "du", "la", "le", "dos", "das", "do", "ten", "ter", "bin", "ibn", "al", "el", "zu", "y");

    /** More words than this (particles and suffixes aside) are a title, not a name. */
    private static final int MAX_WORDS = 4;

    private PersonName() {
    }

    /** Whether the text, on its own, reads as one person's name. */
    static boolean isPlausible(String text) {
        List<String> words = words(text);
        int end = withoutSuffixes(words);
        if (end == 0) {
            return false;
        }
        String first = words.get(0);
        String last = words.get(end - 1);
        if (!(WORD.matcher(first).matches() || INITIALS.matcher(first).matches())
                || !WORD.matcher(last).matches()) {
            return false;
        }
        int counted = 0;
        for (String word : words.subList(0, end)) {
            if (PARTICLES.contains(word)) {
                continue;
            }
            if (!WORD.matcher(word).matches() && !INITIALS.matcher(word).matches()) {
                return false;
            }
            counted++;
        }
        return counted <= MAX_WORDS;
    }

    /** Whether the text is only a suffix such as "Jr.", which a list may set off with a comma. */
    static boolean isSuffix(String text) {
        return SUFFIX.matcher(text.strip()).matches();
    }

    /**
     * The person the text names: the last word is the family name, together with the lower-case particles before
     * it and any suffix after it; the words before are the given names. One word makes a family name alone.
     */
    static Person toPerson(String text) {
        List<String> words = words(text);
        int end = withoutSuffixes(words);
        if (end == 0) {
            // Only suffixes: nothing better to do than keep what is written.
            return Person.of(String.join(" ", words), "");
        }
        int familyStart = end - 1;
        // Keep at least one given name: in "de la Cruz" alone there is no given name to keep, and the particles
        // stay with the family name.
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1))) {
            familyStart--;
        }
        if (familyStart == 1 && PARTICLES.contains(words.get(0))) {
            familyStart = 0;
        }
        String family = String.join(" ", words.subList(familyStart, words.size()));
        String given = String.join(" ", words.subList(0, familyStart));
        return Person.of(family, given);
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(stripped.split("\\h+")));
    }

    /** The number of words before the trailing suffixes. */
    private static int withoutSuffixes(List<String> words) {
        int end = words.size();
        while (end > 0 && SUFFIX.matcher(words.get(end - 1)).matches()) {
            end--;
        }
        return end;
    }
}
