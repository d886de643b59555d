package quire.api.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A search run in a bibliographic database, as the protocol and PRISMA report it.
 *
 * @param database    the database searched, e.g. {@code PubMed}
 * @param query       the query string as run there
 * @param date        the day it was run
 * @param hits        the number of records the database reported
 * @param importFiles the names of the files its results were imported from (links to the records' provenance)
 */
public record SearchRun(String database, String query, LocalDate date, int hits, List<String> importFiles) {

    public SearchRun {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(date, "date");
        importFiles = List.copyOf(importFiles);
    }
}
