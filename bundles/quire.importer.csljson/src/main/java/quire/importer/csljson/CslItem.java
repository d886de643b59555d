package quire.importer.csljson;

import com.fasterxml.jackson.databind.JsonNode;
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
import quire.api.model.Identifiers;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * One CSL-JSON item turned into a {@link Reference}. The variables the model has slots for go there; every other
 * variable is kept in {@link Reference#fields()} under its name in lower camel case ({@code publisher-place} as
 * {@code publisherPlace}, {@code PMCID} as {@code pmcid}), name variables as "Family, Given; ..." and date
 * variables as ISO 8601 text, so that nothing the file says is lost.
 *
 * @param reference the reference, when the item has a title or an identifier
 * @param error     why the item was skipped, when it was
 * @param warnings  what was dropped from a kept item
 */
record CslItem(Optional<Reference> reference, Optional<String> error, List<String> warnings) {

    /** Variables read into the model's slots or renamed; compared in lower case. Others go to fields as they are. */
    private static final Set<String> READ = Set.of("type", "title", "author", "issued", "container-title",
            "container-title-short", "journalabbreviation", "volume", "issue", "page", "doi", "url", "pmid",
            "abstract", "keyword", "id", "citation-key", "citationkey", "note");

    // Zotero writes what it has no CSL variable for into "note" (its Extra field), one "Key: value" a line.
    private static final Pattern NOTE_LINE = Pattern.compile(
            "^\\s*(arxiv(?: id)?|pmid|pmcid|doi|citation key)\\s*:\\s*(\\S+)", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
    /** What a BibTeX key looks like, as Better BibTeX and pandoc write ids: "doe10_edtf_2011", "Smith2019a". */
    private static final Pattern BIBTEX_KEY = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_:.+\\-]*");
    /** Ids that look like keys but are not: Mendeley's "ITEM-1", Zotero's item keys "ABCD2345". */
    private static final Pattern NOT_A_KEY = Pattern.compile("ITEM-\\d+|[A-Z0-9]{8}");
    /** The DOI that DataCite gives every arXiv paper. */
    private static final Pattern ARXIV_DOI = Pattern.compile("10\\.48550/arxiv\\.(.+)", Pattern.CASE_INSENSITIVE);

