package quire.importer.csv;

import quire.importer.text.DateText;
import quire.importer.text.Databases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Identifiers;
import quire.api.model.IssuedDate;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Turns one row of a table into a {@link Reference}, by the columns its {@link TableHeader} found. Columns the
 * model has no slot for but whose meaning is known go to named fields ({@code issn}, {@code publisher},
 * {@code screeningLabel}...); in a table of no known dialect, every other column is kept too, as a field named
 * after its header, because a person made it and may have put anything there. Vendor columns with no place
 * (citation counts, funding) are left out.
 */
final class RowMapping {

    private static final Pattern PUBMED_URL = Pattern.compile(
            "(?i)(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov|ncbi\\.nlm\\.nih\\.gov/pubmed)/(\\d{1,9})\\b");
    private static final Pattern ARXIV_URL = Pattern.compile("(?i)arxiv\\.org/(?:abs|pdf)/([^?#\\s]+?)(?:\\.pdf)?/?$");
    private static final Pattern ARXIV_DOI = Pattern.compile("(?i)^10\\.48550/arxiv\\.(.+)$");
    private static final Pattern DOI_IN_URL = Pattern.compile("(?i)(?:doi\\.org/|[?&](?:rft_)?(?:doi|id)=(?:doi:)?)"
            + "(10\\.[^&#\\s]+)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?:\\.0)?(?!\\d)");
    private static final Pattern ISSN = Pattern.compile("(\\d{4})-?(\\d{3}[\\dXx])");
    private static final Pattern NO_VALUE = Pattern.compile("(?i)\\[no abstract available]|\\[no title available]");
    private static final int QUOTE = 60;

    private final String sourceName;
    private final String format;
    private final TableHeader header;

    RowMapping(String sourceName, String format, TableHeader header) {
        this.sourceName = sourceName;
        this.format = format;
        this.header = header;
    }

