package quire.importer.endnote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Reads an EndNote author. EndNote stores people as "Family, Given" ("Chapman, A. G.") and corporate authors with a
 * trailing comma ("World Health Organization,"), its documented way to keep a name whole. Names without a comma
 * come from other tools: one word is a family name, a name with an organisation word is an institution, anything
 * else is "Given Family".
 */
final class EndnoteName {

    private static final Pattern ET_AL = Pattern.compile("(?i)^(et\\.? ?al\\.?|and others|others)$");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di", "du", "del",
            "della", "des", "la", "le", "ter", "ten", "dos", "das", "y");
    private static final Set<String> ORGANISATION_WORDS = Set.of("organization", "organisation", "group",
            "consortium", "committee", "association", "society", "institute", "university", "council",
            "collaboration", "collaborative", "agency", "department", "ministry", "foundation", "centre", "center",
            "network", "team", "board", "commission", "office", "federation", "trust", "inc", "inc.", "ltd",
            "ltd.", "investigators", "panel", "services", "programme");

    private EndnoteName() {
    }

    /** Whether {@code text} stands for authors left out ("et al."). */
    static boolean isEtAl(String text) {
        return ET_AL.matcher(text.strip()).matches();
    }

    /** The person {@code text} names, or empty when it is blank. */
    static Optional<Person> parse(String text) {
        String name = text.strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.endsWith(",")) {
            String whole = name.substring(0, name.length() - 1).strip();
            return whole.isEmpty() ? Optional.empty() : Optional.of(Person.institution(whole));
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            List<String> parts = new ArrayList<>(Arrays.stream(name.split(",")).map(String::strip).toList());
            String family = parts.removeFirst();
            // "Smith, John, Jr.": the suffix belongs to the family name
            if (parts.size() > 1 && SUFFIXES.contains(parts.getLast().toLowerCase(Locale.ROOT))) {
                family = family + " " + parts.removeLast();
            }
            return Optional.of(Person.of(family, String.join(" ", parts)));
        }
        List<String> words = List.of(name.split("\\s+"));
        if (words.size() == 1) {
            return Optional.of(Person.of(name, ""));
        }
        if (words.stream().anyMatch(w -> ORGANISATION_WORDS.contains(w.toLowerCase(Locale.ROOT)))) {
            return Optional.of(Person.institution(name));
        }
        int familyStart = words.size() - 1;
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1).toLowerCase(Locale.ROOT))) {
            familyStart--;
        }
        return Optional.of(Person.of(String.join(" ", words.subList(familyStart, words.size())),
                String.join(" ", words.subList(0, familyStart))));
    }
}
