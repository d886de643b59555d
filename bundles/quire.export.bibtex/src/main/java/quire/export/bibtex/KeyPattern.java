package quire.export.bibtex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.Person;
import quire.api.model.Reference;

/**
 * A citation key pattern, in a small language after JabRef's and Better BibTeX's: fields in brackets and literal
 * text between them. The default, {@value #DEFAULT_PATTERN}, gives {@code simhi2026old}.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><td>{@code [auth]}</td><td>the family name of the first author ({@code vanderberg} for "van der Berg";
 *     a suffix such as "Jr." left out); an institution by the initials of its significant words ({@code who}),
 *     or whole when it is one word</td></tr>
 * <tr><td>{@code [authors2]}</td><td>the family names of the first two authors ({@code simhibarez}); of the only
 *     one when there is one</td></tr>
 * <tr><td>{@code [year]}</td><td>the year issued</td></tr>
 * <tr><td>{@code [shorttitle]}</td><td>the first significant word of the title (not a stop word such as "the",
 *     "on", "how", and not a bare number)</td></tr>
 * <tr><td>{@code [title2]}</td><td>the first two significant words of the title</td></tr>
 * </table>
 *
 * <p>Everything is folded to lower-case ASCII: accents are dropped ({@code müller}), special letters spelled out
 * ({@code ß}: {@code ss}), other characters left out; literal text keeps only letters, digits and
 * {@code - _ : . + /}. A missing field gives nothing: without a year, {@code simhiold}. A work without author (or
 * whose authors' names have no Latin letter) is named by its title instead: {@code [auth]} and {@code [authors2]}
 * stand for the first two significant title words, and the title fields then give nothing, so that
 * {@code [auth][year][shorttitle]} gives {@code oldhabits2026}. A key without any letter starts with {@code ref}
 * ({@code ref1999}, or {@code ref} alone).
 */
final class KeyPattern {

    /** The pattern used unless another is configured. */
    static final String DEFAULT_PATTERN = "[auth][year][shorttitle]";

    /** Words that say little about a title; the first word not among them goes into the key. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and", "with",
            "how", "what", "why", "is", "are", "do", "does", "at", "by", "from", "as", "or", "via", "into", "can",
            "towards", "toward", "when", "where", "which", "who", "we", "our", "be", "it", "its", "this", "that");

    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private static final Set<String> FIELDS = Set.of("auth", "authors2", "year", "shorttitle", "title2");

    /** The characters literal text may add to a key. */
    private static final Pattern LITERAL_UNSAFE = Pattern.compile("[^a-z0-9_:.+/-]");

    /** The default pattern (declared after the constants that reading it needs). */
    static final KeyPattern DEFAULT = parse(DEFAULT_PATTERN);

    /** One part of a pattern: a field name, or literal text. */
    private record Part(String field, String literal) {
    }

    private final String pattern;
    private final List<Part> parts;

    private KeyPattern(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException when it names an unknown field, leaves a bracket open or gives no field:
     *                                  a key scheme that is not what the user meant must not silently become
     *                                  another, since keys once given are kept
     */
    static KeyPattern parse(String pattern) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        boolean anyField = false;
        while (i < pattern.length()) {
            int open = pattern.indexOf('[', i);
            int closeBefore = pattern.indexOf(']', i);
            if (closeBefore >= 0 && (open < 0 || closeBefore < open)) {
                throw new IllegalArgumentException("key pattern '" + pattern + "': ']' at " + closeBefore
                        + " closes nothing");
            }
            if (open < 0) {
                parts.add(new Part(null, pattern.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Part(null, pattern.substring(i, open)));
            }
            int close = pattern.indexOf(']', open);
            if (close < 0) {
                throw new IllegalArgumentException("key pattern '" + pattern + "': '[' at " + open + " is not closed");
            }
            String field = pattern.substring(open + 1, close).strip().toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("key pattern '" + pattern + "': unknown field [" + field
                        + "] (known: [auth], [authors2], [year], [shorttitle], [title2])");
            }
            parts.add(new Part(field, null));
            anyField = true;
            i = close + 1;
        }
        if (!anyField) {
            throw new IllegalArgumentException("key pattern '" + pattern + "' has no field, so every reference "
                    + "would get the same key; use e.g. " + DEFAULT_PATTERN);
        }
        return new KeyPattern(pattern, parts);
    }

    /** The key for a reference, before any suffix: lower-case ASCII, never empty. */
    String keyFor(Reference reference) {
        String year = reference.year().map(y -> Integer.toString(Math.abs(y))).orElse("");
        List<String> titleWords = significantWords(reference.title());
        List<String> authors = new ArrayList<>();
        for (Person person : reference.authors()) {
            String part = authorPart(person);
            if (!part.isEmpty()) {
                authors.add(part);
            }
        }
        // A work without a usable author is named by its title, once.
        String titleInstead = String.join("", titleWords.subList(0, Math.min(2, titleWords.size())));
        boolean titleUsedForAuthor = authors.isEmpty() && usesAuthor();
        StringBuilder key = new StringBuilder();
        for (Part part : parts) {
            if (part.literal() != null) {
                key.append(LITERAL_UNSAFE.matcher(CitationKeys.ascii(part.literal()).toLowerCase(Locale.ROOT))
                        .replaceAll(""));
                continue;
            }
            key.append(switch (part.field()) {
                case "auth" -> authors.isEmpty() ? titleInstead : authors.getFirst();
                case "authors2" -> authors.isEmpty() ? titleInstead
                        : String.join("", authors.subList(0, Math.min(2, authors.size())));
                case "year" -> year;
                case "shorttitle" -> titleUsedForAuthor || titleWords.isEmpty() ? "" : titleWords.getFirst();
                case "title2" -> titleUsedForAuthor ? "" : titleInstead;
                default -> throw new IllegalStateException(part.field());
            });
        }
        return key.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? key.toString() : "ref" + key;
    }

    private boolean usesAuthor() {
        return parts.stream().anyMatch(p -> "auth".equals(p.field()) || "authors2".equals(p.field()));
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return pattern;
    }

    private static String authorPart(Person person) {
        List<String> words = new ArrayList<>();
        String name = person.family().isEmpty() ? person.given() : person.family();
        for (String word : CitationKeys.ascii(name).split("[\\s,]+")) {
            String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (!letters.isEmpty()) {
                words.add(letters);
            }
        }
        if (person.institution()) {
            List<String> significant = words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
            if (significant.size() > 1) {
                StringBuilder initials = new StringBuilder();
                significant.forEach(w -> initials.append(w.charAt(0)));
                return initials.toString();
            }
            return String.join("", words);
        }
        while (words.size() > 1 && NAME_SUFFIXES.contains(words.getLast())) {
            words.removeLast();
        }
        return String.join("", words);
    }

    /** The title's words folded to lower-case ASCII letters and digits, stop words and bare numbers left out. */
    private static List<String> significantWords(String title) {
        List<String> words = new ArrayList<>();
        for (String word : CitationKeys.ascii(title).toLowerCase(Locale.ROOT).split("\\s+")) {
            String kept = word.replaceAll("[^a-z0-9]", "");
            if (kept.chars().anyMatch(Character::isLetter) && !STOP_WORDS.contains(kept)) {
                words.add(kept);
            }
        }
        return words;
    }
}
