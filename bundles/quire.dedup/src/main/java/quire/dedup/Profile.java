package quire.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * What a record is compared by, worked out once per record: the normal forms of its title, first author, venue,
 * pages and identifiers.
 */
final class Profile {

    /** Words that mark a notice about a paper rather than the paper. */
    private static final java.util.Set<String> NOTICES = java.util.Set.of("erratum", "errata", "corrigendum",
            "corrigenda", "correction", "retraction", "retracted", "reply", "response", "comment", "commentary",
            "withdrawn", "withdrawal", "addendum");

    final int index;
    final Reference reference;
    final String title;      // folded words
    final String compact;    // folded, no spaces
    final List<String> numbers;
    final String notice;     // the notice word the title has that plain titles lack, "" when none
    final int year;          // 0 when unknown
    final String firstFamily;
    final char firstInitial; // 0 when unknown
    final List<String> families;
    final List<List<String>> venues;
    final String volume;
    final String firstPage;
    final String lastPage;
    final String doi;
    final String pmid;
    final String arxiv;
    final ReferenceType type;
    /** Hashes of the abstract's first words, sorted and distinct; worked out when first compared. */
    private volatile int[] abstractWords;
    final int completeness;

    Profile(int index, Reference r) {
        this.index = index;
        this.reference = r;
        this.title = MatchText.fold(r.title());
        this.compact = MatchText.compact(title);
        this.numbers = MatchText.numbers(title);
        this.notice = notice(title);
        this.year = r.year().orElse(0);
        List<String> fams = new ArrayList<>();
        for (Person p : r.authors()) {
            String f = MatchText.family(p.family().isEmpty() ? p.given() : p.family());
            // "Anonymous" is no author: thousands of unrelated notices share it
            if (!f.isEmpty() && !f.equals("anonymous") && !f.equals("anon")) {
                fams.add(f);
            }
            if (fams.size() == 8) {
                break;
            }
        }
        this.families = List.copyOf(fams);
        this.firstFamily = fams.isEmpty() ? "" : fams.get(0);
        String given = fams.isEmpty() ? "" : MatchText.fold(r.authors().get(0).given());
        this.firstInitial = given.isEmpty() ? 0 : given.charAt(0);
        List<List<String>> vs = new ArrayList<>();
        r.venue().map(MatchText::venueWords).filter(w -> !w.isEmpty()).ifPresent(vs::add);
        r.field("venueAbbreviation").map(MatchText::venueWords).filter(w -> !w.isEmpty()).ifPresent(vs::add);
        this.venues = List.copyOf(vs);
        this.volume = r.volume().map(MatchText::fold).map(v -> v.replaceFirst("^(vol|volume) ", ""))
                .map(v -> v.replaceFirst("^0+(?=\\d)", "")).orElse("");
        this.firstPage = r.pages().map(MatchText::firstPage).orElse("");
        this.lastPage = r.pages().map(MatchText::lastPage).orElse("");
        this.doi = r.doi().orElse("");
        this.pmid = r.pmid().orElse(r.field("pmid").flatMap(quire.api.model.Identifiers::pmid).orElse(""));
        this.arxiv = r.arxivId().orElse("");
        this.type = r.type();
        this.completeness = computeCompleteness();
    }

    /**
     * The abstract's first words as sorted, distinct hashes; empty without an abstract. Only records that meet
     * another need it, so it is worked out then (a race computes the same value twice, harmlessly).
     */
    int[] abstractWords() {
        int[] words = abstractWords;
        if (words == null) {
            // 60 words fit in 700 characters (markup aside); folding the rest would be wasted
            words = reference.abstractText().map(a -> a.length() > 700 ? a.substring(0, 700) : a)
                    .map(MatchText::fold).map(Profile::leadingWords).orElse(new int[0]);
            abstractWords = words;
        }
        return words;
    }

    private static String notice(String folded) {
        int start = 0;
        for (int i = 0; i <= folded.length(); i++) {
            if (i == folded.length() || folded.charAt(i) == ' ') {
                if (i > start) {
                    String word = folded.substring(start, i);
                    if (NOTICES.contains(word)) {
                        return word;
                    }
                }
                start = i + 1;
            }
        }
        return folded.contains("expression of concern") ? "expression of concern" : "";
    }

    /** The first 60 words: exports cut abstracts at different lengths and append copyright lines at the end. */
    private static int[] leadingWords(String folded) {
        String[] words = folded.split(" ");
        int[] hashes = new int[Math.min(60, words.length)];
        int n = 0;
        for (int i = 0; i < words.length && n < hashes.length; i++) {
            // headings of structured abstracts come and go between exports
            if (!words[i].isEmpty() && !isHeading(words[i])) {
                hashes[n++] = words[i].hashCode();
            }
        }
        return java.util.Arrays.stream(hashes, 0, n).sorted().distinct().toArray();
    }

    private static boolean isHeading(String word) {
        return switch (word) {
            case "background", "objective", "objectives", "methods", "results", "conclusion", "conclusions",
                    "purpose", "aims", "aim", "design", "setting", "introduction" -> true;
            default -> false;
        };
    }

    /** How much a record says: the most complete record of a group survives the merge. */
    private int computeCompleteness() {
        Reference r = reference;
        int score = 0;
        score += r.doi().isPresent() ? 8 : 0;
        score += r.pmid().isPresent() ? 4 : 0;
        score += r.arxivId().isPresent() ? 2 : 0;
        score += r.abstractText().isPresent() ? 4 : 0;
        score += Math.min(4, r.authors().size());
        score += r.authors().stream().anyMatch(p -> p.given().replace(".", "").strip().length() > 2) ? 1 : 0;
        score += r.venue().isPresent() ? 2 : 0;
        score += r.volume().isPresent() ? 1 : 0;
        score += r.pages().isPresent() ? 1 : 0;
        score += r.issued().isPresent() ? 1 : 0;
        return score;
    }

    Optional<String> title() {
        return compact.isEmpty() ? Optional.empty() : Optional.of(compact);
    }
}
