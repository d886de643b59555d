package quire.api.model;

import java.util.Objects;

/**
 * An author or editor. A person has a family name and given names (either may be empty, never null); an
 * institution ("World Health Organization") keeps its whole name in {@code family} and is marked as such, so
 * that it is never split or abbreviated.
 *
 * @param family      family name, including particles such as "van der" and suffixes such as "Jr."
 * @param given       given names or initials, as written in the source
 * @param institution true for a corporate author whose name must be kept whole
 */
public record Person(String family, String given, boolean institution) {

    public Person {
        family = Objects.requireNonNull(family, "family").strip();
        given = Objects.requireNonNull(given, "given").strip();
        if (family.isEmpty() && given.isEmpty()) {
            throw new IllegalArgumentException("a person needs a family or a given name");
        }
    }

    /** A person with a family and given name. */
    public static Person of(String family, String given) {
        return new Person(family, given, false);
    }

    /** A corporate author, kept whole. */
    public static Person institution(String name) {
        return new Person(name, "", true);
    }

    /** "Given Family", as the name is usually printed. */
    public String displayName() {
        return given.isEmpty() ? family : given + " " + family;
    }
}
