package quire.importer.pubmed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * One {@code <PubmedArticle>} or {@code <PubmedBookArticle>}, read from a StAX reader, and its mapping to a
 * {@link Reference}. Elements are recognised by their path below the article, so that the PMIDs and DOIs of
 * cited works ({@code CommentsCorrectionsList}, {@code ReferenceList}) are never taken for the article's own.
 */
final class PubmedArticle {

    private final boolean book;
    private String pmid;
    private String title;
    private String vernacularTitle;
    private String bookTitle;
    private final List<String> abstractParts = new ArrayList<>();
    private final List<Person> authors = new ArrayList<>();
    private final List<Person> bookAuthors = new ArrayList<>();
    private final List<Person> editors = new ArrayList<>();
    private boolean truncated;
    private String venue;
    private String isoAbbreviation;
    private String medlineAbbreviation;
    private String volume;
    private String issue;
    private final Map<String, String> pubDate = new LinkedHashMap<>();
    private String medlinePgn;
    private String startPage;
    private String endPage;
    private String doi;
    private String articleIdDoi;
    private String articleIdPmid;
    private String url;
    private final Set<String> keywords = new LinkedHashSet<>();
    private final Set<String> publicationTypes = new LinkedHashSet<>();
    private final Map<String, Set<String>> lists = new LinkedHashMap<>();

    // state while reading
    private List<Person> authorTarget;
    private AuthorParts author;
    private String meshDescriptor;
    private final List<String> meshQualifiers = new ArrayList<>();

    private PubmedArticle(boolean book) {
        this.book = book;
    }

