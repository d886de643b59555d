package quire.importer.clipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * A line of authors as pages print them: {@code Authors: Adi Simhi, Fazl Barez, Martin Tutek et al.},
 * {@code By Dan Hendrycks and Thomas Woodside}, or the bare list. The last word of a name is its family name, with
 * the lower-case particles before it ("van der").
 *
 * @param authors   the people, in order
 * @param truncated whether the list ends with "et al." or "and others"
 */
record AuthorList(List<Person> authors, boolean truncated) {

    private static final Pattern LABEL = Pattern.compile("^(?:authors?\\s*:|by\\s+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ET_AL = Pattern.compile("(?:,?\\s+(?:et\\s+al\\.?|and\\s+others))\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:and\\s+)?|;\\s*|\\s+and\\s+|\\s+&\\s+)",
            Pattern.CASE_INSENSITIVE);
    // Capitalised words, initials, hyphens and apostrophes; at most five words: a name, not a sentence.
    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|van|von|der|den|de|del|della|di|da|du|le|la|bin|al)){0,4}");
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "le", "la", "bin", "al");

    /**
     * The authors on the line. A line with a label ("Authors:", "By") or "et al." needs one name; a bare line
     * needs two names of two words or more, since a capitalised phrase is as likely a title.
     */
    static Optional<AuthorList> parse(String line) {
        String l = line.strip();
        boolean labelled = LABEL.matcher(l).find();
        l = LABEL.matcher(l).replaceFirst("");
        boolean truncated = ET_AL.matcher(l).find();
        l = ET_AL.matcher(l).replaceFirst("").strip();
        if (l.isEmpty() || l.endsWith(".") && !l.matches(".*\\b\\p{Lu}\\.$")) {
            return Optional.empty();
        }
        List<Person> people = new ArrayList<>();
        for (String part : SEPARATOR.split(l)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            people.add(person(name));
        }
        if (labelled || truncated) {
            return people.isEmpty() ? Optional.empty() : Optional.of(new AuthorList(people, truncated));
        }
        // a bare list of one-word "names" ("Agents, Tools, Memory") is a title
        boolean fullNames = people.stream().allMatch(p -> !p.given().isEmpty());
        return people.size() >= 2 && fullNames ? Optional.of(new AuthorList(people, false)) : Optional.empty();
    }

    private static Person person(String name) {
        String[] words = name.split("\\s+");
        int family = words.length - 1;
        while (family > 0 && PARTICLES.contains(words[family - 1].toLowerCase(Locale.ROOT))
                && Character.isLowerCase(words[family - 1].charAt(0))) {
            family--;
        }
        return Person.of(String.join(" ", List.of(words).subList(family, words.length)),
                String.join(" ", List.of(words).subList(0, family)));
    }
}
