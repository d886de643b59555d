package quire.importer.endnote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Identifiers;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/**
 * One {@code <record>} of an EndNote XML file: its text elements by path ({@code titles/title},
 * {@code contributors/authors/author}, ...), read from a StAX reader, and their mapping to a {@link Reference}.
 */
final class EndnoteRecord {

    /** The elements read, by path below {@code <record>}; everything else is skipped. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("ref-type", "rec-number",
            "contributors/authors/author", "contributors/secondary-authors/author",
            "contributors/tertiary-authors/author", "contributors/subsidiary-authors/author", "auth-address",
            "titles/title", "titles/secondary-title", "titles/tertiary-title", "titles/alt-title",
            "titles/short-title", "titles/translated-title", "periodical/full-title", "periodical/abbr-1",
            "pages", "volume", "number", "issue", "section", "edition", "dates/year", "dates/pub-dates/date",
            "isbn", "accession-num", "call-num", "electronic-resource-num", "urls/related-urls/url",
            "urls/web-urls/url", "urls/pdf-urls/url", "abstract", "keywords/keyword", "notes", "research-notes",
            "label", "language", "publisher", "pub-location", "work-type", "remote-database-name",
            "remote-database-provider", "access-date", "custom1", "custom2", "custom3", "custom4", "custom5",
            "custom6", "custom7");

    /** Elements kept as they are in a field of the same meaning, in this order (path, field). */
    private static final List<Map.Entry<String, String>> FIELDS = List.of(
            Map.entry("titles/alt-title", "altTitle"), Map.entry("titles/tertiary-title", "tertiaryTitle"),
            Map.entry("titles/short-title", "shortTitle"), Map.entry("titles/translated-title", "translatedTitle"),
            Map.entry("periodical/abbr-1", "venueAbbreviation"), Map.entry("section", "section"),
            Map.entry("edition", "edition"), Map.entry("accession-num", "accessionNumber"),
            Map.entry("call-num", "callNumber"), Map.entry("language", "language"),
            Map.entry("publisher", "publisher"), Map.entry("pub-location", "publisherPlace"),
            Map.entry("work-type", "workType"), Map.entry("remote-database-name", "remoteDatabaseName"),
            Map.entry("remote-database-provider", "remoteDatabaseProvider"), Map.entry("access-date", "accessDate"),
            Map.entry("rec-number", "endnoteRecordNumber"), Map.entry("custom1", "custom1"),
            Map.entry("custom2", "custom2"), Map.entry("custom3", "custom3"), Map.entry("custom4", "custom4"),
            Map.entry("custom5", "custom5"), Map.entry("custom6", "custom6"), Map.entry("custom7", "custom7"));

    private static final Pattern ISSN = Pattern.compile("^\\d{4}-?\\d{3}[\\dXx](\\s*\\(.*\\))?$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;\\r\\n]+");
    private static final int LONGEST_TAG = 40;

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private String refTypeName;

    private EndnoteRecord() {
    }

