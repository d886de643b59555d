package quire.export.bibtex;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import quire.api.model.DatePrecision;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Turns references into BibTeX entries and prints them, separated by blank lines.
 *
 * <p>Fields are printed in one fixed order: author, title, the venue field, year, month, volume, number, pages,
 * doi, url, eprint, archivePrefix, primaryClass, keywords, note, abstract. A work without authors gets
 * {@code key} (its title) in place of the author, which is what the standard styles sort and label it by.
 *
 * <p>The venue goes where the entry type expects it: {@code journal} for an article, {@code booktitle} for a
 * paper in proceedings or a chapter, {@code publisher} for a book, {@code school} for a thesis,
 * {@code institution} for a report and {@code howpublished} for everything printed as {@code misc}. Of the further
 * fields only {@code note} is exported; tags, PubMed ids and the rest stay in Quire.
 */
final class BibtexWriter {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private BibtexWriter() {
    }

    /** Writes every reference, in order, with keys unique within the output; does not close {@code out}. */
    static void write(List<Reference> references, Writer out) throws IOException {
        List<String> keys = CitationKeys.assign(references);
        for (int i = 0; i < references.size(); i++) {
            if (i > 0) {
                out.write("\n");
            }
            out.write(entry(references.get(i), keys.get(i)).format());
        }
    }

    /** The BibTeX entry type for a kind of work. */
    static String entryType(ReferenceType type) {
        return switch (type) {
            case ARTICLE -> "article";
            case CONFERENCE_PAPER -> "inproceedings";
            case CHAPTER -> "incollection";
            case BOOK -> "book";
            case THESIS -> "phdthesis";
            case REPORT -> "techreport";
            case PREPRINT, WEBPAGE, NEWSLETTER, DATASET, SOFTWARE, OTHER -> "misc";
        };
    }

    /** The field that holds the venue in an entry of this type. */
    static String venueField(ReferenceType type) {
        return switch (type) {
            case ARTICLE -> "journal";
            case CONFERENCE_PAPER, CHAPTER -> "booktitle";
            case BOOK -> "publisher";
            case THESIS -> "school";
            case REPORT -> "institution";
            case PREPRINT, WEBPAGE, NEWSLETTER, DATASET, SOFTWARE, OTHER -> "howpublished";
        };
    }

    /** The entry for one reference under the given key. */
    static BibtexEntry entry(Reference reference, String key) {
        List<BibtexEntry.Field> fields = new ArrayList<>();
        String authors = BibtexNames.authors(reference.authors(), reference.authorsTruncated());
        text(fields, "author", authors);
        if (authors.isEmpty()) {
            // BibTeX's field for sorting and labelling a work without author; without it bibtex warns.
            text(fields, "key", LatexEncoder.text(reference.title().isEmpty() ? reference.venue().orElse("")
                    : reference.title()));
        }
        text(fields, "title", LatexEncoder.title(reference.title()));
        venue(reference).ifPresent(venue -> text(fields, venueField(reference.type()), venue));
        reference.issued().ifPresent(issued -> {
            text(fields, "year", Integer.toString(issued.year()));
            if (issued.precision().compareTo(DatePrecision.MONTH) >= 0) {
                fields.add(BibtexEntry.Field.macro("month", MONTHS[issued.month() - 1]));
            }
        });
        reference.volume().ifPresent(v -> text(fields, "volume", LatexEncoder.text(v)));
        reference.issue().ifPresent(v -> text(fields, "number", LatexEncoder.text(v)));
        reference.pages().ifPresent(v -> text(fields, "pages", LatexEncoder.text(pageRange(v))));
        reference.doi().ifPresent(v -> text(fields, "doi", LatexEncoder.url(v)));
        reference.url().ifPresent(v -> text(fields, "url", LatexEncoder.url(v)));
        reference.arxivId().ifPresent(id -> {
            text(fields, "eprint", LatexEncoder.text(id));
            text(fields, "archivePrefix", "arXiv");
            arxivCategory(reference).ifPresent(c -> text(fields, "primaryClass", LatexEncoder.text(c)));
        });
        text(fields, "keywords", reference.keywords().stream().map(LatexEncoder::text).filter(k -> !k.isEmpty())
                .collect(Collectors.joining(", ")));
        reference.field("note").ifPresent(v -> text(fields, "note", LatexEncoder.text(v)));
        reference.abstractText().ifPresent(v -> text(fields, "abstract", LatexEncoder.text(v)));
        return new BibtexEntry(entryType(reference.type()), key, fields);
    }

    /** {@code 123-129} and {@code 123–129} as BibTeX writes a range: {@code 123--129}. */
    static String pageRange(String pages) {
        return pages.replaceAll("(?<=[\\p{Alnum}])\\s*(?:-{1,3}|[\\u2010-\\u2015\\u2212])\\s*(?=[\\p{Alnum}])", "--");
    }

    /**
     * The venue as printed. An arXiv preprint says where to find it, as arXiv asks to be cited
     * ({@code arXiv:2401.01234 [cs.CL]}), since the classic styles do not print {@code eprint}.
     */
    private static Optional<String> venue(Reference reference) {
        Optional<String> venue = reference.venue();
        if (reference.type() == ReferenceType.PREPRINT && reference.arxivId().isPresent()
                && venue.map(v -> v.toLowerCase(Locale.ROOT).equals("arxiv")).orElse(true)) {
            String where = "arXiv:" + reference.arxivId().get()
                    + arxivCategory(reference).map(c -> " [" + c + "]").orElse("");
            return Optional.of(LatexEncoder.text(where));
        }
        return venue.map(LatexEncoder::text);
    }

    private static Optional<String> arxivCategory(Reference reference) {
        return reference.field("arxivCategory").map(String::strip).filter(c -> !c.isEmpty());
    }

    private static void text(List<BibtexEntry.Field> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.add(BibtexEntry.Field.text(name, value));
        }
    }
}
