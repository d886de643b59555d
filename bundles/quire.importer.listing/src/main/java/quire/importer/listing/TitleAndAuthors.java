package quire.importer.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.Person;

/**
 * Line 2 of a listing record, taken apart: the title, glued without a separator to the author list
 * ("... Traps LLMsAdi Simhi, Fazl Barez, Martin Tutek et al."), optionally followed by {@code " · "} and
 * affiliations.
 *
 * <p>Where the title ends is found from the end of the line: the comma-separated segments at the end that read
 * as names are authors; the first segment that does not is the one where the last title word is glued to the
 * first author. Inside it, a join is a capital letter that follows a letter, a digit or closing punctuation
 * ("GPT-4", "(AA)?"), never a hyphen or apostrophe, which would be inside "Tung-Yu" or "O'Shea"; and that precedes
 * a lower-case letter, an initial's dot or an apostrophe ("O'Neil"). The leftmost join whose rest reads as a name
 * wins: it keeps a name with an inner capital whole ("DeAndre Jordan", not "Andre Jordan"), while a title word
 * with an inner capital ("DeepMind", "LLMs") cannot pass for the start of a name, because {@link PersonName}
 * allows inner capitals only after real name prefixes (Mc, Mac, De, O', ...).
 *
 * @param title        the title
 * @param authors      the authors in order, at least one
 * @param truncated    true when the list ended with "et al."
 * @param affiliations the affiliations after the {@code ·}, as written
 */
record TitleAndAuthors(String title, List<Person> authors, boolean truncated, Optional<String> affiliations) {

    private static final String AFFILIATION_MARK = " · ";
    private static final Pattern ET_AL = Pattern.compile(",?\\h+et\\h+al\\.?$");
    /** Characters after which a glued capital can start a name: a title may end in a word, a number or ")". */
    private static final String CLOSERS = ")]}?!.\"”";

    TitleAndAuthors {
        authors = List.copyOf(authors);
    }

    /** The title and authors on {@code line}, or empty when no split leaves both a title and a name. */
    static Optional<TitleAndAuthors> split(String line) {
        String text = line.strip().replaceAll("\\h+", " ");
        int mark = text.lastIndexOf(AFFILIATION_MARK);
        if (mark > 0) {
            String affiliations = text.substring(mark + AFFILIATION_MARK.length()).strip();
            // A title may itself contain " · "; the tail is affiliations only if what precedes it splits.
            Optional<TitleAndAuthors> split = splitByline(text.substring(0, mark), Optional.of(affiliations)
                    .filter(a -> !a.isEmpty()));
            if (split.isPresent()) {
                return split;
            }
        }
        return splitByline(text, Optional.empty());
    }

    private static Optional<TitleAndAuthors> splitByline(String byline, Optional<String> affiliations) {
        String text = byline;
        boolean truncated = false;
        Matcher etAl = ET_AL.matcher(text);
        if (etAl.find()) {
            truncated = true;
            text = text.substring(0, etAl.start());
        }
        List<String> segments = segments(text);
        int firstAuthor = segments.size();
        while (firstAuthor > 0 && PersonName.isPlausible(segments.get(firstAuthor - 1))) {
            firstAuthor--;
        }
        // Normally the segment before the names holds the join. When every segment reads as a name, the glued
        // word happened to look like one too ("...on the MacAda Lovelace"); the join is then in the first.
        int join = Math.max(firstAuthor - 1, 0);
        Optional<TitleAndAuthors> split = splitAt(segments, join, truncated, affiliations);
        if (split.isEmpty() && join + 1 < segments.size()) {
            split = splitAt(segments, join + 1, truncated, affiliations);
        }
        return split;
    }

    /** Splits on ", ", putting a lone suffix ("Martin Luther King, Jr.") back with the name before it. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        for (String segment : text.split(", ")) {
            if (!segments.isEmpty() && PersonName.isSuffix(segment)) {
                segments.set(segments.size() - 1, segments.getLast() + " " + segment.strip());
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static Optional<TitleAndAuthors> splitAt(List<String> segments, int join, boolean truncated,
            Optional<String> affiliations) {
        String glued = segments.get(join);
        for (int i = 1; i < glued.length() - 1; i++) {
            if (isJoin(glued, i) && PersonName.isPlausible(glued.substring(i))) {
                List<String> titleParts = new ArrayList<>(segments.subList(0, join));
                titleParts.add(glued.substring(0, i));
                List<Person> authors = new ArrayList<>();
                authors.add(PersonName.toPerson(glued.substring(i)));
                segments.subList(join + 1, segments.size()).forEach(s -> authors.add(PersonName.toPerson(s)));
                return Optional.of(new TitleAndAuthors(String.join(", ", titleParts).strip(), authors, truncated,
                        affiliations));
            }
        }
        return Optional.empty();
    }

    private static boolean isJoin(String text, int i) {
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        return Character.isUpperCase(text.charAt(i))
                && (Character.isLetterOrDigit(before) || CLOSERS.indexOf(before) >= 0)
                && (Character.isLowerCase(after) || after == '.' || after == '\'' || after == '’');
    }
}
