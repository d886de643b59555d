package quire.ui;

import java.util.List;
import java.util.function.Function;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * The columns of the citation table, in display order, and how a {@link Reference} is written in each. Plain text
 * only, so that the formatting is tested without a display.
 */
enum CitationColumn {
    AUTHORS("Authors", r -> authors(r.authors(), r.authorsTruncated())),
    YEAR("Year", r -> r.year().map(CitationColumn::year).orElse("")),
    TITLE("Title", r -> r.title().isEmpty() ? "(no title)" : oneLine(r.title())),
    VENUE("Venue", r -> r.venue().map(CitationColumn::oneLine).orElse("")),
    TYPE("Type", r -> typeName(r.type()));

    /** How many family names the Authors column shows before "et al.". */
    static final int AUTHORS_SHOWN = 3;

    private final String header;
    private final Function<Reference, String> text;

    CitationColumn(String header, Function<Reference, String> text) {
        this.header = header;
        this.text = text;
    }

    /** The column header. */
    String header() {
        return header;
    }

    /** What this column shows for a reference; never null, empty when the reference lacks the field. */
    String text(Reference reference) {
        return text.apply(reference);
    }

    /** One row: the text of every column, in column order. */
    static String[] row(Reference reference) {
        CitationColumn[] columns = values();
        String[] row = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            row[i] = columns[i].text(reference);
        }
        return row;
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
