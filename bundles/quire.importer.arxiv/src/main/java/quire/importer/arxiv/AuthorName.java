package quire.importer.arxiv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * An author's name as the arXiv API prints it, "Given Family" in one {@code <name>}, split into family and given
 * names. Submitters type these names themselves, so the rules are plain: the last word is the family name, with
 * the lower-case particles before it ("van der Berg") and generational suffixes after it ("Jr."); a comma means
 * "Family, Given"; a collaboration or consortium is kept whole as an institution.
 */
final class AuthorName {

    private static final Pattern SUFFIX = Pattern.compile("(?:Jr|Sr)\\.?|II|III|IV");
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di",
            "da", "du", "la", "le", "dos", "das", "do", "ten", "ter", "bin", "ibn", "al", "el", "zu", "y");
    // Big-science papers list "ATLAS Collaboration" or "The LIGO Scientific Collaboration" as an author.
    private static final Pattern INSTITUTION = Pattern.compile(
            "\\b(?:collaborations?|consortium|team|group|project|initiative|organi[sz]ation|institute|university"
                    + "|laboratory|committee|society|association|network)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> ET_AL = Set.of("et al", "et al.", "others", "and others");

    private AuthorName() {
    }

    /** Whether the name stands for authors left out ("et al."). */
    static boolean isEtAl(String name) {
        return ET_AL.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The person the name stands for; the name must not be blank. */
    static Person toPerson(String name) {
        String text = name.strip().replaceAll("\\s+", " ");
        if (INSTITUTION.matcher(text).find()) {
            return Person.institution(text);
        }
        int comma = text.indexOf(',');
        if (comma > 0) {
            String rest = text.substring(comma + 1).strip();
            // "Jane Doe, Jr." is a suffix after the name, not "Family, Given"
            if (SUFFIX.matcher(rest).matches()) {
                return toPerson(text.substring(0, comma) + " " + rest);
            }
            return Person.of(text.substring(0, comma), rest);
        }
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        int end = words.size();
        while (end > 1 && SUFFIX.matcher(words.get(end - 1)).matches()) {
            end--;
        }
        int familyStart = end - 1;
        // at least one given name stays given: "de la Cruz" alone is all family
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1))) {
            familyStart--;
        }
        if (familyStart == 1 && PARTICLES.contains(words.get(0))) {
            familyStart = 0;
        }
        return Person.of(String.join(" ", words.subList(familyStart, words.size())),
                String.join(" ", words.subList(0, familyStart)));
    }
}
