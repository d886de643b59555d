package quire.importer.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header row of a table: which {@link Column} each cell names, case-insensitively, under the names that
 * Scopus, Web of Science, Embase, IEEE Xplore, Zotero, ASReview and SYNERGY give them, and whose export the table
 * is ({@link Dialect}). Web of Science's two-letter codes are read as such only in a Web of Science table, since
 * elsewhere a column "id" or "type" means something else.
 */
final class TableHeader {

    // name -> column; where several names give one column, the earlier name wins
    private static final Map<String, Column> NAMES = new LinkedHashMap<>();
    private static final Map<String, Column> WOS_CODES = new LinkedHashMap<>();

    static {
        names(Column.TITLE, "title", "article title", "document title", "primary title", "titles");
        names(Column.ORIGINAL_TITLE, "original title");
        names(Column.AUTHOR_FULL_NAMES, "author full names", "author full name");
        names(Column.AUTHORS, "authors", "author", "author names", "author(s)", "first_author", "creators");
        names(Column.YEAR, "year", "publication_year", "publication year", "pubyear", "year published", "py");
        names(Column.DATE, "date", "publication_date", "publication date", "date of publication", "issued");
        names(Column.VENUE, "source title", "journal", "journal title", "journal_title", "journal name", "venue",
                "publication title", "publication_title", "secondary_title", "container-title", "source_title");
        names(Column.VENUE_ABBREVIATION, "abbreviated source title", "journal abbreviation", "journal_abbreviation");
        names(Column.VOLUME, "volume", "vol");
        names(Column.ISSUE, "issue", "number", "issue number");
        names(Column.PAGE_START, "page start", "start page", "first page", "first_page", "start_page", "spage");
        names(Column.PAGE_END, "page end", "end page", "last page", "last_page", "end_page", "epage");
        names(Column.PAGES, "pages", "page range", "page");
        names(Column.ARTICLE_NUMBER, "art. no.", "article number", "article_number");
        names(Column.DOI, "doi", "doi link");
        names(Column.URL, "link", "url", "full text link", "embase link", "open url link", "openurl link");
        names(Column.PDF, "pdf link", "pdf", "file attachments");
        names(Column.ABSTRACT, "abstract", "abstract note", "abstract_note", "abstracts", "summary");
        names(Column.ORIGINAL_ABSTRACT, "original abstract");
        names(Column.KEYWORDS, "author keywords", "keywords", "keyword", "author_keywords", "index keywords",
                "mesh terms", "mesh_terms", "ieee terms", "inspec controlled terms", "inspec non-controlled terms",
                "emtree drug index terms (major focus)", "emtree drug index terms",
                "emtree medical index terms (major focus)", "emtree medical index terms", "manual tags",
                "automatic tags");
        names(Column.DOCUMENT_TYPE, "document type", "item type", "publication type", "document identifier", "type",
                "document_type", "publication_type");
        names(Column.DATABASE, "library catalog", "database", "source_database", "data source");
        names(Column.PMID, "pubmed id", "pmid", "medline pmid", "pubmed_id", "pubmed");
        names(Column.ARXIV, "arxiv id", "arxiv_id", "arxiv");
        names(Column.SCOPUS_EID, "eid");
        names(Column.ACCESSION_NUMBER, "accession number", "accession_number", "embase accession id", "pui",
                "embase accession number");
        names(Column.OPENALEX_ID, "openalex_id", "openalex id", "openalex");
        names(Column.ISSN, "issn", "eissn", "e-issn");
        names(Column.ISBN, "isbn", "isbns");
        names(Column.PUBLISHER, "publisher");
        names(Column.LANGUAGE, "language", "language of original document", "language of article");
        names(Column.AFFILIATIONS, "affiliations", "author addresses", "author affiliations", "addresses");
        names(Column.CORRESPONDENCE_ADDRESS, "correspondence address");
        names(Column.EDITORS, "editors", "editor");
        names(Column.CONFERENCE, "conference name", "conference");
        names(Column.NOTE, "notes", "note", "extra");
        names(Column.RECORD_ID, "record_id", "id", "key");
        names(Column.LABEL, "label_included", "included", "final_included", "label", "label_abstract_included");

        wos(Column.TITLE, "ti");
        wos(Column.AUTHOR_FULL_NAMES, "af");
        wos(Column.AUTHORS, "au");
        wos(Column.VENUE, "so");
        wos(Column.VENUE_ABBREVIATION, "j9", "ji");
        wos(Column.YEAR, "py");
        wos(Column.DATE, "pd");
        wos(Column.VOLUME, "vl");
        wos(Column.ISSUE, "is");
        wos(Column.PAGE_START, "bp");
        wos(Column.PAGE_END, "ep");
        wos(Column.ARTICLE_NUMBER, "ar");
        wos(Column.DOI, "di");
        wos(Column.ABSTRACT, "ab");
        wos(Column.KEYWORDS, "de", "id"); // ID is Keywords Plus in Web of Science
        wos(Column.DOCUMENT_TYPE, "dt");
        wos(Column.PUBLICATION_TYPE, "pt");
        wos(Column.ACCESSION_NUMBER, "ut");
        wos(Column.PMID, "pm");
        wos(Column.ISSN, "sn", "ei");
        wos(Column.ISBN, "bn");
        wos(Column.PUBLISHER, "pu");
        wos(Column.LANGUAGE, "la");
        wos(Column.AFFILIATIONS, "c1");
        wos(Column.CORRESPONDENCE_ADDRESS, "rp");
        wos(Column.EDITORS, "be");
        wos(Column.CONFERENCE, "ct");
    }

