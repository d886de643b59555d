package quire.importer.csljson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import quire.api.model.Person;

/**
 * The names of a CSL name variable ({@code author}, {@code editor}, ...). A CSL name is an object with
 * {@code family}, {@code given}, the particles {@code dropping-particle} ("Jean <em>de</em> La Fontaine") and
 * {@code non-dropping-particle} ("Vincent <em>van</em> Gogh"), a {@code suffix}, or a {@code literal} for a
 * name that must not be split (an institution).
 *
 * @param persons   the names in order
 * @param truncated whether the list ended with "et al." or "others"
 * @param skipped   how many entries held no name at all
 */
record CslNames(List<Person> persons, boolean truncated, int skipped) {

    private static final Set<String> ET_AL = Set.of("et al.", "et al", "et. al.", "others", "and others", "u.a.");

    CslNames {
        persons = List.copyOf(persons);
    }

    /** The names in {@code value}, an array of name objects; anything else yields no names. */
    static CslNames read(JsonNode value) {
        List<Person> persons = new ArrayList<>();
        boolean truncated = false;
        int skipped = 0;
        if (value == null || !value.isArray()) {
            return new CslNames(persons, false, value == null || value.isNull() ? 0 : 1);
        }
        for (JsonNode name : value) {
            if (isEtAl(name)) {
                truncated = true;
                continue;
            }
            Optional<Person> person = person(name);
            if (person.isPresent()) {
                persons.add(person.get());
            } else {
                skipped++;
            }
        }
        return new CslNames(persons, truncated, skipped);
    }

    /**
     * One name. The particles are joined to the family name, in the order they are printed, and the suffix follows
     * it ("van Gogh", "de La Fontaine", "King Jr."), as {@link Person#family()} asks. A plain string, which a few
     * tools write instead of an object, is split at a comma ("Doe, Jane") or else kept whole.
     */
    static Optional<Person> person(JsonNode name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.isTextual()) {
            String text = name.asText().strip();
            int comma = text.indexOf(',');
            if (comma > 0) {
                return Optional.of(Person.of(text.substring(0, comma), text.substring(comma + 1)));
            }
            return text.isEmpty() ? Optional.empty() : Optional.of(Person.institution(text));
        }
        if (!name.isObject()) {
            return Optional.empty();
        }
        String literal = text(name, "literal");
        String family = join(text(name, "dropping-particle"), text(name, "non-dropping-particle"),
                text(name, "family"));
        String given = text(name, "given");
        if (family.isEmpty() && given.isEmpty()) {
            return literal.isEmpty() ? Optional.empty() : Optional.of(Person.institution(literal));
        }
        return Optional.of(Person.of(join(family, text(name, "suffix")), given));
    }

    /** The names as "Family, Given; Family, Given", for keeping a name variable that has no slot in a field. */
    String asText() {
        List<String> written = new ArrayList<>();
        for (Person p : persons) {
            written.add(p.institution() || p.given().isEmpty() ? p.family()
                    : p.family().isEmpty() ? p.given() : p.family() + ", " + p.given());
        }
        if (truncated) {
            written.add("others");
        }
        return String.join("; ", written);
    }

    private static boolean isEtAl(JsonNode name) {
        String text = name.isTextual() ? name.asText()
                : name.isObject() && text(name, "given").isEmpty() ? join(text(name, "literal"), text(name, "family"))
                : "";
        return ET_AL.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                // "d'" + "Alembert" is one word: no space after an elided particle
                if (!joined.isEmpty() && "'’".indexOf(joined.charAt(joined.length() - 1)) < 0) {
                    joined.append(' ');
                }
                joined.append(part);
            }
        }
        return joined.toString();
    }
}