    /** The reference of {@code row}, or empty (with the error reported) when the row names no work. */
    Optional<Reference> map(List<String> row, int line, int position, ImportSink sink) {
        Cells cells = new Cells(row);
        Reference.Builder b = Reference.builder();
        Map<String, String> fields = new LinkedHashMap<>();

        String title = oneLine(cells.first(Column.TITLE).orElse(""));
        Optional<String> originalTitle = cells.first(Column.ORIGINAL_TITLE).map(RowMapping::oneLine);
        if (title.isEmpty() && originalTitle.isPresent()) {
            title = originalTitle.get();
        } else {
            originalTitle.filter(t -> !t.equals(cells.first(Column.TITLE).orElse(""))).ifPresent(
                    t -> fields.put("originalTitle", t));
        }
        b.title(title);

        Optional<String> names = cells.first(Column.AUTHOR_FULL_NAMES).or(() -> cells.first(Column.AUTHORS));
        names.map(AuthorList::parse).ifPresent(list -> b.authors(list.persons()).authorsTruncated(list.truncated()));

        Optional<EmbaseCitation> citation = cells.first(Column.CITATION).flatMap(EmbaseCitation::parse);
        cells.first(Column.VENUE).or(() -> citation.map(EmbaseCitation::venue)).map(RowMapping::oneLine)
                .ifPresent(b::venue);
        cells.first(Column.VOLUME).or(() -> citation.flatMap(EmbaseCitation::volume)).ifPresent(b::volume);
        cells.first(Column.ISSUE).or(() -> citation.flatMap(EmbaseCitation::issue)).ifPresent(b::issue);
        pages(cells).or(() -> citation.flatMap(EmbaseCitation::pages)).ifPresent(b::pages);
        date(cells, citation, line, sink).ifPresent(b::issued);

        List<String> links = cells.all(Column.URL);
        links.stream().findFirst().ifPresent(b::url);
        cells.first(Column.PDF).ifPresent(pdf -> fields.put("pdf", pdf));
        Optional<String> doi = doi(cells, links, line, sink);
        doi.ifPresent(b::doi);
        Optional<String> pmid = cells.first(Column.PMID).flatMap(RowMapping::pmid)
                .or(() -> links.stream().map(RowMapping::pmid).flatMap(Optional::stream).findFirst());
        pmid.ifPresent(b::pmid);
        Optional<String> arxiv = cells.first(Column.ARXIV).flatMap(RowMapping::arxiv)
                .or(() -> doi.map(ARXIV_DOI::matcher).filter(Matcher::matches)
                        .flatMap(m -> Identifiers.arxiv(m.group(1))))
                .or(() -> links.stream().map(RowMapping::arxiv).flatMap(Optional::stream).findFirst());
        arxiv.ifPresent(b::arxivId);

        cells.first(Column.ABSTRACT).filter(a -> !NO_VALUE.matcher(a.strip()).matches())
                .or(() -> cells.first(Column.ORIGINAL_ABSTRACT)).ifPresent(b::abstractText);
        b.keywords(keywords(cells.all(Column.KEYWORDS)));
        b.type(type(cells, arxiv.isPresent()));

        cells.first(Column.VENUE_ABBREVIATION).map(RowMapping::oneLine)
                .ifPresent(a -> fields.put("venueAbbreviation", a));
        cells.first(Column.ARTICLE_NUMBER).ifPresent(v -> fields.put("articleNumber", v));
        cells.first(Column.DOCUMENT_TYPE).or(() -> cells.first(Column.PUBLICATION_TYPE))
                .ifPresent(v -> fields.put("documentType", v));
        issns(cells.all(Column.ISSN)).ifPresent(v -> fields.put("issn", v));
        cells.all(Column.ISBN).stream().reduce((x, y) -> x + "; " + y).ifPresent(v -> fields.put("isbn", v));
        cells.first(Column.PUBLISHER).ifPresent(v -> fields.put("publisher", v));
        cells.first(Column.LANGUAGE).ifPresent(v -> fields.put("language", v));
        cells.first(Column.AFFILIATIONS).ifPresent(v -> fields.put("addresses", v));
        cells.first(Column.CORRESPONDENCE_ADDRESS).ifPresent(v -> fields.put("correspondenceAddress", v));
        cells.first(Column.EDITORS).ifPresent(v -> fields.put("editors", v));
        cells.first(Column.CONFERENCE).ifPresent(v -> fields.put("conference", v));
        cells.first(Column.NOTE).ifPresent(v -> fields.put("note", v));
        cells.first(Column.RECORD_ID).ifPresent(v -> fields.put("recordId", v));
        Optional<String> eid = cells.first(Column.SCOPUS_EID);
        eid.ifPresent(v -> fields.put("scopusEid", v));
        Optional<String> accession = cells.first(Column.ACCESSION_NUMBER);
        accession.ifPresent(v -> fields.put("accessionNumber", v));
        Optional<String> openalex = cells.first(Column.OPENALEX_ID);
        openalex.ifPresent(v -> fields.put("openalexId", v));
        label(cells, line, sink).ifPresent(v -> fields.put(ScreeningLabel.FIELD, v));
        for (Map.Entry<Integer, String> extra : header.extras().entrySet()) {
            cells.at(extra.getKey()).ifPresent(v -> fields.putIfAbsent(extra.getValue(), v));
        }
        fields.forEach(b::field);

        boolean identified = doi.isPresent() || pmid.isPresent() || arxiv.isPresent() || eid.isPresent()
                || accession.isPresent() || openalex.isPresent();
        if (title.isEmpty()) {
            if (!identified) {
                sink.problem(ImportProblem.error(sourceName, line, "the row has no title and no identifier (DOI, "
                        + "PMID, arXiv id or the database's own id); skipped it"));
                return Optional.empty();
            }
            sink.problem(ImportProblem.warning(sourceName, line, "the row has no title; kept it for its identifier"));
        }
        Provenance provenance = Provenance.of(sourceName, format, position, line);
        Optional<String> database = cells.first(Column.DATABASE).map(Databases::normalise)
                .or(header.dialect()::database);
        b.provenance(database.map(provenance::fromDatabase).orElse(provenance));
        return Optional.of(b.build());
    }

    private static Optional<String> pages(Cells cells) {
        Optional<String> pages = cells.first(Column.PAGES);
        if (pages.isPresent()) {
            return pages;
        }
        Optional<String> start = cells.first(Column.PAGE_START);
        Optional<String> end = cells.first(Column.PAGE_END);
        if (start.isEmpty()) {
            return end;
        }
        if (end.isEmpty() || end.equals(start) || start.get().contains("-")) {
            return start;
        }
        return Optional.of(start.get() + "-" + end.get());
    }

    /**
     * The year column, made more precise by a date column of the same year (or of none: Web of Science's PD is
     * "JAN 15"), else Embase's citation. Never more precise than the text.
     */
    private Optional<IssuedDate> date(Cells cells, Optional<EmbaseCitation> citation, int line, ImportSink sink) {
        DateText date = null;
        Optional<String> yearText = cells.first(Column.YEAR);
        if (yearText.isPresent()) {
            Matcher m = YEAR.matcher(yearText.get().strip());
            if (m.matches() && Integer.parseInt(m.group(1)) != 0) {
                date = new DateText(Integer.parseInt(m.group(1)), 0, 0);
            } else {
                Optional<DateText> parsed = DateText.parse(yearText.get()).filter(DateText::hasYear);
                if (parsed.isEmpty()) {
                    warn(sink, line, "the year \"" + quote(yearText.get())
                            + "\" is not a year; kept the row without it");
                }
                date = parsed.orElse(null);
            }
        }
        List<String> dates = new ArrayList<>(cells.all(Column.DATE));
        citation.flatMap(EmbaseCitation::date).ifPresent(dates::add);
        if (date == null && citation.isPresent()) {
            date = new DateText(citation.get().year(), 0, 0);
        }
        for (String text : dates) {
            Optional<DateText> parsed = DateText.parse(text);
            if (parsed.isEmpty()) {
                continue; // a season or free text beside a year: the year stands
            }
            DateText d = parsed.get();
            if (date == null) {
                date = d.hasYear() ? d : null;
            } else if (!d.hasYear()) {
                DateText combined = d.inYear(date.year());
                date = combined.refines(date) ? combined : date;
            } else if (d.refines(date)) {
                date = d;
            }
        }
        return date == null ? Optional.empty() : date.issued();
    }

