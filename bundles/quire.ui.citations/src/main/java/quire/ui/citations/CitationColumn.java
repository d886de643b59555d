package quire.ui.citations;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import quire.api.export.CitationKeyGenerator;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.review.RecordStatus;
import quire.api.review.Verdict;

/**
 * The columns of the citation table, in display order, how a {@link Reference} is written in each and how each
 * sorts. Plain text only, so that the formatting is tested without a display. The decision column is the one
 * column not drawn from the reference: it comes from the review's statuses.
 */
enum CitationColumn {
    KEY("Key", 70, r -> r.field(CitationKeyGenerator.FIELD).orElse("")),
    AUTHORS("Authors", 150, r -> authors(r.authors(), r.authorsTruncated())),
    YEAR("Year", 50, r -> r.year().map(CitationColumn::year).orElse("")),
    TITLE("Title", 380, r -> r.title().isEmpty() ? "(no title)" : oneLine(r.title())),
    VENUE("Venue", 140, r -> r.venue().map(CitationColumn::oneLine).orElse("")),
    TYPE("Type", 100, r -> typeName(r.type())),
    DECISION("Decision", 76, r -> ""),
    TAGS("Tags", 90, r -> String.join(", ", r.tags()));

    /** How many family names the Authors column shows before "et al.". */
    static final int AUTHORS_SHOWN = 3;

    private final String header;
    private final int width;
    private final Function<Reference, String> text;

    CitationColumn(String header, int width, Function<Reference, String> text) {
        this.header = header;
        this.width = width;
        this.text = text;
    }

    String header() {
        return header;
    }

    /** The width a column starts with, in pixels. */
    int width() {
        return width;
    }

    /** What this column shows for a reference; never null. The decision column shows {@code decision}. */
    String text(Reference reference, Optional<RecordStatus> decision) {
        return this == DECISION ? decision.map(CitationColumn::decision).orElse("") : text.apply(reference);
    }

    /** One row: the text of every column, in column order. */
    static String[] row(Reference reference, Optional<RecordStatus> decision) {
        CitationColumn[] columns = values();
        String[] row = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            row[i] = columns[i].text(reference, decision);
        }
        return row;
    }

    /**
     * How rows sort by this column: years as numbers, text without regard to case; rows without a value come last
     * in either direction.
     *
     * @param decisions  the decision of a reference by id
     * @param descending highest first
     */
    Comparator<Reference> order(Function<String, Optional<RecordStatus>> decisions, boolean descending) {
        Function<Reference, String> value = this == DECISION
                ? r -> decisions.apply(r.id()).map(CitationColumn::decision).orElse("")
                : text;
        if (this == YEAR) {
            Comparator<Integer> years = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return Comparator.comparing((Reference r) -> r.year().isEmpty())
                    .thenComparing(r -> r.year().orElse(0), years);
        }
        Comparator<String> caseless = descending ? String.CASE_INSENSITIVE_ORDER.reversed()
                : String.CASE_INSENSITIVE_ORDER;
        return Comparator.comparing((Reference r) -> value.apply(r).isEmpty())
                .thenComparing(value, caseless);
    }

    /**
     * The decision the reviewer sees: their own verdict ("Include", "Exclude", "Maybe"), else the settled outcome,
     * with "conflict" when reviewers disagree.
     */
    static String decision(RecordStatus status) {
        Verdict shown = status.own() != Verdict.NONE ? status.own() : status.outcome();
        String text = shown == Verdict.NONE ? "" : label(shown);
        if (status.conflict()) {
            text = text.isEmpty() ? "Conflict" : text + " (conflict)";
        }
        return text;
    }

    static String label(Verdict verdict) {
        String name = verdict.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Family names, at most {@value #AUTHORS_SHOWN}, then "et al." when there are more or the source cut the list
     * short: "Simhi, Barez, Tutek et al.". An institution keeps its whole name.
     */
    static String authors(List<Person> authors, boolean truncated) {
        if (authors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        int shown = Math.min(authors.size(), AUTHORS_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(shortName(authors.get(i)));
        }
        if (truncated || authors.size() > shown) {
            text.append(" et al.");
        }
        return text.toString();
    }

    /** The name a citation uses: the family name, or the whole name of an institution or a mononym. */
    static String shortName(Person person) {
        return person.family().isEmpty() ? person.given() : oneLine(person.family());
    }

    /** A year as readers write it; BCE years are negative in the model. */
    static String year(int year) {
        return year > 0 ? Integer.toString(year) : -year + " BCE";
    }

    /** The type as a reader names it: "Conference paper", "Web page". */
    static String typeName(ReferenceType type) {
        return type.label();
    }

    /** A table cell shows one line: line breaks and runs of white space (common in titles) become one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
