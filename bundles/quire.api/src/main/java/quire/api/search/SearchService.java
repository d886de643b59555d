package quire.api.search;

import org.osgi.annotation.versioning.ProviderType;
import quire.api.work.Progress;

/**
 * Full-text search over the library. The index behind it is derived from the library and follows its changes; a
 * search always sees every change the library had acknowledged when the search began.
 */
@ProviderType
public interface SearchService {

    /**
     * Runs a query.
     *
     * @throws QuerySyntaxException when the query cannot be parsed; the exception names the position
     */
    SearchResult search(SearchRequest request) throws QuerySyntaxException;

    /**
     * References like the given ones ("more like this"), best first, excluding the given ones: the papers like
     * the ones included so far.
     */
    SearchResult similar(java.util.Collection<String> ids, int limit);

    /** Throws the index away and builds it again from the library. */
    void rebuild(Progress progress) throws java.io.IOException;
}
