package quire.ui.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import quire.api.model.Person;
import quire.api.model.Reference;

/**
 * Two records side by side, field by field, each row saying whether the two differ: what the view shows and
 * colours. Plain data, so that the rules are tested without a display.
 */
final class Comparison {

    /** How the two values of a row relate. */
    enum Difference {
        /** The same, or the same once case, spaces and punctuation are set aside. */
        SAME,
        /** Written differently, e.g. "J Am Med Assoc" against the full name: worth a look. */
        SPELLING,
        /** Different values: what tells two papers apart. */
        DIFFERENT,
        /** Only one record has a value. */
        ONE_SIDE
    }

    /** One field of both records. */
    record Row(String field, String left, String right, Difference difference) {
    }

    private Comparison() {
    }

    static List<Row> rows(Reference a, Reference b) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Title", a.title(), b.title()));
        rows.add(row("Authors", authors(a), authors(b)));
        rows.add(row("Year", a.year().map(String::valueOf).orElse(""), b.year().map(String::valueOf).orElse("")));
        rows.add(row("Venue", a.venue().orElse(""), b.venue().orElse("")));
        rows.add(row("Volume", a.volume().orElse(""), b.volume().orElse("")));
        rows.add(row("Issue", a.issue().orElse(""), b.issue().orElse("")));
        rows.add(row("Pages", a.pages().orElse(""), b.pages().orElse("")));
        rows.add(row("DOI", a.doi().orElse(""), b.doi().orElse("")));
        rows.add(row("PMID", a.pmid().orElse(""), b.pmid().orElse("")));
        rows.add(row("arXiv", a.arxivId().orElse(""), b.arxivId().orElse("")));
        rows.add(row("Type", a.type().label(), b.type().label()));
        rows.add(row("Abstract", shortened(a.abstractText()), shortened(b.abstractText())));
        rows.add(row("Source", sources(a), sources(b)));
        rows.add(row("Id", a.id(), b.id()));
        return rows;
    }

    static Row row(String field, String left, String right) {
        Difference difference;
        if (left.equals(right)) {
            difference = Difference.SAME;
        } else if (left.isBlank() || right.isBlank()) {
            difference = Difference.ONE_SIDE;
        } else if (loose(left).equals(loose(right))) {
            difference = Difference.SAME;
        } else if (field.equals("Id") || field.equals("Source")) {
            difference = Difference.SAME; // always differ between two records; nothing to look at
        } else {
            difference = abbreviation(loose(left), loose(right)) ? Difference.SPELLING : Difference.DIFFERENT;
        }
        return new Row(field, left, right, difference);
    }

    /** Letters and digits in lower case, diacritics and markup aside. */
    private static String loose(String text) {
        String decoded = text.replaceAll("<[^<>]{1,20}>", "").replaceAll("&[#a-zA-Z0-9]{2,8};", "");
        return java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** "jclinendocrinolmetab" is spelled from "journalofclinicalendocrinologyandmetabolism": a subsequence. */
    private static boolean abbreviation(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.isEmpty() || shorter.charAt(0) != longer.charAt(0)) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < shorter.length(); i++) {
            j = longer.indexOf(shorter.charAt(i), j);
            if (j < 0) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static String authors(Reference r) {
        String names = r.authors().stream().map(Comparison::name).collect(Collectors.joining("; "));
        return r.authorsTruncated() ? names + "; et al." : names;
    }

    private static String name(Person p) {
        return p.given().isEmpty() ? p.family() : p.family() + ", " + p.given();
    }

    private static String shortened(Optional<String> text) {
        return text.map(t -> t.length() > 300 ? t.substring(0, 297) + "..." : t).orElse("");
    }

    private static String sources(Reference r) {
        return r.provenance().stream().map(p -> p.database().map(d -> d + " (" + p.sourceFile() + ")")
                .orElse(p.sourceFile())).distinct().collect(Collectors.joining("; "));
    }
}
