package quire.ui;

import java.util.Optional;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.search.SearchService;

/**
 * The services the window works with, looked up at each use: in the framework they come and go (a dynamic
 * reference), in a test they are fakes.
 */
interface WindowServices {

    /** The library of the open workspace. */
    Library library();

    /** The seed importer, when the importing bundle is running. */
    Optional<Seeds> seeds();

    /** Full-text search, when the index bundle is running. */
    Optional<SearchService> search();
}