    /** The DOI column, else a DOI in a link (Scopus's doi=, Embase's id=doi:, a doi.org link). */
    private Optional<String> doi(Cells cells, List<String> links, int line, ImportSink sink) {
        Optional<String> text = cells.first(Column.DOI);
        if (text.isPresent()) {
            Optional<String> doi = Identifiers.doi(text.get());
            if (doi.isPresent()) {
                return doi;
            }
            warn(sink, line, "\"" + quote(text.get()) + "\" in the DOI column is not a DOI; left it out");
        }
        for (String link : links) {
            Matcher m = DOI_IN_URL.matcher(decode(link));
            if (m.find()) {
                Optional<String> doi = Identifiers.doi(m.group(1));
                if (doi.isPresent()) {
                    return doi;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pmid(String text) {
        Matcher m = PUBMED_URL.matcher(text);
        return m.find() ? Identifiers.pmid(m.group(1)) : Identifiers.pmid(text.replaceFirst("\\.0$", ""));
    }

    private static Optional<String> arxiv(String text) {
        Matcher m = ARXIV_URL.matcher(text.strip());
        return m.find() ? Identifiers.arxiv(m.group(1)) : Identifiers.arxiv(text);
    }

    /**
     * Keywords from every keyword column, each split on semicolons, or on commas outside parentheses when there
     * are none (Embase: "cyst (diagnosis, surgery), colonoscopy"); the same keyword once.
     */
    static List<String> keywords(List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (String value : values) {
            List<String> parts = value.contains(";") ? List.of(value.split(";")) : splitOutsideParentheses(value);
            for (String part : parts) {
                String k = oneLine(part);
                if (!k.isEmpty() && seen.add(k.toLowerCase(Locale.ROOT))) {
                    keywords.add(k);
                }
            }
        }
        return keywords;
    }

    private static List<String> splitOutsideParentheses(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if ((c == ',' || c == '\n') && depth == 0) {
                parts.add(value.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(value.substring(from));
        return parts;
    }

    private static ReferenceType type(Cells cells, boolean arxiv) {
        Optional<ReferenceType> type = cells.first(Column.DOCUMENT_TYPE).flatMap(DocumentTypes::of)
                .or(() -> cells.first(Column.PUBLICATION_TYPE).flatMap(DocumentTypes::ofPublicationType));
        // a table that does not say what its rows are: an arXiv id says preprint, nothing else says anything
        return type.orElse(arxiv ? ReferenceType.PREPRINT : ReferenceType.OTHER);
    }

    /** ISSNs in the form 1234-567X, several joined with "; "; a value that is no ISSN as written. */
    private static Optional<String> issns(List<String> values) {
        List<String> normal = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split("[;,\\s]+")) {
                Matcher m = ISSN.matcher(part.strip());
                if (m.matches()) {
                    normal.add(m.group(1) + "-" + m.group(2).toUpperCase(Locale.ROOT));
                } else if (!part.isBlank()) {
                    normal.add(part.strip());
                }
            }
        }
        return normal.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", normal.stream().distinct().toList()));
    }

    private Optional<String> label(Cells cells, int line, ImportSink sink) {
        for (int index : header.indexes(Column.LABEL)) {
            Optional<String> value = cells.at(index);
            if (value.isEmpty()) {
                continue;
            }
            Optional<String> label = ScreeningLabel.read(value.get());
            if (label == null) {
                warn(sink, line, "the label \"" + quote(value.get()) + "\" is neither include (1, yes, true) nor "
                        + "exclude (0, no, false); kept the row unlabelled");
                return Optional.empty();
            }
            return label;
        }
        return Optional.empty();
    }

    private void warn(ImportSink sink, int line, String message) {
        sink.problem(ImportProblem.warning(sourceName, line, message));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }

    private static String quote(String value) {
        String v = oneLine(value);
        return v.length() <= QUOTE ? v : v.substring(0, QUOTE) + "...";
    }

    /** The non-blank cells of a row by column, in the header's order of preference. */
    private final class Cells {
        private final List<String> row;

        Cells(List<String> row) {
            this.row = row;
        }

        Optional<String> at(int index) {
            return index < row.size() ? Optional.of(row.get(index).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        }

        Optional<String> first(Column column) {
            for (int index : header.indexes(column)) {
                Optional<String> value = at(index);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }

        List<String> all(Column column) {
            List<String> values = new ArrayList<>();
            for (int index : header.indexes(column)) {
                at(index).ifPresent(values::add);
            }
            return values;
        }
    }
}
