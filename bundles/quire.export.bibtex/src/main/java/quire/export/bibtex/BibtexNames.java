package quire.export.bibtex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Writes an author list the way BibTeX parses one: {@code Family, Given} joined by {@code and}. Particles stay
 * with the family name ({@code van der Berg, Anna}), where BibTeX recognises them as its "von" part by their lower
 * case; an institution is braced whole so that BibTeX neither splits nor abbreviates it; a list the source cut
 * short ends in {@code and others}, which styles print as "et al.".
 */
final class BibtexNames {

    /** A word "and" at brace level 0 would split the name in two. */
    private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

    private BibtexNames() {
    }

    /** The value of the {@code author} field; empty when there are no authors. */
    static String authors(List<Person> people, boolean truncated) {
        List<String> names = new ArrayList<>();
        for (Person person : people) {
            String name = name(person);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return ""; // "and others" alone is not a name list
        }
        if (truncated) {
            names.add("others");
        }
        return String.join(" and ", names);
    }

    /** One name: {@code Family, Given}, {@code Family}, or {@code {Whole Institution Name}}. */
    static String name(Person person) {
        String family = LatexEncoder.text(person.family());
        String given = LatexEncoder.text(person.given());
        if (person.institution()) {
            String whole = family.isEmpty() ? given : family;
            return whole.isEmpty() ? "" : "{" + whole + "}";
        }
        if (family.isEmpty() || given.isEmpty()) {
            // One part only: BibTeX would take the last word as the family name, so keep several words whole.
            String only = family.isEmpty() ? given : family;
            return only.contains(" ") ? "{" + only + "}" : protect(only);
        }
        return protect(family) + ", " + protect(given);
    }

    /** Braces a part that BibTeX would otherwise split: one holding a comma or the word "and". */
    private static String protect(String part) {
        return part.contains(",") || AND.matcher(part).find() ? "{" + part + "}" : part;
    }
}
