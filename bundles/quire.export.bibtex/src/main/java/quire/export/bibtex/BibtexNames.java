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

    /** The value of the {@code author} field in classic BibTeX; empty when there are no authors. */
    static String authors(List<Person> people, boolean truncated) {
        return authors(people, truncated, LatexEncoder.Encoding.ASCII);
    }

    /** The value of the {@code author} field in the given encoding; empty when there are no authors. */
    static String authors(List<Person> people, boolean truncated, LatexEncoder.Encoding encoding) {
        List<String> names = new ArrayList<>();
        for (Person person : people) {
            String name = name(person, encoding);
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

    /** One name in classic BibTeX. */
    static String name(Person person) {
        return name(person, LatexEncoder.Encoding.ASCII);
    }

    /** One name: {@code Family, Given}, {@code Family}, or {@code {Whole Institution Name}}. */
    static String name(Person person, LatexEncoder.Encoding encoding) {
        String family = LatexEncoder.namePart(person.family(), encoding);
        String given = LatexEncoder.namePart(person.given(), encoding);
        if (person.institution()) {
            String whole = family.isEmpty() ? given : family;
            return whole.isEmpty() ? "" : "{" + whole + "}";
        }
        if (family.isEmpty() || given.isEmpty()) {
            // One part only: BibTeX would take the last word as the family name, so keep several words whole.
            String only = family.isEmpty() ? given : family;
            // Braced whole, as an institution is, when an importer would read it as one anyway: a name that is
            // one group ({$\alpha$}), or one whose braces it would take for BibTeX's special character
            // ({\textbraceleft{}x}).
            boolean whole = only.contains(" ") || only.startsWith("{$") && only.endsWith("$}") || only.startsWith("\\");
            return whole ? "{" + only + "}" : protect(only);
        }
        return protect(family) + ", " + protect(given);
    }

    /**
     * A name list kept as text, as the BibTeX importer keeps an {@code editor} field: names joined by {@code and},
     * each {@code Family, Given}, {@code Family} or a braced institution, {@code others} last when cut short. It is
     * written like the author list, so that every name is encoded and nothing in it can be markup.
     */
    static String nameList(String text, LatexEncoder.Encoding encoding) {
        List<Person> people = new ArrayList<>();
        boolean truncated = false;
        for (String name : splitAtAnd(text)) {
            if (name.equalsIgnoreCase("others")) {
                truncated = true;
                continue;
            }
            // the importer braces an institution whole, whatever braces its name holds itself
            if (name.length() > 1 && name.startsWith("{") && name.endsWith("}")) {
                people.add(Person.institution(name.substring(1, name.length() - 1)));
                continue;
            }
            int comma = topLevelComma(name);
            String family = comma < 0 ? name : name.substring(0, comma);
            String given = comma < 0 ? "" : name.substring(comma + 1);
            if (!family.isBlank() || !given.isBlank()) {
                people.add(Person.of(family, given));
            }
        }
        return authors(people, truncated, encoding);
    }

    /** The names of a list, split at the word "and" outside braces, stripped, the empty ones left out. */
    private static List<String> splitAtAnd(String text) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && Character.isWhitespace(c) && i + 4 < text.length()
                    && text.regionMatches(true, i + 1, "and", 0, 3) && Character.isWhitespace(text.charAt(i + 4))) {
                names.add(text.substring(start, i).strip());
                start = i + 5;
                i += 4;
            }
        }
        names.add(text.substring(start).strip());
        names.removeIf(String::isEmpty);
        return names;
    }

    private static int topLevelComma(String name) {
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Braces a part that BibTeX would otherwise split: one holding a comma or the word "and". */
    private static String protect(String part) {
        return part.contains(",") || AND.matcher(part).find() ? "{" + part + "}" : part;
    }
}
