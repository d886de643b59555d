package quire.importer.bibtex;

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
import quire.api.model.DatePrecision;
import quire.api.model.Identifiers;
import quire.api.model.IssuedDate;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Maps a BibTeX entry (after inheritance) onto a {@link Reference}.
 *
 * <ul>
 * <li>The key goes to the field {@code citationKey} (a key the BibTeX exporter keeps), the entry type to
 *     {@code entryType}; the title's brace-protected words to {@code protectedWords}, comma-separated.</li>
 * <li>The venue is {@code journal}/{@code journaltitle}, else {@code booktitle}, else by type the
 *     {@code school} or {@code institution} of a thesis, the {@code institution} of a report, the
 *     {@code publisher} of a book, the {@code howpublished} of anything else.</li>
 * <li>Identifiers: {@code doi} (or one inside {@code url} or {@code note}), arXiv from {@code eprint} with
 *     {@code archivePrefix}/{@code eprinttype} (its {@code primaryClass}/{@code eprintclass} in
 *     {@code arxivCategory}), from an arxiv.org URL or from "arXiv:..." in the venue; PubMed from {@code pmid},
 *     {@code eprinttype = pubmed} or "PMID: ..." in the note.</li>
 * <li>{@code keywords} split at {@code ;} when there is one, else at {@code ,}; JabRef's {@code groups} and
 *     Mendeley's {@code mendeley-tags} become tags; JabRef's and Zotero's {@code file} is kept as written.</li>
 * <li>Every other field is kept, decoded, under its lower-case name; so are values that could not be read into
 *     the model (a {@code year} of "in press", a {@code doi} that is not one).</li>
 * </ul>
 */
final class EntryMapping {

    /** Fields whose value is a URL, an identifier or a path, not LaTeX text. */
    private static final Set<String> VERBATIM = Set.of("url", "doi", "eprint", "file", "pdf", "verba", "verbb",
            "verbc", "biburl", "bdsk-url-1", "bdsk-url-2", "uri", "localfile", "urldate");

    private static final Pattern NOTE_PMID = Pattern.compile("(?i)\\bPMID:?\\s*(\\d{1,9})\\b");
    private static final Pattern VENUE_ARXIV = Pattern.compile("(?i)arxiv:\\s*([a-z.\\-]+/\\d{7}|\\d{4}\\.\\d{4,5})");
    private static final Pattern DOI_ARXIV = Pattern.compile("(?i)^10\\.48550/arxiv\\.(.+)$");

    private EntryMapping() {
    }

    /** The reference for an entry (without id), with its provenance. */
    static Reference toReference(RawEntry entry, Provenance provenance) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (RawEntry.Field f : entry.fields()) {
            raw.put(f.name(), f.value());
        }
        Reference.Builder b = Reference.builder();
        b.field("citationKey", entry.key());
        b.field("entryType", entry.type());
        ReferenceType type = type(entry.type());

        String title = raw.remove("title");
        if (title != null) {
            Set<String> words = new LinkedHashSet<>();
            b.title(LatexDecoder.decodeTitle(title, words));
            if (!words.isEmpty()) {
                b.field("protectedWords", String.join(",", words));
            }
        }
        String author = raw.remove("author");
        if (author != null) {
            NameList names = NameList.parse(author);
            b.authors(names.people());
            b.authorsTruncated(names.truncated());
        }
        String editor = raw.remove("editor");
        if (editor != null) {
            b.field("editor", NameList.parse(editor).format());
        }

        String url = take(raw, "url", true);
        String howPublished = raw.get("howpublished");
        if (howPublished != null && (howPublished.contains("\\url") || howPublished.startsWith("http"))) {
            raw.remove("howpublished");
            if (url == null) {
                url = LatexDecoder.verbatim(howPublished);
            }
        }
        String venue = venue(raw, type);

        issued(raw, b);
        b.volume(take(raw, "volume", false));
        String number = take(raw, "number", false);
        if (number != null) {
            b.issue(number);
        } else {
            b.issue(take(raw, "issue", false));
        }
        String pages = take(raw, "pages", false);
        if (pages != null) {
            b.pages(pageRange(pages));
        }

