package quire.importer.bibtex;

import java.util.ArrayList;
import java.util.List;
import quire.api.model.Person;

/**
 * An {@code author} or {@code editor} value read as BibTeX reads it: names separated by the word {@code and} at
 * brace level 0, each in one of the forms {@code First von Last}, {@code von Last, First} or
 * {@code von Last, Jr, First}; the "von" part is the words that start with a lower-case letter. A name that is one
 * braced group ({@code {World Health Organization}}) is an institution, kept whole even when it holds "and" or a
 * comma. A final {@code and others} means the list was cut short.
 *
 * <p>The family name keeps its particles and suffix ({@code van der Berg}, {@code King Jr.}), as
 * {@link Person#family()} asks. LaTeX is decoded after the structure is found, so that braces still protect.
 *
 * @param people    the names in order
 * @param truncated whether the list ended with {@code and others}
 */
record NameList(List<Person> people, boolean truncated) {

    /** Reads a name list (LaTeX not yet decoded). */
    static NameList parse(String raw) {
        List<Person> people = new ArrayList<>();
        boolean truncated = false;
        for (List<String> name : split(tokens(raw))) {
            if (name.size() == 1 && name.getFirst().equalsIgnoreCase("others")) {
                truncated = true;
                continue;
            }
            Person person = person(name);
            if (person != null) {
                people.add(person);
            }
        }
        return new NameList(people, truncated);
    }

    /** The names as BibTeX would write them again, joined with {@code and}: for a field that keeps them as text. */
    String format() {
        List<String> names = new ArrayList<>();
        for (Person p : people) {
            names.add(p.institution() ? "{" + p.family() + "}" : p.given().isEmpty() ? p.family()
                    : p.family() + ", " + p.given());
        }
        if (truncated) {
            names.add("others");
        }
        return String.join(" and ", names);
    }

    /** Words at brace level 0 (white space and ties separate them), a comma being a word of its own. */
    private static List<String> tokens(String raw) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (depth == 0 && (Character.isWhitespace(c) || c == '~' || c == ',')) {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (c == ',') {
                    tokens.add(",");
                }
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '\\' && k + 1 < raw.length() && depth == 0 && raw.charAt(k + 1) == '~') {
                // \~n is an accent, not a tie
                word.append(c).append(raw.charAt(++k));
                continue;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    /** The tokens of each name: split at each {@code and}. */
    private static List<List<String>> split(List<String> tokens) {
        List<List<String>> names = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String token : tokens) {
            if (token.equalsIgnoreCase("and")) {
                if (!current.isEmpty()) {
                    names.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            names.add(current);
        }
        return names;
    }

    /** One name from its tokens; null when it has no letters at all. */
    private static Person person(List<String> tokens) {
        if (tokens.size() == 1 && wholeGroup(tokens.getFirst())) {
            String name = clean(LatexDecoder.decode(tokens.getFirst()));
            return name.isEmpty() ? null : Person.institution(name);
        }
        List<List<String>> parts = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String token : tokens) {
            if (token.equals(",")) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(token);
            }
        }
        parts.add(part);
        List<String> first;
        List<String> vonLast;
        List<String> jr = List.of();
        if (parts.size() == 1) {
            List<String> words = parts.getFirst();
            int m = words.size();
            // the von part runs from the first lower-case word; the last word is always the family name
            int vonStart = -1;
            for (int k = 0; k < m - 1 && vonStart < 0; k++) {
                if (lowerCase(words.get(k))) {
                    vonStart = k;
                }
            }
            if (vonStart < 0) {
                first = words.subList(0, Math.max(0, m - 1));
                vonLast = words.subList(Math.max(0, m - 1), m);
            } else {
                first = words.subList(0, vonStart);
                vonLast = words.subList(vonStart, m);
            }
        } else {
            vonLast = parts.get(0);
            if (parts.size() == 2) {
                first = parts.get(1);
            } else {
                jr = parts.get(1);
                first = new ArrayList<>();
                for (int k = 2; k < parts.size(); k++) {
                    first.addAll(parts.get(k));
                }
            }
        }
        String family = clean(LatexDecoder.decode(String.join(" ", vonLast)));
        String suffix = clean(LatexDecoder.decode(String.join(" ", jr)));
        if (!suffix.isEmpty()) {
            family = family.isEmpty() ? suffix : family + " " + suffix;
        }
        String given = clean(LatexDecoder.decode(String.join(" ", first)));
        if (family.isEmpty() && given.isEmpty()) {
            return null;
        }
        return Person.of(family, given);
    }

    /** Whether the token is one braced group from its first character to its last. */
    private static boolean wholeGroup(String token) {
        if (token.length() < 2 || token.charAt(0) != '{' || token.charAt(token.length() - 1) != '}') {
            return false;
        }
        int depth = 0;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0 && k < token.length() - 1) {
                return false;
            }
        }
        // {\"O}, a single special character, is a letter and not a name kept whole
        return !(token.length() > 2 && token.charAt(1) == '\\' && LatexDecoder.decode(token).length() <= 1);
    }

    /**
     * Whether a word starts with a lower-case letter, as BibTeX decides: the first letter at brace level 0, or of
     * a special character {@code {\"o}}; a word that starts with another braced group has no case.
     */
    private static boolean lowerCase(String word) {
        int depth = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c == '{') {
                if (depth == 0 && k + 1 < word.length() && word.charAt(k + 1) == '\\') {
                    String special = LatexDecoder.decode(word.substring(k));
                    return !special.isEmpty() && Character.isLowerCase(special.codePointAt(0));
                }
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && c == '\\') {
                String decoded = LatexDecoder.decode(word.substring(k));
                return !decoded.isEmpty() && Character.isLowerCase(decoded.codePointAt(0));
            } else if (depth == 0 && Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    /** Ties and other no-break spaces are plain spaces in a name. */
    private static String clean(String name) {
        return name.replace('\u00A0', ' ').strip();
    }
}
