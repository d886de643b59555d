package quire.importer.csv;

import java.util.Optional;

/** Whose export a table is, as its header shows; it says which database the rows came from. */
enum Dialect {
    SCOPUS("Scopus"),
    WEB_OF_SCIENCE("Web of Science"),
    EMBASE("Embase"),
    IEEE("IEEE Xplore"),
    /** A table made by a person or a tool such as ASReview or Zotero: no database. */
    GENERIC(null);

    private final String database;

    Dialect(String database) {
        this.database = database;
    }

    /** The database every row of such a table comes from. */
    Optional<String> database() {
        return Optional.ofNullable(database);
    }
}
