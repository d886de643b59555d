package quire.importer.ris;

import quire.importer.text.PersonNames;
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
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Turns one {@link RisRecord} into a {@link Reference}, reporting what it cannot use. Tags the model has a slot
 * for fill it; the others are kept in {@link Reference#fields()}, under a name when RIS says what they are
 * ({@code PB} is {@code publisher}) and as {@code risXX} when it does not ({@code M4}, {@code U3}), so that
 * nothing the file says is lost.
 */
final class RisMapping {

    private static final Map<String, ReferenceType> TYPES = types();
    // tags whose meaning is known, and the field that keeps them
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("A2", "editors"), Map.entry("ED", "editors"), Map.entry("A3", "tertiaryAuthors"),
            Map.entry("A4", "subsidiaryAuthors"), Map.entry("T3", "series"), Map.entry("ST", "shortTitle"),
            Map.entry("PB", "publisher"), Map.entry("CY", "place"), Map.entry("N1", "note"),
            Map.entry("AD", "addresses"), Map.entry("LA", "language"), Map.entry("AN", "accessionNumber"),
            Map.entry("C7", "articleNumber"), Map.entry("ID", "risId"), Map.entry("M3", "typeOfWork"),
            Map.entry("ET", "edition"), Map.entry("NV", "numberOfVolumes"), Map.entry("CN", "callNumber"),
            Map.entry("Y2", "accessDate"), Map.entry("L1", "pdf"), Map.entry("L2", "links"),
            Map.entry("L3", "links"), Map.entry("OP", "originalPublication"), Map.entry("RP", "reprint"),
            Map.entry("TT", "translatedTitle"), Map.entry("RN", "researchNotes"), Map.entry("CA", "caption"));
    private static final Set<String> SINGLE = Set.of("pdf", "risId");
    private static final Set<String> SEMICOLON_LISTS = Set.of("editors", "tertiaryAuthors", "subsidiaryAuthors",
            "issn", "isbn");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern ISSN = Pattern.compile("(\\d{4})-?(\\d{3}[\\dXx])");
    private static final Pattern ISBN = Pattern.compile("(?:97[89][- ]?)?(?:\\d[- ]?){9}[\\dXx]");
    private static final Pattern PMID_IN_TEXT = Pattern.compile("(?i)\\bPMID:?\\s*(\\d{1,9})\\b");
    private static final Pattern PUBMED_URL = Pattern.compile(
            "(?i)(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov|ncbi\\.nlm\\.nih\\.gov/pubmed)/(\\d{1,9})\\b");
    private static final Pattern ARXIV_URL = Pattern.compile("(?i)arxiv\\.org/(?:abs|pdf)/([^?#\\s]+?)(?:\\.pdf)?/?$");
    private static final Pattern ARXIV_DOI = Pattern.compile("(?i)^10\\.48550/arxiv\\.(.+)$");
    private static final Pattern DOI_URL = Pattern.compile("(?i)^https?://(?:dx\\.)?doi\\.org/|[?&]doi=");
    private static final Pattern SCOPUS_URL = Pattern.compile("(?i)^https?://(?:www\\.)?scopus\\.com/");

    private final String sourceName;

    RisMapping(String sourceName) {
        this.sourceName = sourceName;
    }

    /** The reference the record describes, or empty (with an error reported) when it describes nothing. */
    Optional<Reference> map(RisRecord record, ImportSink sink) {
        Problems problems = new Problems(record.line(), sink);
        Reference.Builder b = Reference.builder();
        List<String> titles = new ArrayList<>();
        List<String> fallbackTitles = new ArrayList<>();
        Map<String, String> venues = new LinkedHashMap<>(); // first value per tag
        Set<String> keywords = new LinkedHashSet<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> urls = new ArrayList<>();
        List<String> abstracts = new ArrayList<>();
        List<String> dois = new ArrayList<>();
        List<String> databases = new ArrayList<>();
        List<RisRecord.Entry> dates = new ArrayList<>();
        List<RisRecord.Entry> dayDates = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        String startPage = null;
        String endPage = null;
        String issue = null;
        String typeCode = null;
        boolean truncated = false;
        int authors = 0;

        for (RisRecord.Entry e : record.entries()) {
            String v = e.value();
            if (v.isEmpty()) {
                continue;
            }
            switch (e.tag()) {
                case "TY" -> typeCode = typeCode == null ? v : typeCode;
                case "TI", "T1" -> titles.add(oneLine(v));
                case "BT", "CT" -> fallbackTitles.add(oneLine(v));
                case "AU", "A1" -> {
                    for (String name : v.split("\n")) {
                        if (PersonNames.isEtAl(name)) {
                            truncated = true;
                        } else {
                            Optional<Person> person = PersonNames.parse(name);
                            if (person.isPresent()) {
                                b.author(person.get());
                                authors++;
                            }
                        }
                    }
                }
                case "PY", "Y1" -> dates.add(e);
                case "DA" -> dayDates.add(e);
                case "SP" -> startPage = startPage == null ? oneLine(v) : startPage;
                case "EP" -> endPage = endPage == null ? oneLine(v) : endPage;
                case "T2", "JF", "JO", "J2", "JA", "J1" -> venues.putIfAbsent(e.tag(), oneLine(v));
                case "AB", "N2" -> abstracts.add(v);
                case "KW" -> {
                    for (String keyword : v.split("[;\n]")) {
                        if (!keyword.isBlank()) {
                            keywords.add(oneLine(keyword));
                        }
                    }
                }
                case "DO", "DI" -> dois.add(v);
                case "UR" -> {
                    for (String url : v.split("[\\s;]+")) {
                        if (!url.isBlank()) {
                            urls.add(url);
                        }
                    }
                }
                case "SN" -> serials.add(v);
                case "VL" -> b.volume(oneLine(v));
                case "IS", "CP" -> issue = issue == null ? oneLine(v) : issue;
                case "DB", "DP" -> databases.add(oneLine(v));
                default -> fields.computeIfAbsent(FIELDS.getOrDefault(e.tag(), "ris" + e.tag()),
                        k -> new ArrayList<>()).add(v);
            }
        }

        // type
        ReferenceType type = ReferenceType.OTHER;
        if (typeCode == null) {
            problems.warning("the record has no TY (type) line; imported it as a reference of type other");
        } else {
            String code = typeCode.strip().toUpperCase(Locale.ROOT);
            type = TYPES.get(code);
            if (type == null) {
                problems.warning("unknown RIS type \"" + typeCode + "\"; imported it as a reference of type other");
                type = ReferenceType.OTHER;
            }
            b.field("risType", code);
        }

        // title: TI or T1; BT is a book's title in older RIS, CT an unpublished work's
        String title = !titles.isEmpty() ? titles.getFirst() : "";
        if (title.isEmpty() && !fallbackTitles.isEmpty()) {
            title = fallbackTitles.getFirst();
        } else if (!fallbackTitles.isEmpty() && !fallbackTitles.getFirst().equals(title)) {
            venues.putIfAbsent("BT", fallbackTitles.getFirst()); // a chapter's book
        }
        b.title(title);
        b.authorsTruncated(truncated);

        venue(venues, b);
        b.pages(pages(startPage, endPage));
        b.issue(issue);
        b.abstractText(abstracts.stream().reduce((x, y) -> y.length() > x.length() ? y : x).orElse(null));
        b.keywords(keywords);
        serials(serials, fields);
        date(dates, dayDates, problems).ifPresent(b::issued);

        // links: the first UR is the landing page; the others join L2 as further links
        if (!urls.isEmpty()) {
            b.url(urls.getFirst());
            if (urls.size() > 1) {
                fields.computeIfAbsent("links", k -> new ArrayList<>()).addAll(0, urls.subList(1, urls.size()));
            }
        }
        List<String> links = new ArrayList<>(urls);
        links.addAll(fields.getOrDefault("pdf", List.of()));
        links.addAll(fields.getOrDefault("links", List.of()));

        Optional<String> doi = doi(dois, links, problems);
        doi.ifPresent(b::doi);
        Optional<String> arxiv = arxiv(doi, links);
        arxiv.ifPresent(b::arxivId);
        if (arxiv.isPresent() && type == ReferenceType.OTHER && typeCode != null) {
            type = ReferenceType.PREPRINT; // "GEN" with an arXiv id: Lens and Citavi export preprints so
        }
        b.type(type);
        Optional<String> database = database(databases, urls, fields);
        Optional<String> pmid = pmid(fields, links, database);
        pmid.ifPresent(b::pmid);

        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            List<String> values = field.getValue().stream().distinct().toList();
            String name = field.getKey();
            if (SINGLE.contains(name)) {
                b.field(name, values.getFirst());
            } else {
                b.field(name, String.join(SEMICOLON_LISTS.contains(name) ? "; " : "\n", values));
            }
        }
        if (record.truncated()) {
            problems.warning("a value ran on for more than " + RisRecord.LONGEST_VALUE
                    + " characters of untagged lines; kept only its beginning");
        }

        if (title.isEmpty() && authors == 0) {
            boolean identified = doi.isPresent() || pmid.isPresent() || arxiv.isPresent()
                    || fields.containsKey("accessionNumber");
            if (!identified) {
                problems.error("the record has no title (TI or T1) and no authors (AU); skipped it");
                return Optional.empty();
            }
            problems.warning("the record has no title and no authors; kept it for its identifier");
        }
        Provenance provenance = Provenance.of(sourceName, RisParser.FORMAT, record.position(), record.line());
        b.provenance(database.map(provenance::fromDatabase).orElse(provenance));
        return Optional.of(b.build());
    }

    /** The full journal or book title as venue, and an abbreviation beside it in {@code venueAbbreviation}. */
    private static void venue(Map<String, String> venues, Reference.Builder b) {
        List<String> full = new ArrayList<>();
        for (String tag : List.of("JF", "T2", "JO", "BT")) {
            if (venues.containsKey(tag)) {
                full.add(venues.get(tag));
            }
        }
        List<String> abbreviations = new ArrayList<>();
        for (String tag : List.of("JA", "J2", "J1")) {
            if (venues.containsKey(tag)) {
                abbreviations.add(venues.get(tag));
            }
        }
        // JO is a full name for some tools and an abbreviation for others: an abbreviation when a full name is there
        if (venues.containsKey("JO") && (venues.containsKey("JF") || venues.containsKey("T2"))) {
            full.remove(venues.get("JO"));
            abbreviations.add(venues.get("JO"));
        }
        String venue = !full.isEmpty() ? full.getFirst() : abbreviations.isEmpty() ? null : abbreviations.getFirst();
        b.venue(venue);
        abbreviations.stream().filter(a -> !a.equals(venue)).findFirst()
                .ifPresent(a -> b.field("venueAbbreviation", a));
    }

    private static String pages(String start, String end) {
        if (start == null || start.isEmpty()) {
            return end;
        }
        if (end == null || end.isEmpty() || end.equals(start) || start.contains("-")) {
            return start;
        }
        return start + "-" + end;
    }

    /** SN holds an ISSN or an ISBN, or several of both; each goes to its own field in a normal form. */
    private static void serials(List<String> values, Map<String, List<String>> fields) {
        for (String value : values) {
            for (String part : value.split("[;,\n]|\\s(?=\\d{4}-?\\d{3}[\\dXx]\\b)")) {
                String p = part.replaceAll("\\([^)]*\\)", "").strip(); // "0022-3514 (Print)"
                if (p.isEmpty()) {
                    continue;
                }
                Matcher issn = ISSN.matcher(p);
                if (issn.matches()) {
                    fields.computeIfAbsent("issn", k -> new ArrayList<>())
                            .add(issn.group(1) + "-" + issn.group(2).toUpperCase(Locale.ROOT));
                } else if (ISBN.matcher(p).matches()) {
                    fields.computeIfAbsent("isbn", k -> new ArrayList<>()).add(p);
                } else {
                    fields.computeIfAbsent("serialNumber", k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    /**
     * The date from PY (or Y1), refined by DA when DA says more about the same year: EndNote writes the year in
     * PY and "Sep 15" in DA. A value that is no date is reported; a year found inside it is still used.
     */
    private static Optional<IssuedDate> date(List<RisRecord.Entry> years, List<RisRecord.Entry> days,
            Problems problems) {
        DateText date = null;
        for (RisRecord.Entry e : years) {
            Optional<DateText> parsed = read(e, problems);
            if (parsed.isPresent() && parsed.get().hasYear()) {
                date = parsed.get();
                break;
            }
        }
        for (RisRecord.Entry e : days) {
            Optional<DateText> parsed = read(e, problems);
            if (parsed.isEmpty()) {
                continue;
            }
            DateText d = parsed.get();
            if (date == null && d.hasYear()) {
                date = d;
            } else if (date != null && !d.hasYear()) {
                DateText combined = d.inYear(date.year());
                if (combined.refines(date)) {
                    date = combined;
                }
            } else if (date != null && d.refines(date)) {
                date = d;
            }
        }
        return date == null ? Optional.empty() : date.issued();
    }

    private static Optional<DateText> read(RisRecord.Entry e, Problems problems) {
        Optional<DateText> parsed = DateText.parse(e.value());
        if (parsed.isPresent()) {
            return parsed;
        }
        Matcher year = YEAR_IN_TEXT.matcher(e.value());
        if (year.find()) {
            problems.warning(e.line(), e.tag() + " \"" + oneLine(e.value()) + "\" is not a RIS date "
                    + "(year/month/day/); used only its year " + year.group(1));
            return Optional.of(new DateText(Integer.parseInt(year.group(1)), 0, 0));
        }
        problems.warning(e.line(), e.tag() + " \"" + oneLine(e.value()) + "\" is not a date "
                + "(RIS writes year/month/day/, e.g. 2001/09/01/); kept the record without it");
        return Optional.empty();
    }

    /** DO, else a DOI in a doi.org link or in a database link's doi= parameter (Scopus, SFX). */
    private static Optional<String> doi(List<String> dois, List<String> links, Problems problems) {
        for (String value : dois) {
            Optional<String> doi = Identifiers.doi(value);
            if (doi.isPresent()) {
                return doi;
            }
            problems.warning("DO \"" + oneLine(value) + "\" is not a DOI; left it out");
        }
        for (String link : links) {
            if (DOI_URL.matcher(link).find()) {
                String decoded = decode(link.replaceFirst("(?i)^.*[?&]doi=([^&]*).*$", "$1"));
                Optional<String> doi = Identifiers.doi(decoded);
                if (doi.isPresent()) {
                    return doi;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> arxiv(Optional<String> doi, List<String> links) {
        if (doi.isPresent()) {
            Matcher m = ARXIV_DOI.matcher(doi.get());
            if (m.matches()) {
                return Identifiers.arxiv(m.group(1));
            }
        }
        for (String link : links) {
            Matcher m = ARXIV_URL.matcher(link);
            if (m.find()) {
                Optional<String> id = Identifiers.arxiv(m.group(1));
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /** "PMID: 123" in AN, ID or a note; AN alone when the record is from PubMed; or a PubMed link. */
    private static Optional<String> pmid(Map<String, List<String>> fields, List<String> links,
            Optional<String> database) {
        for (String name : List.of("accessionNumber", "risId", "note", "risM1", "risC1")) {
            for (String value : fields.getOrDefault(name, List.of())) {
                Matcher m = PMID_IN_TEXT.matcher(value);
                if (m.find()) {
                    return Identifiers.pmid(m.group(1));
                }
            }
        }
        if (database.filter(d -> d.equals("PubMed") || d.equals("MEDLINE")).isPresent()) {
            for (String value : fields.getOrDefault("accessionNumber", List.of())) {
                Optional<String> pmid = Identifiers.pmid(value);
                if (pmid.isPresent()) {
                    return pmid;
                }
            }
        }
        for (String link : links) {
            Matcher m = PUBMED_URL.matcher(link);
            if (m.find()) {
                return Identifiers.pmid(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The database the record came from: DB or DP when the file says, else what the record's own link or
     * accession number shows (a Scopus record link; a Web of Science accession number WOS:...).
     */
    private static Optional<String> database(List<String> named, List<String> urls, Map<String, List<String>> fields) {
        if (!named.isEmpty()) {
            return Optional.of(Databases.normalise(named.getFirst()));
        }
        if (urls.stream().anyMatch(u -> SCOPUS_URL.matcher(u).find())) {
            return Optional.of(Databases.SCOPUS);
        }
        if (fields.getOrDefault("accessionNumber", List.of()).stream().anyMatch(a -> a.startsWith("WOS:"))) {
            return Optional.of(Databases.WEB_OF_SCIENCE);
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** A value for a one-line slot (title, venue): continuation lines joined with spaces. */
    private static String oneLine(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }

    private static Map<String, ReferenceType> types() {
        Map<String, ReferenceType> t = new LinkedHashMap<>();
        for (String code : List.of("JOUR", "JFULL", "EJOUR", "ABST", "INPR", "MGZN", "NEWS", "SER", "CASE")) {
            t.put(code, ReferenceType.ARTICLE);
        }
        for (String code : List.of("CONF", "CPAPER")) {
            t.put(code, ReferenceType.CONFERENCE_PAPER);
        }
        for (String code : List.of("BOOK", "EBOOK", "EDBOOK", "CLSWK")) {
            t.put(code, ReferenceType.BOOK);
        }
        for (String code : List.of("CHAP", "ECHAP", "DICT", "ENCYC")) {
            t.put(code, ReferenceType.CHAPTER);
        }
        t.put("THES", ReferenceType.THESIS);
        for (String code : List.of("RPRT", "GOVDOC", "STAND", "GRANT", "LEGAL", "BILL", "STAT", "HEAR", "PAT")) {
            t.put(code, ReferenceType.REPORT);
        }
        for (String code : List.of("ELEC", "WEB", "BLOG", "ICOMM")) {
            t.put(code, ReferenceType.WEBPAGE);
        }
        for (String code : List.of("DATA", "DBASE", "AGGR")) {
            t.put(code, ReferenceType.DATASET);
        }
        t.put("COMP", ReferenceType.SOFTWARE);
        t.put("MULTI", ReferenceType.SOFTWARE);
        for (String code : List.of("UNPB", "MANSCPT")) {
            t.put(code, ReferenceType.PREPRINT);
        }
        t.put("PCOMM", ReferenceType.NOTE);
        for (String code : List.of("GEN", "ART", "ADVS", "CHART", "CTLG", "FIGURE", "MAP", "MPCT", "MUSIC",
                "SLIDE", "SOUND", "UNBILL", "VIDEO", "EQUA", "ANCIENT")) {
            t.put(code, ReferenceType.OTHER);
        }
        return Map.copyOf(t);
    }

    /** Problems of one record, at its first line unless a tag's own line is known. */
    private final class Problems {
        private final int line;
        private final ImportSink sink;

        Problems(int line, ImportSink sink) {
            this.line = line;
            this.sink = sink;
        }

        void warning(String message) {
            sink.problem(ImportProblem.warning(sourceName, line, message));
        }

        void warning(int at, String message) {
            sink.problem(ImportProblem.warning(sourceName, at, message));
        }

        void error(String message) {
            sink.problem(ImportProblem.error(sourceName, line, message));
        }
    }
}