        // identifiers
        String doi = take(raw, "doi", true);
        String arxiv = null;
        String pmid = null;
        String eprint = take(raw, "eprint", true);
        String eprintType = Optional.ofNullable(take(raw, "eprinttype", false))
                .orElseGet(() -> take(raw, "archiveprefix", false));
        String eprintClass = Optional.ofNullable(take(raw, "eprintclass", false))
                .orElseGet(() -> take(raw, "primaryclass", false));
        if (eprint != null) {
            String kind = eprintType == null ? "" : eprintType.toLowerCase(Locale.ROOT);
            if (kind.equals("arxiv") || kind.isEmpty() && Identifiers.arxiv(eprint).isPresent()) {
                arxiv = eprint;
            } else if (kind.equals("pubmed")) {
                pmid = eprint;
            } else if (kind.equals("doi") && doi == null) {
                doi = eprint;
            } else {
                b.field("eprint", eprint);
                if (eprintType != null) {
                    b.field("eprinttype", eprintType);
                }
            }
        }
        String note = take(raw, "note", false);
        if (note != null) {
            b.field("note", note);
        }
        String pmidField = take(raw, "pmid", false);
        if (pmidField != null) {
            pmid = pmidField;
        }
        if (doi == null && url != null && (url.contains("doi.org/") || url.contains("/doi/"))) {
            doi = Identifiers.doi(url).orElse(null);
        }
        if (doi == null && note != null && note.contains("10.")) {
            doi = Identifiers.doi(note).orElse(null);
        }
        if (pmid == null && note != null) {
            Matcher m = NOTE_PMID.matcher(note);
            if (m.find()) {
                pmid = m.group(1);
            }
        }
        if (arxiv == null && url != null && url.contains("arxiv.org/")) {
            arxiv = Identifiers.arxiv(url).orElse(null);
        }
        if (arxiv == null && doi != null) {
            Matcher m = DOI_ARXIV.matcher(doi.strip());
            if (m.matches()) {
                arxiv = m.group(1);
            }
        }
        if (arxiv == null && venue != null) {
            Matcher m = VENUE_ARXIV.matcher(venue);
            if (m.find()) {
                arxiv = m.group(1);
            }
        }
        if (doi != null) {
            b.doi(doi);
            // the model drops a value that is not a DOI; keep it as a field (the plain form skips the check)
            if (!(doi.startsWith("10.") && doi.indexOf('/') > 3 && doi.indexOf(' ') < 0)
                    && Identifiers.doi(doi).isEmpty()) {
                b.field("doi", doi);
            }
        }
        if (arxiv != null) {
            b.arxivId(arxiv);
            if (Identifiers.arxiv(arxiv).isEmpty()) {
                b.field("eprint", arxiv);
            } else if (eprintClass != null) {
                b.field("arxivCategory", eprintClass);
            }
        } else if (eprintClass != null) {
            b.field("eprintclass", eprintClass);
        }
        if (pmid != null) {
            b.pmid(pmid);
            if (Identifiers.pmid(pmid).isEmpty()) {
                b.field("pmid", pmid);
            }
        }
        b.url(url);

        // a preprint: arXiv's own export is @misc, Google Scholar's is @article in "arXiv preprint arXiv:..."
        if (arxiv != null && Identifiers.arxiv(arxiv).isPresent()
                && (type == ReferenceType.ARTICLE || type == ReferenceType.OTHER || type == ReferenceType.WEBPAGE)
                && (venue == null || venue.toLowerCase(Locale.ROOT).contains("arxiv"))) {
            type = ReferenceType.PREPRINT;
            if (venue == null) {
                venue = "arXiv";
            }
        }
        b.type(type);
        b.venue(venue);

        String abstractText = take(raw, "abstract", false);
        b.abstractText(abstractText);
        List<String> keywords = new ArrayList<>();
        for (String name : new String[] {"keywords", "keyword"}) {
            String value = take(raw, name, false);
            if (value != null) {
                keywords.addAll(split(value, value.indexOf(';') >= 0 ? ';' : ','));
            }
        }
        b.keywords(distinct(keywords));
        List<String> tags = new ArrayList<>();
        for (String name : new String[] {"groups", "mendeley-tags"}) {
            String value = take(raw, name, false);
            if (value != null) {
                tags.addAll(split(value, ','));
            }
        }
        b.tags(distinct(tags));
        String file = raw.remove("file");
        if (file != null) {
            b.field("file", file); // JabRef's description:path:type list, escapes and all
        }