    /** Reads the record whose start tag the reader is on, up to and including its end tag. */
    static EndnoteRecord read(XMLStreamReader reader) throws XMLStreamException {
        EndnoteRecord record = new EndnoteRecord();
        List<String> path = new ArrayList<>();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                String at = path.isEmpty() ? name : String.join("/", path) + "/" + name;
                if (TEXT_ELEMENTS.contains(at)) {
                    if (at.equals("ref-type")) {
                        record.refTypeName = reader.getAttributeValue(null, "name");
                    }
                    String text = StyledText.read(reader);
                    if (!text.isBlank()) {
                        record.values.computeIfAbsent(at, k -> new ArrayList<>()).add(text);
                    }
                } else {
                    path.add(name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    return record;
                }
                path.removeLast();
            }
        }
    }

    /**
     * The reference, or empty after reporting an error when the record holds nothing to identify a work by.
     *
     * @param line the line of the record's start tag
     */
    Optional<Reference> toReference(String sourceName, int position, int line, int column, ImportSink sink) {
        String title = first("titles/title").map(StyledText::oneLine).orElse("");
        List<Person> authors = new ArrayList<>();
        boolean truncated = false;
        for (String name : all("contributors/authors/author")) {
            if (EndnoteName.isEtAl(name)) {
                truncated = true;
            } else {
                EndnoteName.parse(StyledText.oneLine(name)).ifPresent(authors::add);
            }
        }
        List<String> urls = all("urls/related-urls/url", "urls/web-urls/url").stream()
                .flatMap(u -> LIST_SEPARATOR.splitAsStream(u)).map(String::strip).filter(u -> !u.isEmpty())
                .distinct().toList();
        String doi = first("electronic-resource-num").flatMap(Identifiers::doi)
                .or(() -> urls.stream().map(Identifiers::doi).flatMap(Optional::stream).findFirst()).orElse(null);
        if (title.isEmpty() && authors.isEmpty() && doi == null && urls.isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, line, column,
                    "the record has no title, authors, DOI or URL; skipped it"));
            return Optional.empty();
        }
        if (title.isEmpty()) {
            sink.problem(ImportProblem.warning(sourceName, line, column,
                    "the record has no title (<titles><title>); kept it without one"));
        }
        Reference.Builder b = Reference.builder()
                .type(EndnoteType.of(refTypeName, first("ref-type").orElse(null)))
                .title(title)
                .authors(authors)
                .authorsTruncated(truncated)
                .venue(first("titles/secondary-title").or(() -> first("periodical/full-title"))
                        .map(StyledText::oneLine).orElse(null))
                .volume(oneLine("volume"))
                .issue(oneLine("number") != null ? oneLine("number") : oneLine("issue"))
                .pages(oneLine("pages"))
                .doi(doi)
                .abstractText(first("abstract").map(StyledText::paragraphs).orElse(null));
        Optional<String> database = database();
        Provenance provenance = Provenance.of(sourceName, EndnoteXmlParser.FORMAT, position, line);
        b.provenance(database.map(provenance::fromDatabase).orElse(provenance));
        pmid(database).ifPresent(b::pmid);

        Set<String> keywords = new LinkedHashSet<>();
        for (String keyword : all("keywords/keyword")) {
            LIST_SEPARATOR.splitAsStream(keyword).map(StyledText::oneLine).filter(k -> !k.isEmpty())
                    .forEach(keywords::add);
        }
        b.keywords(keywords);
        urls(b, urls);
        date(b, sourceName, line, sink);
        label(b);
        FIELDS.forEach(f -> oneLineJoined(f.getKey()).ifPresent(v -> b.field(f.getValue(), v)));
        people(b, "contributors/secondary-authors/author", "editors");
        people(b, "contributors/tertiary-authors/author", "tertiaryAuthors");
        people(b, "contributors/subsidiary-authors/author", "subsidiaryAuthors");
        joined("auth-address").ifPresent(v -> b.field("affiliations", v));
        first("notes").map(StyledText::paragraphs).filter(s -> !s.isEmpty()).ifPresent(v -> b.field("notes", v));
        first("research-notes").map(StyledText::paragraphs).filter(s -> !s.isEmpty())
                .ifPresent(v -> b.field("researchNotes", v));
        first("electronic-resource-num").map(StyledText::oneLine).filter(v -> Identifiers.doi(v).isEmpty())
                .ifPresent(v -> b.field("electronicResourceNumber", v));
        // EndNote keeps a journal's ISSN in the ISBN field
        List<String> numbers = all("isbn").stream().flatMap(v -> LIST_SEPARATOR.splitAsStream(v))
                .map(StyledText::oneLine).filter(s -> !s.isEmpty()).distinct().toList();
        if (!numbers.isEmpty()) {
            boolean issn = numbers.stream().allMatch(n -> ISSN.matcher(n).matches());
            b.field(issn ? "issn" : "isbn", String.join("; ", numbers));
        }
        return Optional.of(b.build());
    }

    /**
     * The database the record came from: EndNote's remote database name or provider, else "Web of Science" when the
     * accession number is a Web of Science one ("WOS:...", formerly "ISI:...").
     */
    private Optional<String> database() {
        Optional<String> named = first("remote-database-name").or(() -> first("remote-database-provider"))
                .map(StyledText::oneLine).filter(s -> !s.isEmpty());
        if (named.isPresent()) {
            return named;
        }
        return first("accession-num").map(StyledText::oneLine)
                .filter(a -> a.toUpperCase(Locale.ROOT).matches("^(WOS|ISI):\\S+$")).map(a -> "Web of Science");
    }

    /** The accession number is the PMID in records EndNote fetched from PubMed. */
    private Optional<String> pmid(Optional<String> database) {
        boolean pubmed = database.map(d -> d.toLowerCase(Locale.ROOT))
                .filter(d -> d.contains("pubmed") || d.contains("medline") || d.equals("nlm")).isPresent();
        return pubmed ? first("accession-num").map(String::strip).filter(a -> a.matches("\\d{1,9}")) : Optional.empty();
    }

    /** The first web address is the landing page; EndNote's placeholders ("&lt;Go to ISI&gt;://...") are kept aside. */
    private void urls(Reference.Builder b, List<String> urls) {
        Optional<String> web = urls.stream().filter(u -> u.matches("(?i)^(https?|ftp)://\\S+$")).findFirst();
        web.ifPresent(b::url);
        List<String> others = urls.stream().filter(u -> !u.equals(web.orElse(null))).toList();
        if (!others.isEmpty()) {
            b.field("urls", String.join(" ", others));
        }
        List<String> pdfs = all("urls/pdf-urls/url").stream().map(String::strip).toList();
        if (!pdfs.isEmpty()) {
            b.field("pdfUrls", String.join(" ", pdfs));
        }
    }

    private void date(Reference.Builder b, String sourceName, int line, ImportSink sink) {
        String year = oneLine("dates/year");
        String date = oneLine("dates/pub-dates/date");
        if (year == null && date == null) {
            return;
        }
        String text = String.join(" ", Stream.of(year, date).filter(Objects::nonNull).toList());
        Optional<EndnoteDate> parsed = EndnoteDate.parse(year, date);
        parsed.ifPresent(d -> b.issued(d.date()));
        if (parsed.isEmpty() || !parsed.get().exact()) {
            b.field("dateText", text);
        }
        if (parsed.isEmpty()) {
            sink.problem(ImportProblem.warning(sourceName, line, "the date \"" + text
                    + "\" has no year; kept the record without a date"));
        }
    }

    /** EndNote's label, often used as a list of the user's own labels ("B4", "included; full text"). */
    private void label(Reference.Builder b) {
        Optional<String> label = first("label").map(String::strip).filter(s -> !s.isEmpty());
        if (label.isEmpty()) {
            return;
        }
        b.field("label", StyledText.oneLine(label.get()));
        List<String> parts = LIST_SEPARATOR.splitAsStream(label.get()).map(StyledText::oneLine).toList();
        if (parts.stream().allMatch(p -> !p.isEmpty() && p.length() <= LONGEST_TAG)) {
            b.tags(parts.stream().distinct().toList());
        }
    }

    private void people(Reference.Builder b, String path, String field) {
        List<String> names = all(path).stream().map(StyledText::oneLine).filter(s -> !s.isEmpty()).toList();
        if (!names.isEmpty()) {
            b.field(field, String.join("; ", names));
        }
    }

    private Optional<String> first(String path) {
        List<String> list = values.get(path);
        return list == null ? Optional.empty() : Optional.of(list.getFirst());
    }

    private List<String> all(String... paths) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            out.addAll(values.getOrDefault(path, List.of()));
        }
        return out;
    }

    private String oneLine(String path) {
        return first(path).map(StyledText::oneLine).filter(s -> !s.isEmpty()).orElse(null);
    }

    private Optional<String> oneLineJoined(String path) {
        List<String> list = all(path).stream().map(StyledText::oneLine).filter(s -> !s.isEmpty()).distinct()
                .toList();
        return list.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", list));
    }

    private Optional<String> joined(String path) {
        List<String> list = all(path).stream().flatMap(v -> LIST_SEPARATOR.splitAsStream(v)).map(StyledText::oneLine)
                .filter(s -> !s.isEmpty()).distinct().toList();
        return list.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", list));
    }
}
