package quire.importer.csv;

import quire.importer.text.PersonNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Splits a column of author names into persons. Scopus, Web of Science and Zotero separate names with
 * {@code ;}; Embase with {@code ,} between "Family Initials" names ({@code Liu R., Adler D.G.}); others write
 * "Family, Given" pairs separated by commas, or join names with "and". The commas are read as whichever fits.
 *
 * @param persons   the persons in order
 * @param truncated whether the list ends in "et al."
 */
record AuthorList(List<Person> persons, boolean truncated) {

    private static final Pattern AND = Pattern.compile("\\s*,?\\s+and\\s+|\\s*&\\s*");
    // Scopus's full names end in the author's Scopus id: "Federico, Salvatore (7005432234)"
    private static final Pattern SCOPUS_ID = Pattern.compile("\\s*\\(\\d+\\)\\s*$");
    private static final Pattern ONLY_INITIALS = Pattern.compile("(?:\\p{Lu}\\.?-?\\s*)+");
    private static final Pattern NO_AUTHOR = Pattern.compile("(?i)\\[?no author name available\\]?|anon(?:ymous)?\\.?");

    /** The authors named in {@code text}. */
    static AuthorList parse(String text) {
        List<Person> persons = new ArrayList<>();
        boolean truncated = false;
        for (String name : names(text.strip())) {
            String n = SCOPUS_ID.matcher(name).replaceFirst("").strip();
            if (n.isEmpty() || NO_AUTHOR.matcher(n).matches()) {
                continue;
            }
            // "Smith J, Doe A, et al."
            String withoutEtAl = n.replaceFirst("(?i)[,\\s]*\\bet\\.?\\s*al\\.?$", "");
            if (!withoutEtAl.equals(n)) {
                truncated = true;
                n = withoutEtAl.strip();
            }
            if (n.isEmpty() || PersonNames.isEtAl(n)) {
                truncated = true;
                continue;
            }
            PersonNames.parse(n).ifPresent(persons::add);
        }
        return new AuthorList(List.copyOf(persons), truncated);
    }

    private static List<String> names(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.contains(";")) {
            return Arrays.asList(text.split(";"));
        }
        if (text.contains("\n")) {
            return Arrays.asList(text.split("\n"));
        }
        List<String> names = new ArrayList<>();
        for (String part : AND.split(text)) {
            names.addAll(commaSeparated(part));
        }
        return names;
    }

    /**
     * Commas between whole names ("Liu R., Adler D.G.", "Ann Lee, Bo Kim"), or between family and given names
     * ("Smith, J., Doe, A."): pairs when some part is only initials or a single word and the count is even.
     */
    private static List<String> commaSeparated(String text) {
        List<String> parts = Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (parts.size() < 2) {
            return parts;
        }
        boolean someInitialsOnly = parts.stream().anyMatch(p -> ONLY_INITIALS.matcher(p).matches());
        boolean allSeveralWords = parts.stream().allMatch(p -> p.contains(" "));
        boolean pairs = parts.size() % 2 == 0 && (someInitialsOnly || !allSeveralWords);
        if (!pairs) {
            return parts;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += 2) {
            names.add(parts.get(i) + ", " + parts.get(i + 1));
        }
        return names;
    }
}