    /**
     * Reads the article whose start tag the reader is on, up to and including its end tag.
     *
     * @param book whether it is a {@code <PubmedBookArticle>}
     */
    static PubmedArticle read(XMLStreamReader reader, boolean book) throws XMLStreamException {
        PubmedArticle article = new PubmedArticle(book);
        List<String> path = new ArrayList<>();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                String at = path.isEmpty() ? name : String.join("/", path) + "/" + name;
                if (!article.leaf(at, name, reader)) {
                    article.start(at, name, reader);
                    path.add(name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    return article;
                }
                article.end(path.removeLast());
            }
        }
    }

    /** Reads a text element; false when {@code at} is not one this importer reads, to descend into it instead. */
    private boolean leaf(String at, String name, XMLStreamReader r) throws XMLStreamException {
        if (author != null) {
            switch (name) {
                case "LastName" -> author.last = XmlText.readText(r);
                case "ForeName" -> author.fore = XmlText.readText(r);
                case "Initials" -> author.initials = XmlText.readText(r);
                case "Suffix" -> author.suffix = XmlText.readText(r);
                case "CollectiveName" -> author.collective = XmlText.readText(r);
                case "Affiliation" -> list("affiliations", XmlText.readText(r));
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (at) {
            case "MedlineCitation/PMID", "BookDocument/PMID" -> pmid = first(pmid, XmlText.readText(r));
            case "MedlineCitation/Article/ArticleTitle", "BookDocument/ArticleTitle" ->
                    title = first(title, XmlText.readText(r));
            case "MedlineCitation/Article/VernacularTitle", "BookDocument/VernacularTitle" ->
                    vernacularTitle = first(vernacularTitle, XmlText.readText(r));
            case "BookDocument/Book/BookTitle" -> bookTitle = first(bookTitle, XmlText.readText(r));
            case "MedlineCitation/Article/Abstract/AbstractText", "BookDocument/Abstract/AbstractText" -> {
                String label = r.getAttributeValue(null, "Label");
                String text = XmlText.readText(r);
                if (!text.isEmpty()) {
                    abstractParts.add(label == null || label.isBlank() ? text : label.strip() + ": " + text);
                }
            }
            case "MedlineCitation/Article/Journal/Title" -> venue = first(venue, XmlText.readText(r));
            case "MedlineCitation/Article/Journal/ISOAbbreviation" ->
                    isoAbbreviation = first(isoAbbreviation, XmlText.readText(r));
            case "MedlineCitation/MedlineJournalInfo/MedlineTA" ->
                    medlineAbbreviation = first(medlineAbbreviation, XmlText.readText(r));
            case "MedlineCitation/Article/Journal/ISSN", "MedlineCitation/MedlineJournalInfo/ISSNLinking" ->
                    list("issn", XmlText.readText(r).toUpperCase(Locale.ROOT));
            case "MedlineCitation/Article/Journal/JournalIssue/Volume", "BookDocument/Book/Volume" ->
                    volume = first(volume, XmlText.readText(r));
            case "MedlineCitation/Article/Journal/JournalIssue/Issue" -> issue = first(issue, XmlText.readText(r));
            case "MedlineCitation/Article/Journal/JournalIssue/PubDate/Year",
                    "MedlineCitation/Article/Journal/JournalIssue/PubDate/Month",
                    "MedlineCitation/Article/Journal/JournalIssue/PubDate/Day",
                    "MedlineCitation/Article/Journal/JournalIssue/PubDate/Season",
                    "MedlineCitation/Article/Journal/JournalIssue/PubDate/MedlineDate",
                    "BookDocument/Book/PubDate/Year", "BookDocument/Book/PubDate/Month",
                    "BookDocument/Book/PubDate/Day", "BookDocument/Book/PubDate/Season",
                    "BookDocument/Book/PubDate/MedlineDate" -> pubDate.putIfAbsent(name, XmlText.readText(r));
            case "MedlineCitation/Article/Pagination/MedlinePgn" -> medlinePgn = first(medlinePgn, XmlText.readText(r));
            case "MedlineCitation/Article/Pagination/StartPage" -> startPage = first(startPage, XmlText.readText(r));
            case "MedlineCitation/Article/Pagination/EndPage" -> endPage = first(endPage, XmlText.readText(r));
            case "MedlineCitation/Article/ELocationID", "BookDocument/ELocationID" -> eLocation(r);
            case "MedlineCitation/Article/Language", "BookDocument/Language" -> list("language", XmlText.readText(r));
            case "MedlineCitation/Article/PublicationTypeList/PublicationType", "BookDocument/PublicationType" -> {
                String type = XmlText.readText(r);
                if (!type.isEmpty()) {
                    publicationTypes.add(type);
                    list("publicationTypes", type);
                }
            }
            case "MedlineCitation/MeshHeadingList/MeshHeading/DescriptorName" -> meshDescriptor = XmlText.readText(r);
            case "MedlineCitation/MeshHeadingList/MeshHeading/QualifierName" -> meshQualifiers.add(XmlText.readText(r));
            case "MedlineCitation/KeywordList/Keyword", "BookDocument/KeywordList/Keyword" -> {
                String keyword = XmlText.readText(r);
                if (!keyword.isEmpty()) {
                    keywords.add(keyword);
                }
            }
            case "PubmedData/ArticleIdList/ArticleId", "PubmedBookData/ArticleIdList/ArticleId",
                    "BookDocument/ArticleIdList/ArticleId" -> articleId(r);
            case "BookDocument/Book/Publisher/PublisherName" -> list("publisher", XmlText.readText(r));
            case "BookDocument/Book/Publisher/PublisherLocation" -> list("publisherPlace", XmlText.readText(r));
            case "BookDocument/Book/Isbn" -> list("isbn", XmlText.readText(r));
            case "BookDocument/Book/CollectionTitle" -> list("collectionTitle", XmlText.readText(r));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A container element begins. */
    private void start(String at, String name, XMLStreamReader r) {
        if (name.equals("AuthorList")) {
            boolean editorList = "editors".equalsIgnoreCase(r.getAttributeValue(null, "Type"));
            authorTarget = editorList ? editors : at.startsWith("BookDocument/Book/") ? bookAuthors : authors;
            if ("N".equals(r.getAttributeValue(null, "CompleteYN")) && !editorList) {
                truncated = true;
            }
        } else if (name.equals("Author") && authorTarget != null) {
            // ValidYN="N" marks a misspelt name PubMed kept next to its correction
            author = new AuthorParts(!"N".equals(r.getAttributeValue(null, "ValidYN")));
        } else if (name.equals("MeshHeading")) {
            meshDescriptor = null;
            meshQualifiers.clear();
        }
    }

    /** A container element ends. */
    private void end(String name) {
        switch (name) {
            case "Author" -> {
                if (author != null && author.valid) {
                    author.toPerson().ifPresent(authorTarget::add);
                }
                author = null;
            }
            case "AuthorList" -> authorTarget = null;
            case "MeshHeading" -> {
                if (meshDescriptor != null && !meshDescriptor.isEmpty()) {
                    // the same form as MEDLINE's MH line, "Descriptor/qualifier/qualifier"
                    List<String> parts = new ArrayList<>();
                    parts.add(meshDescriptor);
                    meshQualifiers.stream().filter(q -> !q.isEmpty()).forEach(parts::add);
                    keywords.add(String.join("/", parts));
                }
            }
            default -> {
            }
        }
    }

    private void eLocation(XMLStreamReader r) throws XMLStreamException {
        String type = String.valueOf(r.getAttributeValue(null, "EIdType")).toLowerCase(Locale.ROOT);
        boolean valid = !"N".equals(r.getAttributeValue(null, "ValidYN"));
        String value = XmlText.readText(r);
        if (!valid || value.isEmpty()) {
            return;
        }
        if (type.equals("doi")) {
            doi = first(doi, value);
        } else if (type.equals("pii")) {
            list("pii", value);
        }
    }

    private void articleId(XMLStreamReader r) throws XMLStreamException {
        String type = String.valueOf(r.getAttributeValue(null, "IdType")).toLowerCase(Locale.ROOT);
        String value = XmlText.readText(r);
        if (value.isEmpty()) {
            return;
        }
        switch (type) {
            case "doi" -> articleIdDoi = first(articleIdDoi, value);
            case "pubmed" -> articleIdPmid = first(articleIdPmid, value);
            case "url" -> url = first(url, value);
            case "pmc" -> list("pmcid", value);
            case "pii" -> list("pii", value);
            case "bookaccession" -> list("bookAccession", value);
            case "mid" -> list("mid", value);
            default -> {
                // pmcpid, pmpid, sici, ...: internal ids no reader looks up
            }
        }
    }

    /**
     * The reference, or empty after reporting an error when the article has no title.
     *
     * @param line   the line of the article's start tag
     * @param column its column
     */
    Optional<Reference> toReference(String sourceName, int position, int line, int column, ImportSink sink) {
        String articleTitle = title != null ? title : "";
        String mainTitle = !articleTitle.isEmpty() ? articleTitle
                : vernacularTitle != null && !vernacularTitle.isEmpty() ? vernacularTitle
                : book && bookTitle != null ? bookTitle : "";
        String id = pmid != null ? pmid : articleIdPmid;
        if (mainTitle.isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, line, column, "the article"
                    + (id != null ? " with PMID " + id : "") + " has no title (ArticleTitle); skipped it"));
            return Optional.empty();
        }
        ReferenceType type = PublicationTypes.of(publicationTypes, venue != null);
        String where = venue;
        if (book) {
            boolean chapter = !articleTitle.isEmpty() && bookTitle != null && !bookTitle.isEmpty();
            type = chapter ? ReferenceType.CHAPTER
                    : type == ReferenceType.ARTICLE || type == ReferenceType.OTHER ? ReferenceType.BOOK : type;
            where = chapter ? bookTitle : null;
        }
        Reference.Builder b = Reference.builder()
                .provenance(Provenance.of(sourceName, PubmedXmlParser.FORMAT, position, line)
                        .fromDatabase(MedlineParser.DATABASE))
                .type(type)
                .title(mainTitle)
                .authors(authors.isEmpty() ? bookAuthors : authors)
                .authorsTruncated(truncated)
                .venue(where)
                .volume(volume)
                .issue(issue)
                .pages(pages())
                .doi(doi != null ? doi : articleIdDoi)
                .pmid(id)
                .url(url)
                .abstractText(String.join(" ", abstractParts))
                .keywords(keywords);
        date(b, sourceName, line, sink);
        String abbreviation = isoAbbreviation != null ? isoAbbreviation : medlineAbbreviation;
        if (abbreviation != null && !abbreviation.isEmpty()) {
            b.field("venueAbbreviation", abbreviation);
        }
        if (vernacularTitle != null && !vernacularTitle.isEmpty()) {
            b.field("vernacularTitle", vernacularTitle);
        }
        editors.forEach(e -> list("editors", e.given().isEmpty() ? e.family() : e.family() + ", " + e.given()));
        lists.forEach((name, values) -> b.field(name, String.join("; ", values)));
        return Optional.of(b.build());
    }

    private String pages() {
        if (medlinePgn != null && !medlinePgn.isEmpty()) {
            return medlinePgn;
        }
        if (startPage == null || startPage.isEmpty()) {
            return null;
        }
        return endPage == null || endPage.isEmpty() ? startPage : startPage + "-" + endPage;
    }

    private void date(Reference.Builder b, String sourceName, int line, ImportSink sink) {
        String text = pubDate.containsKey("MedlineDate") ? pubDate.get("MedlineDate")
                : String.join(" ", pubDate.values().stream().filter(s -> !s.isEmpty()).toList());
        if (text.isEmpty()) {
            return;
        }
        Optional<PubmedDate> date = PubmedDate.parse(text);
        date.ifPresent(d -> b.issued(d.date()));
        if (date.isEmpty() || !date.get().exact()) {
            b.field("dateText", text);
        }
        if (date.isEmpty()) {
            sink.problem(ImportProblem.warning(sourceName, line, "the publication date \"" + text
                    + "\" does not start with a year; kept the article without a date"));
        }
    }

    private void list(String name, String value) {
        if (value != null && !value.isEmpty()) {
            lists.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
        }
    }

    private static String first(String current, String value) {
        return current != null && !current.isEmpty() ? current : value;
    }

    /** The parts of an {@code <Author>} element. */
    private static final class AuthorParts {
        final boolean valid;
        String last;
        String fore;
        String initials;
        String suffix;
        String collective;

        AuthorParts(boolean valid) {
            this.valid = valid;
        }

        Optional<Person> toPerson() {
            if (collective != null && !collective.isEmpty()) {
                return Optional.of(Person.institution(collective));
            }
            String family = last == null ? "" : last;
            if (suffix != null && !suffix.isEmpty()) {
                family = family + " " + suffix;
            }
            String given = fore != null && !fore.isEmpty() ? fore : initials == null ? "" : initials;
            if (family.isBlank() && given.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Person.of(family, given));
        }
    }
}
