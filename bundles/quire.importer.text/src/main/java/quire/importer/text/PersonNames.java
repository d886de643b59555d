package quire.importer.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Reads one author's name as reference databases write it: {@code Family, Given} (RIS's own form, with an optional
 * suffix: {@code Smith, John, Jr.}), {@code Family Initials} (Scopus and Embase: {@code Adler D.G.}),
 * {@code Given Family}, or a corporate author ({@code World Health Organization}), which is kept whole.
 */
public final class PersonNames {

    // initials with dots ("D.G.", "J.-P.") or up to three capitals without ("BS"): a family name is not initials
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.-?)+|\\p{Lu}{1,3}");
    private static final Pattern ET_AL = Pattern.compile("(?i)et\\.?\\s*al\\.?|and others|others|\\.\\.\\.|…");
    private static final Pattern SUFFIX = Pattern.compile("(?i)jr\\.?|sr\\.?|ii|iii|iv|v|2nd|3rd");
    // words that occur in the names of organisations, not of people
    private static final Pattern INSTITUTION = Pattern.compile("(?iu)\\b(?:organi[sz]ation|group|consortium|"
            + "committee|association|society|council|agency|collaborat\\p{L}*|network|cent(?:er|re)|department|"
            + "ministry|foundation|institut\\p{L}*|universit\\p{L}*|hospital|office|commission|investigators|"
            + "trialists|federation|alliance|programme|initiative|task force|working party|inc|ltd|gmbh|"
            + "corporation|authority|bureau|services)\\b");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "di", "da",
            "du", "dos", "das", "le", "la", "ter", "ten", "bin", "al", "el", "op", "zu", "y", "st.", "mc");
    private static final int LONGEST_PERSONAL_NAME = 5;

    private PersonNames() {
    }

    /** Whether {@code text} stands for authors left out ("et al.", "and others"). */
    public static boolean isEtAl(String text) {
        return ET_AL.matcher(text.strip()).matches();
    }

    /** The person named by {@code text}; empty for blank text. */
    public static Optional<Person> parse(String text) {
        String name = text.strip().replaceAll("\\s+", " ").replaceAll("[,;]+$", "").strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String family = name.substring(0, comma).strip();
            // "Ministry of Health, Brazil" is an organisation; "Service, Robert F." is a person
            if (family.contains(" ") && INSTITUTION.matcher(family).find()) {
                return Optional.of(Person.institution(name));
            }
            return Optional.of(familyFirst(name));
        }
        List<String> words = Arrays.asList(name.split(" "));
        if (words.size() == 1) {
            return Optional.of(Person.of(name, ""));
        }
        int firstInitial = words.size();
        while (firstInitial > 1 && INITIALS.matcher(words.get(firstInitial - 1)).matches()) {
            firstInitial--;
        }
        String leading = String.join(" ", words.subList(0, firstInitial));
        if (firstInitial < words.size() && !INITIALS.matcher(words.get(0)).matches()
                && !INSTITUTION.matcher(leading).find()) {
            // "Adler D.G.", "van de Straete H. J."
            return Optional.of(Person.of(leading, String.join(" ", words.subList(firstInitial, words.size()))));
        }
        if (words.size() > LONGEST_PERSONAL_NAME || INSTITUTION.matcher(name).find()) {
            return Optional.of(Person.institution(name));
        }
        // "Warren Harrison", "Jose da Silva": the family name is the last word and the particles before it
        int family = words.size() - 1;
        while (family > 1 && PARTICLES.contains(words.get(family - 1).toLowerCase(java.util.Locale.ROOT))) {
            family--;
        }
        return Optional.of(Person.of(String.join(" ", words.subList(family, words.size())),
                String.join(" ", words.subList(0, family))));
    }

    /** "Family, Given" with an optional suffix after a second comma, or "Family, Suffix, Given". */
    private static Person familyFirst(String name) {
        String[] parts = name.split(",", -1);
        String family = parts[0].strip();
        String given = parts.length > 1 ? parts[1].strip() : "";
        String suffix = "";
        if (parts.length > 2) {
            String rest = String.join(",", Arrays.copyOfRange(parts, 2, parts.length)).strip();
            if (SUFFIX.matcher(given).matches()) {
                suffix = given;
                given = rest;
            } else {
                suffix = rest;
            }
        }
        if (!suffix.isEmpty()) {
            family = family + " " + suffix;
        }
        if (family.isEmpty()) {
            return Person.of(given, "");
        }
        return Person.of(family, given);
    }
}