    private static void names(Column column, String... names) {
        for (String name : names) {
            NAMES.putIfAbsent(name, column);
        }
    }

    private static void wos(Column column, String... codes) {
        for (String code : codes) {
            WOS_CODES.put(code, column);
        }
    }

    private final List<String> names;
    private final Dialect dialect;
    private final Map<Column, List<Integer>> columns;
    private final Map<Integer, String> extras;

    private TableHeader(List<String> names, Dialect dialect, Map<Column, List<Integer>> columns,
            Map<Integer, String> extras) {
        this.names = names;
        this.dialect = dialect;
        this.columns = columns;
        this.extras = extras;
    }

    /** The header made of {@code cells}. */
    static TableHeader of(List<String> cells) {
        List<String> names = cells.stream().map(TableHeader::normalise).toList();
        Dialect dialect = dialect(Set.copyOf(names));
        Map<Column, List<Integer>> columns = new HashMap<>();
        Map<Integer, String> extras = new LinkedHashMap<>();
        Map<Integer, Integer> rank = new HashMap<>();
        List<String> order = new ArrayList<>(NAMES.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Column column = column(name, dialect);
            if (column == null) {
                if (dialect == Dialect.GENERIC && !name.isEmpty()) {
                    extras.put(i, fieldName(cells.get(i)));
                }
                continue;
            }
            columns.computeIfAbsent(column, c -> new ArrayList<>()).add(i);
            int r = order.indexOf(name);
            rank.put(i, r < 0 ? -1 : r); // WoS codes first: they are the only name there
        }
        for (List<Integer> indexes : columns.values()) {
            indexes.sort(Comparator.comparing(rank::get));
        }
        return new TableHeader(names, dialect, columns, extras);
    }

    private static Column column(String name, Dialect dialect) {
        if (dialect == Dialect.WEB_OF_SCIENCE && WOS_CODES.containsKey(name)) {
            return WOS_CODES.get(name);
        }
        if (name.equals("source")) {
            // Scopus writes its own name there; Embase the whole citation; elsewhere it is anyone's guess
            return switch (dialect) {
                case SCOPUS -> Column.DATABASE;
                case EMBASE -> Column.CITATION;
                default -> null;
            };
        }
        if (dialect == Dialect.WEB_OF_SCIENCE && name.length() == 2) {
            return null; // a Web of Science code the model has no place for (CR, TC, ...)
        }
        return NAMES.get(name);
    }

    private static Dialect dialect(Set<String> names) {
        long codes = names.stream().filter(WOS_CODES::containsKey).count();
        if (names.contains("pt") && names.contains("ut") || names.contains("ti") && codes >= 6) {
            return Dialect.WEB_OF_SCIENCE;
        }
        if (names.contains("eid") || names.contains("abbreviated source title") || names.contains("author(s) id")
                || names.contains("source title") && (names.contains("link") || names.contains("page start"))) {
            return Dialect.SCOPUS;
        }
        if (names.stream().anyMatch(n -> n.startsWith("emtree") || n.startsWith("embase")) || names.contains("pui")
                || names.contains("author names") && names.contains("source")) {
            return Dialect.EMBASE;
        }
        if (names.contains("ieee terms") || names.contains("document title") && names.contains("publication title")) {
            return Dialect.IEEE;
        }
        return Dialect.GENERIC;
    }

    /** A header name compared case-insensitively, with blanks collapsed and a byte order mark dropped. */
    static String normalise(String cell) {
        return cell.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A lower camel case field name for a column the model has no place for: "Times Cited" is timesCited. */
    static String fieldName(String header) {
        String[] words = header.replace("\uFEFF", "").strip().split("[^\\p{L}\\p{N}]+");
        StringBuilder b = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            b.append(b.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "column");
        }
        return b.toString();
    }

    Dialect dialect() {
        return dialect;
    }

    /** How many columns the header names. */
    int size() {
        return names.size();
    }

    /** The indexes of the columns that hold {@code column}, the most telling first. */
    List<Integer> indexes(Column column) {
        return columns.getOrDefault(column, List.of());
    }

    boolean has(Column column) {
        return columns.containsKey(column);
    }

    /** How many columns have a known name. */
    int known() {
        return columns.values().stream().mapToInt(List::size).sum();
    }

    /** Columns of a table of no known dialect that the model has no place for, with their field names. */
    Map<Integer, String> extras() {
        return extras;
    }

    @Override
    public String toString() {
        return dialect + " " + columns.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
