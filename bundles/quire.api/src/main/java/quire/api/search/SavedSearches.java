package quire.api.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The saved searches of the workspace, kept durably in it. */
@ProviderType
public interface SavedSearches {

    /** Runs the query and saves it under the name (replacing one of that name) with its hit count and time. */
    SavedSearch save(String name, String query) throws QuerySyntaxException, IOException;

    /** Runs a saved search again, updating its hit count and time. */
    Optional<SavedSearch> rerun(String name) throws QuerySyntaxException, IOException;

    /** All saved searches, in the order they were first saved. */
    List<SavedSearch> list();

    /** Forgets a saved search; true if there was one. */
    boolean remove(String name) throws IOException;
}
