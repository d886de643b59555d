package quire.export.bibtex;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import quire.api.model.DatePrecision;
import quire.api.model.IssuedDate;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Turns references into BibTeX or biblatex entries ({@link Dialect}) and prints them, separated by blank lines.
 *
 * <p><b>Entry types.</b> Article, paper in proceedings, chapter, book, thesis and report map to their types
 * ({@code @phdthesis} and {@code @techreport} in BibTeX; {@code @thesis} and {@code @report} with a {@code type}
 * in biblatex). What BibTeX has no type for is {@code @misc}; biblatex has {@code @online} for preprints, web
 * pages, newsletters and notes, and {@code @dataset} and {@code @software}. A reference read from BibTeX keeps its
 * entry type ({@code @mastersthesis}, {@code @manual}) as long as that type is valid in the dialect and still
 * means the reference's kind of work.
 *
 * <p><b>Fields.</b> The venue goes where the entry type expects it: {@code journal} ({@code journaltitle} in
 * biblatex), {@code booktitle}, {@code publisher}, {@code school} (biblatex: {@code institution}),
 * {@code institution}, {@code organization} for {@code @online} and {@code @software}, {@code howpublished}
 * for {@code @misc}. The date is {@code year}, {@code month} (and {@code day}, which the classic styles ignore)
 * in BibTeX, {@code date} to its precision in
 * biblatex; biblatex also gets {@code urldate} with a URL, from the field {@code urldate} or else the day the
 * reference was imported. arXiv identifiers become {@code eprint} with {@code archivePrefix}/{@code primaryClass}
 * (BibTeX) or {@code eprinttype}/{@code eprintclass} (biblatex). Of the further fields, {@code note} is exported,
 * and, from a reference read from BibTeX, every field the model has no place for ({@code editor},
 * {@code address}, {@code isbn}, {@code file}, ...), so that export, import and export again give the same file;
 * Quire's own fields (tags, scores, the screening decision) stay in Quire, and so do fields that would make
 * BibTeX or biber look up other entries or run code ({@code crossref}, {@code xdata}, {@code execute}, ...).
 *
 * <p><b>Order.</b> Fields are printed in one canonical order (author, editor, title, the venue fields, the date,
 * volume, number, pages, identifiers, keywords, note, abstract; fields outside the list after them, by name), the
 * same whether a value came from the model or from a kept field.
 *
 * <p><b>Titles.</b> A title read from BibTeX, with the field {@code protectedWords}, has exactly those words
 * braced; any other title has the words braced that {@link LatexEncoder#title(String, LatexEncoder.Encoding)}
 * finds need it. A work without authors gets, in BibTeX, {@code key} (its title), which the standard styles sort
 * and label it by.
 */
final class BibtexWriter {

    /** The field that holds the title's brace-protected words of a reference read from BibTeX, comma-separated. */
    static final String PROTECTED_WORDS_FIELD = "protectedWords";

    /** The field that holds the entry type of a reference read from BibTeX. */
    static final String ENTRY_TYPE_FIELD = "entryType";

    /** The provenance format of references read from BibTeX. */
    static final String BIBTEX_FORMAT = "bibtex";

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /** The canonical order of fields; others follow, by name. */
    private static final List<String> ORDER = List.of("author", "editor", "key", "title", "subtitle", "titleaddon",
            "journal", "journaltitle", "journalsubtitle", "booktitle", "booksubtitle", "maintitle", "series",
            "edition", "publisher", "school", "institution", "organization", "howpublished", "type", "address",
            "location", "date", "year", "month", "day", "volume", "number", "issue", "chapter", "pages", "eid",
            "isbn", "issn", "doi", "pmid", "url", "urldate", "eprint", "eprinttype", "archiveprefix", "eprintclass",
            "primaryclass", "keywords", "language", "pubstate", "note", "addendum", "annote", "abstract");

    private static final Map<String, Integer> RANK = rank();

    /**
     * Quire's own fields (keys, the listing's scores, the screening decision), and fields that would make bibtex or
     * biber look up other entries or run code.
     */
    private static final Set<String> NEVER_WRITTEN = Set.of("citationkey", "entrytype", "protectedwords",
            "arxivcategory", "screeninglabel", "relevance", "code", "affiliations", "crossref", "xref", "xdata",
            "related", "relatedtype", "relatedstring", "relatedoptions", "entryset", "set", "ids", "execute",
            "options", "groups", "mendeley-tags");

    /** Further fields written whatever importer read the reference: those with this name mean the same in BibTeX. */
    private static final Set<String> STANDARD_FIELDS = Set.of("editor", "publisher", "address", "location",
            "edition", "series", "isbn", "issn", "language", "chapter", "organization", "institution", "school",
            "subtitle", "titleaddon", "addendum", "urldate", "version", "eid");

    /** Fields whose value is a URL, an identifier or a path: percent-encoded, never LaTeX. */
    private static final Set<String> VERBATIM = Set.of("url", "doi", "eprint", "file", "pdf", "verba", "verbb",
            "verbc", "biburl", "bdsk-url-1", "bdsk-url-2", "uri", "localfile", "urldate");

    /** What a field name may be: lower-case, as the importer keeps them, without anything that ends an entry. */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_:.+-]*");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Set<String> BIBTEX_TYPES = Set.of("article", "book", "booklet", "conference", "inbook",
            "incollection", "inproceedings", "manual", "mastersthesis", "misc", "phdthesis", "proceedings",
            "techreport", "unpublished");

    private static final Set<String> BIBLATEX_TYPES = Set.of("article", "book", "mvbook", "inbook", "bookinbook",
            "suppbook", "booklet", "collection", "mvcollection", "incollection", "suppcollection", "dataset",
            "manual", "misc", "online", "patent", "periodical", "suppperiodical", "proceedings", "mvproceedings",
            "inproceedings", "reference", "mvreference", "inreference", "report", "software", "thesis",
            "unpublished", "conference", "electronic", "mastersthesis", "phdthesis", "techreport", "www");

    /** The classic BibTeX writer with the default key pattern. */
    static final BibtexWriter BIBTEX = new BibtexWriter(Dialect.BIBTEX, Dialect.BIBTEX.defaultEncoding(),
            KeyPattern.DEFAULT);

    private final Dialect dialect;
    private final LatexEncoder.Encoding encoding;
    private final KeyPattern keyPattern;

    BibtexWriter(Dialect dialect, LatexEncoder.Encoding encoding, KeyPattern keyPattern) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.keyPattern = Objects.requireNonNull(keyPattern, "keyPattern");
        if (dialect == Dialect.BIBTEX && encoding != LatexEncoder.Encoding.ASCII) {
            throw new IllegalArgumentException("classic BibTeX is ASCII");
        }
    }

    /** Writes every reference as classic BibTeX, in order, keys unique within the output; does not close out. */
    static void write(List<Reference> references, Writer out) throws IOException {
        BIBTEX.writeAll(references, out);
    }

    /** The classic BibTeX entry for one reference under the given key. */
    static BibtexEntry entry(Reference reference, String key) {
        return BIBTEX.toEntry(reference, key);
    }

    /** Writes every reference, in order, with keys unique within the output; does not close {@code out}. */
    void writeAll(List<Reference> references, Writer out) throws IOException {
        List<String> keys = CitationKeys.assign(references, keyPattern);
        for (int i = 0; i < references.size(); i++) {
            if (i > 0) {
                out.write("\n");
            }
            out.write(toEntry(references.get(i), keys.get(i)).format());
        }
    }

    /** The classic BibTeX entry type for a kind of work. */
    static String entryType(ReferenceType type) {
        return entryType(Dialect.BIBTEX, type);
    }

    /** The entry type for a kind of work. */
    static String entryType(Dialect dialect, ReferenceType type) {
        if (dialect == Dialect.BIBLATEX) {
            return switch (type) {
                case ARTICLE -> "article";
                case CONFERENCE_PAPER -> "inproceedings";
                case CHAPTER -> "incollection";
                case BOOK -> "book";
                case THESIS -> "thesis";
                case REPORT -> "report";
                case PREPRINT, WEBPAGE, NEWSLETTER, NOTE -> "online";
                case DATASET -> "dataset";
                case SOFTWARE -> "software";
                case OTHER -> "misc";
            };
        }
        return switch (type) {
            case ARTICLE -> "article";
            case CONFERENCE_PAPER -> "inproceedings";
            case CHAPTER -> "incollection";
            case BOOK -> "book";
            case THESIS -> "phdthesis";
            case REPORT -> "techreport";
            case PREPRINT, WEBPAGE, NEWSLETTER, NOTE, DATASET, SOFTWARE, OTHER -> "misc";
        };
    }

    /** The field that holds the venue in a classic BibTeX entry of this kind of work. */
    static String venueField(ReferenceType type) {
        return venueField(Dialect.BIBTEX, entryType(Dialect.BIBTEX, type));
    }

    /** The field that holds the venue in an entry of this type. */
    static String venueField(Dialect dialect, String entryType) {
        boolean biblatex = dialect == Dialect.BIBLATEX;
        return switch (entryType) {
            case "article", "periodical", "suppperiodical" -> biblatex ? "journaltitle" : "journal";
            case "inproceedings", "conference", "incollection", "inbook", "bookinbook", "suppbook",
                 "suppcollection", "inreference" -> "booktitle";
            case "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference",
                 "mvreference", "dataset" -> "publisher";
            case "phdthesis", "mastersthesis" -> "school";
            case "thesis", "report", "techreport" -> "institution";
            case "manual", "online", "electronic", "www", "software" -> "organization";
            default -> "howpublished"; // misc, booklet, unpublished, patent
        };
    }

    /** The entry for one reference under the given key. */
    BibtexEntry toEntry(Reference reference, String key) {
        String type = chosenEntryType(reference);
        Map<String, BibtexEntry.Field> fields = new HashMap<>();
        String authors = BibtexNames.authors(reference.authors(), reference.authorsTruncated(), encoding);
        text(fields, "author", authors);
        if (authors.isEmpty() && dialect == Dialect.BIBTEX) {
            // BibTeX's field for sorting and labelling a work without author; without it bibtex warns.
            String title = text(reference.title());
            text(fields, "key", title.isEmpty() ? reference.venue().map(this::text).orElse("") : title);
        }
        text(fields, "title", title(reference));
        String venueField = venueField(dialect, type);
        venue(reference, type, venueField).ifPresent(venue -> text(fields, venueField, venue));
        if (dialect == Dialect.BIBLATEX && (type.equals("thesis") || type.equals("report"))) {
            String kind = reference.field("type").map(String::strip).filter(t -> !t.isEmpty())
                    .orElse(type.equals("thesis") ? "phdthesis" : "techreport");
            text(fields, "type", text(kind));
        }
        reference.issued().ifPresent(issued -> date(fields, issued));
        reference.volume().ifPresent(v -> text(fields, "volume", text(v)));
        reference.issue().ifPresent(v -> text(fields, "number", text(v)));
        reference.pages().ifPresent(v -> text(fields, "pages", text(pageRange(v))));
        reference.doi().ifPresent(v -> text(fields, "doi", LatexEncoder.url(v)));
        reference.pmid().ifPresent(v -> text(fields, "pmid", LatexEncoder.url(v)));
        reference.url().ifPresent(v -> {
            text(fields, "url", LatexEncoder.url(v));
            if (dialect == Dialect.BIBLATEX) {
                urlDate(reference).ifPresent(date -> text(fields, "urldate", date));
            }
        });
        reference.arxivId().ifPresent(id -> {
            text(fields, "eprint", text(id));
            if (dialect == Dialect.BIBLATEX) {
                text(fields, "eprinttype", "arxiv");
                arxivCategory(reference).ifPresent(c -> text(fields, "eprintclass", text(c)));
            } else {
                text(fields, "archivePrefix", "arXiv");
                arxivCategory(reference).ifPresent(c -> text(fields, "primaryClass", text(c)));
            }
        });
        text(fields, "keywords", keywords(reference.keywords()));
        reference.field("note").ifPresent(v -> text(fields, "note", text(v)));
        reference.abstractText().ifPresent(v -> text(fields, "abstract", text(v)));
        furtherFields(reference, fields);
        publicationState(reference, fields);
        List<BibtexEntry.Field> ordered = new ArrayList<>(fields.values());
        ordered.sort((a, b) -> {
            String x = a.name().toLowerCase(Locale.ROOT);
            String y = b.name().toLowerCase(Locale.ROOT);
            int byRank = Integer.compare(RANK.getOrDefault(x, ORDER.size()), RANK.getOrDefault(y, ORDER.size()));
            return byRank != 0 ? byRank : x.compareTo(y);
        });
        return new BibtexEntry(type, key, ordered);
    }

    /**
     * {@code 123-129} and {@code 123–129} as BibTeX writes a range: {@code 123--129}. Every run of dashes becomes
     * {@code --}, spaces around it dropped, as importers read any of them back as one hyphen; other no-break spaces
     * become spaces.
     */
    static String pageRange(String pages) {
        return pages.replaceAll("[\\s\\p{Z}]*[-\\u2010-\\u2015\\u2212]+[\\s\\p{Z}]*", "--")
                .replaceAll("\\p{Z}", " "); // no tie in a page number
    }

    /**
     * The entry type: the one the reference was read with, when it is valid here and still means the reference's
     * kind of work (the importer reads an arXiv {@code @article} or {@code @misc} as a preprint), else the type for
     * its kind of work.
     */
    private String chosenEntryType(Reference reference) {
        Set<String> valid = dialect == Dialect.BIBLATEX ? BIBLATEX_TYPES : BIBTEX_TYPES;
        return reference.field(ENTRY_TYPE_FIELD)
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(valid::contains)
                .filter(t -> {
                    ReferenceType meant = kindOf(t);
                    return meant == reference.type() || reference.type() == ReferenceType.PREPRINT
                            && (meant == ReferenceType.ARTICLE || meant == ReferenceType.OTHER
                                || meant == ReferenceType.WEBPAGE);
                })
                .orElseGet(() -> entryType(dialect, reference.type()));
    }

    /** The kind of work an entry type stands for, as the BibTeX importer reads it. */
    private static ReferenceType kindOf(String entryType) {
        return switch (entryType) {
            case "article", "suppperiodical" -> ReferenceType.ARTICLE;
            case "inproceedings", "conference" -> ReferenceType.CONFERENCE_PAPER;
            case "incollection", "inbook", "inreference", "bookinbook", "suppbook", "suppcollection" ->
                ReferenceType.CHAPTER;
            case "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "booklet",
                 "reference", "mvreference", "periodical" -> ReferenceType.BOOK;
            case "phdthesis", "mastersthesis", "thesis" -> ReferenceType.THESIS;
            case "techreport", "report", "manual" -> ReferenceType.REPORT;
            case "online", "electronic", "www" -> ReferenceType.WEBPAGE;
            case "dataset" -> ReferenceType.DATASET;
            case "software" -> ReferenceType.SOFTWARE;
            default -> ReferenceType.OTHER;
        };
    }

    private String title(Reference reference) {
        Optional<String> protectedWords = reference.field(PROTECTED_WORDS_FIELD);
        if (protectedWords.isPresent()) {
            List<String> words = List.of(protectedWords.get().split(","));
            return LatexEncoder.title(reference.title(), encoding, words);
        }
        return LatexEncoder.title(reference.title(), encoding);
    }

    /**
     * The venue as printed. In {@code howpublished}, an arXiv preprint says where to find it, as arXiv asks to be
     * cited ({@code arXiv:2401.01234 [cs.CL]}), since the classic styles do not print {@code eprint}; in biblatex's
     * {@code @online} a venue that only says "arXiv" is left to {@code eprinttype}.
     */
    private Optional<String> venue(Reference reference, String type, String venueField) {
        Optional<String> venue = reference.venue();
        boolean justArxiv = venue.map(v -> v.toLowerCase(Locale.ROOT).equals("arxiv")).orElse(true);
        if (reference.type() == ReferenceType.PREPRINT && reference.arxivId().isPresent() && justArxiv) {
            if (dialect == Dialect.BIBTEX && venueField.equals("howpublished")) {
                String where = "arXiv:" + reference.arxivId().get()
                        + arxivCategory(reference).map(c -> " [" + c + "]").orElse("");
                return Optional.of(text(where));
            }
            if (dialect == Dialect.BIBLATEX && (type.equals("online") || type.equals("misc"))) {
                return Optional.empty();
            }
        }
        return venue.map(this::text);
    }

    private void date(Map<String, BibtexEntry.Field> fields, IssuedDate issued) {
        if (dialect == Dialect.BIBLATEX) {
            // ISO 8601 to the known precision, the year in four digits (biber reads 0999, not 999)
            String year = (issued.year() < 0 ? "-" : "") + "%04d".formatted(Math.abs(issued.year()));
            String date = switch (issued.precision()) {
                case YEAR -> year;
                case MONTH -> year + "-%02d".formatted(issued.month());
                case DAY -> year + "-%02d-%02d".formatted(issued.month(), issued.day());
            };
            text(fields, "date", date);
            return;
        }
        text(fields, "year", Integer.toString(issued.year()));
        if (issued.precision().compareTo(DatePrecision.MONTH) >= 0) {
            put(fields, BibtexEntry.Field.macro("month", MONTHS[issued.month() - 1]));
        }
        if (issued.precision() == DatePrecision.DAY) {
            // not a field of the classic styles, which ignore it; importers read it, so the day is not lost
            text(fields, "day", Integer.toString(issued.day()));
        }
    }

    /** The day the URL was seen: the field {@code urldate} when it is an ISO date, else the day of import. */
    private static Optional<String> urlDate(Reference reference) {
        Optional<String> given = reference.field("urldate").map(String::strip);
        if (given.isPresent() && ISO_DATE.matcher(given.get()).matches()) {
            return given;
        }
        return reference.provenance().stream()
                .map(Provenance::importedAt)
                .filter(at -> !at.equals(Instant.EPOCH))
                .findFirst()
                .map(at -> at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    /**
     * Keywords as importers split them again: joined by commas, or by semicolons when a keyword holds a comma (with
     * a closing semicolon when there is only one, so that it is not split at its comma). A keyword holding a
     * semicolon is two; separators at a keyword's ends say nothing; each keyword once; one written without a letter
     * or digit (a placeholder) is left out.
     */
    private String keywords(List<String> keywords) {
        List<String> kept = keywords.stream()
                .flatMap(k -> java.util.Arrays.stream(k.split(";")))
                .map(k -> k.replaceAll("^[\\s,]+|[\\s,]+$", ""))
                .map(this::text)
                .filter(k -> k.codePoints().anyMatch(Character::isLetterOrDigit))
                .distinct()
                .toList();
        if (kept.stream().noneMatch(k -> k.contains(","))) {
            return String.join(", ", kept);
        }
        return String.join("; ", kept) + (kept.size() == 1 ? ";" : "");
    }

    /**
     * The further fields worth exporting: every field of a reference read from BibTeX that the entry does not have
     * yet, and from any reference the fields whose name means the same in BibTeX; never Quire's own or those that
     * make bibtex or biber follow other entries or run code.
     */
    private void furtherFields(Reference reference, Map<String, BibtexEntry.Field> fields) {
        boolean fromBibtex = reference.provenance().stream().anyMatch(p -> p.format().equals(BIBTEX_FORMAT));
        Map<String, String> further = new LinkedHashMap<>();
        reference.fields().forEach((name, value) -> further.put(name, value));
        for (Map.Entry<String, String> field : further.entrySet()) {
            String name = field.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (NEVER_WRITTEN.contains(lower) || fields.containsKey(lower) || !FIELD_NAME.matcher(name).matches()
                    || !(fromBibtex || STANDARD_FIELDS.contains(name))) {
                continue;
            }
            if (skippedIn(dialect, lower, field.getValue(), fields)) {
                continue;
            }
            String value;
            if (lower.equals("editor")) {
                value = BibtexNames.nameList(field.getValue(), encoding);
            } else if (VERBATIM.contains(lower)) {
                value = LatexEncoder.url(field.getValue());
            } else {
                value = text(field.getValue());
            }
            text(fields, lower, value);
        }
    }

    /**
     * Kept fields that would be wrong here. biblatex's {@code type} is written with the entry type, and its thesis
     * and report kinds mean nothing to BibTeX's styles, which would print them; biber accepts only dates in
     * {@code urldate}, and a {@code year}, {@code month} or {@code day} that could not be read as a date only
     * beside a {@code date} that could not either.
     */
    private static boolean skippedIn(Dialect dialect, String name, String value,
            Map<String, BibtexEntry.Field> fields) {
        if (dialect == Dialect.BIBTEX) {
            return name.equals("type") && Set.of("phdthesis", "mastersthesis", "techreport", "mathesis")
                    .contains(value.strip().toLowerCase(Locale.ROOT));
        }
        return switch (name) {
            case "type" -> true;
            case "urldate" -> !ISO_DATE.matcher(value.strip()).matches();
            // biber reads these as a date and warns about anything else; a year in words goes to pubstate
            case "year", "month", "day", "date" -> true;
            default -> false;
        };
    }

    /**
     * A year in words kept from BibTeX ("in press"), as biblatex's {@code pubstate} when it is one of its states,
     * else as {@code addendum}; biber accepts only numbers as a year.
     */
    private void publicationState(Reference reference, Map<String, BibtexEntry.Field> fields) {
        if (dialect != Dialect.BIBLATEX || reference.issued().isPresent()) {
            return;
        }
        reference.field("year").map(String::strip).filter(y -> !y.isEmpty()).ifPresent(year -> {
            String state = year.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (Set.of("inpress", "submitted", "forthcoming", "inpreparation", "prepublished").contains(state)) {
                text(fields, "pubstate", state);
            } else {
                text(fields, "addendum", text(year));
            }
        });
    }

    private static Optional<String> arxivCategory(Reference reference) {
        return reference.field("arxivCategory").map(String::strip).filter(c -> !c.isEmpty());
    }

    private String text(String value) {
        return LatexEncoder.text(value, encoding);
    }

    private static void text(Map<String, BibtexEntry.Field> fields, String name, String value) {
        if (!value.isEmpty()) {
            put(fields, BibtexEntry.Field.text(name, value));
        }
    }

    private static void put(Map<String, BibtexEntry.Field> fields, BibtexEntry.Field field) {
        fields.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field);
    }

    private static Map<String, Integer> rank() {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            rank.put(ORDER.get(i), i);
        }
        return Map.copyOf(rank);
    }
}
