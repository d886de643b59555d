package quire.ui.details;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a query worth marking in a text, and where they occur. Words are matched at the start of a word and
 * without regard to case, so that "hallucin*" and the stemmed "hallucination" both mark "hallucinations"; operators,
 * field names, negated words and filters on exact fields (year, type, doi, ...) are left out.
 */
final class SearchTerms {

    private static final Set<String> OPERATORS = Set.of("and", "or", "not");
    private static final Set<String> TEXT_FIELDS = Set.of("title", "abstract", "author", "venue", "keyword");
    private static final Pattern TOKEN = Pattern.compile("(-?)(?:(\\w+):)?(\"[^\"]*\"|[^\\s()\"]+)");

    private SearchTerms() {
    }

    /** The words of the query to mark, lower case, longest first (so that a longer word wins an overlap). */
    static List<String> of(String query) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            String field = m.group(2);
            if (!m.group(1).isEmpty() || (field != null && !TEXT_FIELDS.contains(field.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            String value = m.group(3).replace("\"", " ");
            for (String word : value.split("[^\\p{L}\\p{N}]+")) {
                String w = word.toLowerCase(Locale.ROOT);
                if (w.length() >= 2 && !OPERATORS.contains(w)) {
                    // a stem is enough: "models" marks "model" and "modelling"
                    terms.add(w.length() > 5 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
                }
            }
        }
        List<String> list = new ArrayList<>(terms);
        list.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return list;
    }

    /** Where the terms occur in the text: [start, length] pairs, sorted, not overlapping. */
    static List<int[]> find(String text, List<String> terms) {
        List<int[]> found = new ArrayList<>();
        if (terms.isEmpty()) {
            return found;
        }
        boolean[] taken = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "[\\p{L}\\p{N}]*").matcher(lower);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.add(new int[] {m.start(), m.end() - m.start()});
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found;
    }
}