        Optional<String> database = database(raw, url);
        for (Map.Entry<String, String> rest : raw.entrySet()) {
            String name = rest.getKey();
            String value = VERBATIM.contains(name) ? LatexDecoder.verbatim(rest.getValue())
                    : LatexDecoder.decode(rest.getValue());
            if (!value.isEmpty()) {
                b.field(name, value);
            }
        }
        b.provenance(database.map(provenance::fromDatabase).orElse(provenance));
        return b.build();
    }

    /** The reference type of a BibTeX or biblatex entry type. */
    static ReferenceType type(String entryType) {
        return switch (entryType) {
            case "article", "suppperiodical" -> ReferenceType.ARTICLE;
            case "inproceedings", "conference" -> ReferenceType.CONFERENCE_PAPER;
            case "incollection", "inbook", "inreference", "bookinbook", "suppbook", "suppcollection" ->
                ReferenceType.CHAPTER;
            case "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "booklet",
                 "reference", "mvreference", "periodical" -> ReferenceType.BOOK;
            case "phdthesis", "mastersthesis", "thesis" -> ReferenceType.THESIS;
            case "techreport", "report", "manual" -> ReferenceType.REPORT;
            case "online", "electronic", "www", "webpage" -> ReferenceType.WEBPAGE;
            case "preprint" -> ReferenceType.PREPRINT;
            case "dataset", "data" -> ReferenceType.DATASET;
            case "software", "softwareversion", "softwaremodule", "codefragment" -> ReferenceType.SOFTWARE;
            default -> ReferenceType.OTHER; // misc, unpublished, patent, standard and the unknown
        };
    }

    /** The venue, decoded, taking the field it came from out of {@code raw}. */
    private static String venue(Map<String, String> raw, ReferenceType type) {
        List<String> candidates = new ArrayList<>(List.of("journal", "journaltitle", "booktitle"));
        switch (type) {
            case THESIS -> candidates.addAll(List.of("school", "institution"));
            case REPORT -> candidates.add("institution");
            case BOOK -> candidates.add("publisher");
            case OTHER, WEBPAGE, DATASET, SOFTWARE -> candidates.add("howpublished");
            default -> {
            }
        }
        for (String name : candidates) {
            String value = take(raw, name, false);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The issued date from {@code date}, else {@code year}, {@code month}, {@code day}; the unread kept as fields. */
    private static void issued(Map<String, String> raw, Reference.Builder b) {
        String date = take(raw, "date", false);
        String year = take(raw, "year", false);
        String month = take(raw, "month", false);
        String day = take(raw, "day", false);
        Optional<IssuedDate> issued = Optional.empty();
        if (date != null) {
            issued = BibtexDates.fromDate(date);
            if (issued.isEmpty()) {
                b.field("date", date);
            }
        }
        if (issued.isEmpty() && year != null) {
            issued = BibtexDates.fromParts(year, month == null ? "" : month, day == null ? "" : day);
            if (issued.isEmpty()) {
                b.field("year", year);
            }
        }
        issued.ifPresent(b::issued);
        DatePrecision precision = issued.map(IssuedDate::precision).orElse(null);
        if (month != null && (precision == null || precision == DatePrecision.YEAR)) {
            b.field("month", month);
        }
        if (day != null && precision != DatePrecision.DAY) {
            b.field("day", day);
        }
    }

    /** Removes a field and returns its decoded value; null when absent or empty. */
    private static String take(Map<String, String> raw, String name, boolean verbatim) {
        String value = raw.remove(name);
        if (value == null) {
            return null;
        }
        String decoded = verbatim ? LatexDecoder.verbatim(value) : LatexDecoder.decode(value);
        return decoded.isEmpty() ? null : decoded;
    }

    /** {@code 1342--1350} as {@code 1342-1350}: one hyphen between the numbers, no spaces around it. */
    static String pageRange(String pages) {
        StringBuilder out = new StringBuilder(pages.length());
        for (int k = 0; k < pages.length(); k++) {
            char c = pages.charAt(k);
            if (c == '-' || c == '–' || c == '—' || c == '‐' || c == '‑' || c == '−') {
                while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                if (out.isEmpty() || out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                while (k + 1 < pages.length() && pages.charAt(k + 1) == ' ') {
                    k++;
                }
            } else {
                out.append(c == '\u00A0' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k <= value.length(); k++) {
            if (k == value.length() || value.charAt(k) == separator) {
                String part = value.substring(start, k).strip();
                if (!part.isEmpty()) {
                    parts.add(part);
                }
                start = k + 1;
            }
        }
        return parts;
    }

    private static List<String> distinct(List<String> values) {
        return values.size() < 2 ? values : new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** The database a record came from, where the file says so (Scopus and Web of Science exports, dblp). */
    private static Optional<String> database(Map<String, String> raw, String url) {
        String source = decoded(raw, "source");
        if (source.startsWith("scopus") || url != null && url.contains("scopus.com/")) {
            return Optional.of("Scopus");
        }
        String uniqueId = decoded(raw, "unique-id");
        if (uniqueId.startsWith("wos:") || uniqueId.startsWith("isi:")) {
            return Optional.of("Web of Science");
        }
        if (decoded(raw, "bibsource").contains("dblp")) {
            return Optional.of("dblp");
        }
        return Optional.empty();
    }

    /** A field's decoded value in lower case, without removing it; empty when absent. */
    private static String decoded(Map<String, String> raw, String name) {
        String value = raw.get(name);
        return value == null ? "" : LatexDecoder.decode(value).toLowerCase(Locale.ROOT);
    }
}
