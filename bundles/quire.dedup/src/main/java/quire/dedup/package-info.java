/**
 * Deduplication: {@link quire.dedup.LibraryDedupService} (the {@code DedupService}) and the {@code dedup} command.
 * {@code MatchText} and {@code Profile} put each record in normal form; {@code Blocking} proposes the pairs worth
 * comparing (identifiers, MinHash bands over title words, sorted titles, volume and page); {@code Match} scores a pair;
 * {@code DuplicateFinder} joins automatic pairs into groups; {@code Merging} makes the merged record and
 * {@code MergeLog} keeps what undo needs.
 */
package quire.dedup;