    CslItem {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads one item.
     *
     * @param item       the item; anything but an object is an error
     * @param provenance where the item is in the file; the database is added when the item names one
     */
    static CslItem read(JsonNode item, Provenance provenance) {
        if (!item.isObject()) {
            return skipped("the item is " + kind(item) + ", not an object; skipped it");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> variable : item.properties()) {
            if (!READ.contains(variable.getKey().toLowerCase(Locale.ROOT))) {
                keep(variable.getKey(), variable.getValue(), fields);
            }
        }

        String title = text(item, "title");
        String cslType = text(item, "type");
        Reference.Builder builder = Reference.builder().title(title);
        if (!cslType.isEmpty()) {
            fields.put("cslType", cslType);
        }

        CslNames authors = CslNames.read(item.get("author"));
        builder.authors(authors.persons()).authorsTruncated(authors.truncated());
        if (authors.skipped() > 0) {
            warnings.add(item.get("author").isArray()
                    ? authors.skipped() + " of the authors had no name; dropped them"
                    : "\"author\" is not a list of names; dropped it");
        }

        CslDate issued = CslDate.read(item.get("issued"));
        issued.start().ifPresent(builder::issued);
        issued.end().ifPresent(end -> fields.put("issuedEnd", end.toString()));
        issued.season().ifPresent(season -> fields.put("season", season));
        if (issued.circa()) {
            fields.put("issuedCirca", "true");
        }
        issued.literal().ifPresent(literal -> fields.put("issuedLiteral", literal));
        issued.problem().ifPresent(problem -> warnings.add("issued: " + problem));

        String container = text(item, "container-title");
        String venue = container;
        if (venue.isEmpty() && cslType.equals("paper-conference")) {
            venue = text(item, "event-title").isEmpty() ? text(item, "event") : text(item, "event-title");
        }
        builder.venue(venue).volume(text(item, "volume")).issue(text(item, "issue"))
                .pages(text(item, "page").isEmpty() ? text(item, "page-first") : text(item, "page"))
                .abstractText(text(item, "abstract"));
        String abbreviation = text(item, "container-title-short").isEmpty() ? text(item, "journalAbbreviation")
                : text(item, "container-title-short");
        if (!abbreviation.isEmpty()) {
            fields.put("venueAbbreviation", abbreviation);
        }
        keywords(item.get("keyword")).forEach(builder::keyword);

        // identifiers: the variables first, then what Zotero put into the note
        String note = text(item, "note");
        Map<String, String> noted = noteIdentifiers(note);
        if (!note.isEmpty()) {
            fields.put("note", note);
        }
        String url = text(item, "URL");
        builder.url(url);
        Optional<String> doi = identifier("DOI", text(item, "DOI"), Identifiers::doi, warnings)
                .or(() -> Optional.ofNullable(noted.get("doi")).flatMap(Identifiers::doi));
        doi.ifPresent(builder::doi);
        Optional<String> arxiv = Optional.ofNullable(noted.get("arxiv")).flatMap(Identifiers::arxiv)
                .or(() -> Identifiers.arxiv(text(item, "number")))
                .or(() -> Identifiers.arxiv(url.replace("://www.", "://")))
                .or(() -> doi.map(ARXIV_DOI::matcher).filter(Matcher::matches).flatMap(m -> Identifiers.arxiv(m.group(1))));
        arxiv.ifPresent(builder::arxivId);
        Optional<String> pmid = identifier("PMID", text(item, "PMID"), Identifiers::pmid, warnings)
                .or(() -> Optional.ofNullable(noted.get("pmid")).flatMap(Identifiers::pmid));
        pmid.ifPresent(builder::pmid);
        if (!fields.containsKey("pmcid") && noted.containsKey("pmcid")) {
            fields.put("pmcid", noted.get("pmcid"));
        }

        String id = text(item, "id");
        if (!id.isEmpty()) {
            fields.put("cslId", id);
        }
        String key = text(item, "citation-key").isEmpty() ? text(item, "citationKey") : text(item, "citation-key");
        if (key.isEmpty()) {
            key = noted.getOrDefault("citation key", looksLikeKey(id) ? id : "");
        }
        if (!key.isEmpty()) {
            fields.put("citationKey", key);
        }

        boolean identified = doi.isPresent() || arxiv.isPresent() || pmid.isPresent() || !url.isEmpty()
                || fields.containsKey("pmcid") || fields.containsKey("isbn");
        if (title.isEmpty()) {
            if (!identified) {
                return skipped("the item has no title and no identifier (DOI, arXiv id, PMID, PMCID, ISBN or URL)"
                        + "; skipped it");
            }
            warnings.add("the item has no title; kept it for its identifier");
        }

        ReferenceType type = CslType.of(cslType, text(item, "genre"), container,
                text(item, "publisher") + " " + text(item, "source"), arxiv.isPresent());
        builder.type(type);
        if (venue.isEmpty() && type == ReferenceType.PREPRINT) {
            // Zotero writes a preprint's repository ("arXiv", "bioRxiv") as its publisher
            builder.venue(text(item, "publisher"));
        }
        Optional<String> database = Database.named(text(item, "source"));
        builder.provenance(database.map(provenance::fromDatabase).orElse(provenance));
        fields.forEach(builder::field);
        return new CslItem(Optional.of(builder.build()), Optional.empty(), warnings);
    }

    private static CslItem skipped(String reason) {
        return new CslItem(Optional.empty(), Optional.of(reason), List.of());
    }

    /** A variable without a slot, kept in fields; values that are neither text, names nor dates are left out. */
    private static void keep(String name, JsonNode value, Map<String, String> fields) {
        String text = "";
        if (value.isValueNode() && !value.isNull()) {
            text = value.asText().strip();
        } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
            text = CslNames.read(value).asText();
        } else if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> {
                if (v.isValueNode() && !v.asText().isBlank()) {
                    parts.add(v.asText().strip());
                }
            });
            text = String.join("; ", parts);
        } else if (value.isObject()) {
            text = CslDate.read(value).asText().orElse("");
        }
        if (!text.isEmpty()) {
            fields.put(fieldName(name), text);
        }
    }

    /** A CSL variable's name in lower camel case: {@code publisher-place} → {@code publisherPlace}. */
    static String fieldName(String variable) {
        if (variable.equals(variable.toUpperCase(Locale.ROOT))) {
            return variable.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", "");
        }
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : variable.toCharArray()) {
            if (c == '-' || c == '_' || Character.isWhitespace(c)) {
                upper = !name.isEmpty();
            } else {
                name.append(name.isEmpty() ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static List<String> keywords(JsonNode value) {
        Set<String> keywords = new LinkedHashSet<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> keywords.addAll(List.of(KEYWORD_SEPARATOR.split(v.asText()))));
        } else if (value != null && value.isValueNode()) {
            keywords.addAll(List.of(KEYWORD_SEPARATOR.split(value.asText())));
        }
        keywords.removeIf(k -> k.isBlank());
        return keywords.stream().map(String::strip).toList();
    }

    /** The identifiers on "Key: value" lines of a note, by lower-case key ("arxiv", "pmid", "citation key"). */
    private static Map<String, String> noteIdentifiers(String note) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = NOTE_LINE.matcher(note);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT).replace("arxiv id", "arxiv");
            found.putIfAbsent(key, m.group(2));
        }
        return found;
    }

    private static Optional<String> identifier(String name, String value,
            java.util.function.Function<String, Optional<String>> normal, List<String> warnings) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = normal.apply(value);
        if (id.isEmpty()) {
            warnings.add(name + " \"" + value + "\" is not a " + name + "; dropped it");
        }
        return id;
    }

    private static boolean looksLikeKey(String id) {
        return BIBTEX_KEY.matcher(id).matches() && !NOT_A_KEY.matcher(id).matches();
    }

    /** The text of a scalar variable, looked up as written and then ignoring case ("DOI" or "doi"); else "". */
    private static String text(JsonNode item, String name) {
        JsonNode value = item.get(name);
        if (value == null) {
            for (Map.Entry<String, JsonNode> variable : item.properties()) {
                if (variable.getKey().equalsIgnoreCase(name)) {
                    value = variable.getValue();
                    break;
                }
            }
        }
        return value != null && value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The bibliographic databases that Zotero's "Library Catalog" (CSL {@code source}) can name. */
    static final class Database {

        private static final Map<Pattern, String> NAMES = new LinkedHashMap<>();

        static {
            // the more specific names first: "PubMed Central" before "PubMed"
            NAMES.put(Pattern.compile("pubmed central|\\bpmc\\b", Pattern.CASE_INSENSITIVE), "PubMed Central");
            NAMES.put(Pattern.compile("europe ?pmc", Pattern.CASE_INSENSITIVE), "Europe PMC");
            NAMES.put(Pattern.compile("pubmed|medline", Pattern.CASE_INSENSITIVE), "PubMed");
            NAMES.put(Pattern.compile("scopus", Pattern.CASE_INSENSITIVE), "Scopus");
            NAMES.put(Pattern.compile("web of science|webofscience|isi web of knowledge", Pattern.CASE_INSENSITIVE),
                    "Web of Science");
            NAMES.put(Pattern.compile("embase", Pattern.CASE_INSENSITIVE), "Embase");
            NAMES.put(Pattern.compile("biorxiv", Pattern.CASE_INSENSITIVE), "bioRxiv");
            NAMES.put(Pattern.compile("medrxiv", Pattern.CASE_INSENSITIVE), "medRxiv");
            NAMES.put(Pattern.compile("arxiv", Pattern.CASE_INSENSITIVE), "arXiv");
            NAMES.put(Pattern.compile("ieee ?xplore", Pattern.CASE_INSENSITIVE), "IEEE Xplore");
            NAMES.put(Pattern.compile("acm digital library|\\bacm dl\\b", Pattern.CASE_INSENSITIVE),
                    "ACM Digital Library");
            NAMES.put(Pattern.compile("psycinfo|apa psycnet", Pattern.CASE_INSENSITIVE), "PsycINFO");
            NAMES.put(Pattern.compile("cinahl", Pattern.CASE_INSENSITIVE), "CINAHL");
            NAMES.put(Pattern.compile("cochrane", Pattern.CASE_INSENSITIVE), "Cochrane Library");
            NAMES.put(Pattern.compile("google scholar", Pattern.CASE_INSENSITIVE), "Google Scholar");
            NAMES.put(Pattern.compile("semantic scholar", Pattern.CASE_INSENSITIVE), "Semantic Scholar");
            NAMES.put(Pattern.compile("\\bdblp\\b", Pattern.CASE_INSENSITIVE), "DBLP");
            NAMES.put(Pattern.compile("\\bjstor\\b", Pattern.CASE_INSENSITIVE), "JSTOR");
            NAMES.put(Pattern.compile("sciencedirect", Pattern.CASE_INSENSITIVE), "ScienceDirect");
        }

        private Database() {
        }

        /**
         * The database a library catalog names, in the spelling PRISMA counts use; empty for catalogs that are not
         * bibliographic databases (e.g. "DOI.org (Crossref)", a library's OPAC).
         */
        static Optional<String> named(String source) {
            for (Map.Entry<Pattern, String> name : NAMES.entrySet()) {
                if (name.getKey().matcher(source).find()) {
                    return Optional.of(name.getValue());
                }
            }
            return Optional.empty();
        }
    }
}
