package quire.api.search;

import java.time.Instant;

/**
 * A named query with the hit count it had when last run: the record of a search strategy that PRISMA-S asks a
 * review to report.
 *
 * @param name     the name the reviewer gave it
 * @param query    the query
 * @param hitCount how many references matched when it was last run
 * @param runAt    when it was last run
 */
public record SavedSearch(String name, String query, long hitCount, Instant runAt) {
}
