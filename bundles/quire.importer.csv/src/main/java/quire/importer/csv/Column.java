package quire.importer.csv;

/** What a column of a table holds, whatever its header calls it; see {@link TableHeader} for the names. */
enum Column {
    TITLE,
    ORIGINAL_TITLE,
    AUTHORS,
    /** Full names where a table has them beside abbreviated ones (Scopus, Web of Science AF). */
    AUTHOR_FULL_NAMES,
    YEAR,
    DATE,
    VENUE,
    VENUE_ABBREVIATION,
    VOLUME,
    ISSUE,
    PAGE_START,
    PAGE_END,
    PAGES,
    ARTICLE_NUMBER,
    DOI,
    URL,
    PDF,
    ABSTRACT,
    ORIGINAL_ABSTRACT,
    KEYWORDS,
    DOCUMENT_TYPE,
    /** Web of Science's publication type code: J, B, S, P, C. */
    PUBLICATION_TYPE,
    /** The database of the row ("Scopus" in Scopus's Source column, Zotero's Library Catalog). */
    DATABASE,
    /** Embase's Source: the whole citation, "Cancer (2004) 102:4 (253-258). Date of Publication: 25 Aug 2004". */
    CITATION,
    PMID,
    ARXIV,
    SCOPUS_EID,
    ACCESSION_NUMBER,
    OPENALEX_ID,
    ISSN,
    ISBN,
    PUBLISHER,
    LANGUAGE,
    AFFILIATIONS,
    CORRESPONDENCE_ADDRESS,
    EDITORS,
    CONFERENCE,
    NOTE,
    RECORD_ID,
    /** A prior screening decision (ASReview's label_included). */
    LABEL
}
