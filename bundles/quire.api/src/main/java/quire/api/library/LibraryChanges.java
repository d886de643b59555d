package quire.api.library;

import java.util.Set;

/**
 * The references that changed between two generations of a {@link Library}.
 *
 * @param from     the generation the caller had
 * @param to       the generation now
 * @param changed  ids of references stored or removed since {@code from} (look them up to tell which)
 * @param complete false when the library no longer knows everything that changed since {@code from} (its
 *                 history was compacted); the caller must then rebuild from {@link Library#references()}
 */
public record LibraryChanges(long from, long to, Set<String> changed, boolean complete) {
    public LibraryChanges {
        changed = Set.copyOf(changed);
    }
}
