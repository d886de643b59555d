package quire.importer.csv;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import quire.api.model.ReferenceType;

/**
 * The reference type a table's document type names: Scopus ("Conference Paper", "Book Chapter"), Web of Science
 * ("Proceedings Paper", "Meeting Abstract", and its one-letter publication types), IEEE Xplore ("IEEE Conferences")
 * and Zotero ("journalArticle", "bookSection").
 */
final class DocumentTypes {

    private static final Map<String, ReferenceType> PUBLICATION_TYPES = Map.of(
            "j", ReferenceType.ARTICLE, "b", ReferenceType.BOOK,
            "s", ReferenceType.ARTICLE, "c", ReferenceType.CONFERENCE_PAPER,
            "p", ReferenceType.REPORT);

    private DocumentTypes() {
    }

    /** The type a document type names, or empty when it names none known. */
    static Optional<ReferenceType> of(String documentType) {
        // "journalArticle" and "Conference Paper" alike become "journal article", "conference paper"
        String t = documentType.strip().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        ReferenceType type;
        if (t.contains("preprint") || t.contains("posted content") || t.contains("unpublished")) {
            type = ReferenceType.PREPRINT;
        } else if (t.contains("conference") || t.contains("proceeding") || t.contains("meeting")) {
            type = ReferenceType.CONFERENCE_PAPER;
        } else if (t.contains("chapter") || t.contains("book section") || t.contains("encyclopedia")) {
            type = ReferenceType.CHAPTER;
        } else if (t.contains("book")) {
            type = ReferenceType.BOOK;
        } else if (t.contains("thesis") || t.contains("dissertation")) {
            type = ReferenceType.THESIS;
        } else if (t.contains("report") || t.contains("standard") || t.contains("patent")) {
            type = ReferenceType.REPORT;
        } else if (t.startsWith("dataset") || t.contains("data set") || t.equals("data")) {
            type = ReferenceType.DATASET;
        } else if (t.contains("software") || t.contains("computer program")) {
            type = ReferenceType.SOFTWARE;
        } else if (t.contains("web") || t.contains("blog")) {
            type = ReferenceType.WEBPAGE;
        } else if (t.contains("article") || t.contains("review") || t.contains("letter") || t.contains("note")
                || t.contains("editorial") || t.contains("erratum") || t.contains("survey") || t.contains("journal")
                || t.contains("magazine") || t.contains("newspaper") || t.contains("retracted")) {
            type = ReferenceType.ARTICLE;
        } else {
            return Optional.empty();
        }
        return Optional.of(type);
    }

    /** The type a Web of Science publication type code (PT) stands for. */
    static Optional<ReferenceType> ofPublicationType(String code) {
        return Optional.ofNullable(PUBLICATION_TYPES.get(code.strip().toLowerCase(Locale.ROOT)));
    }
}
