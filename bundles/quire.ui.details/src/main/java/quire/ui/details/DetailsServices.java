package quire.ui.details;

import java.util.Optional;
import quire.api.export.Exporter;
import quire.api.library.Library;

/** The services the details view works with; in the framework they come and go, in a test they are fakes. */
interface DetailsServices {

    /** The library of the open workspace. */
    Library library();

    /** The installed exporter of the BibTeX format, for the preview. */
    Optional<Exporter> bibtex();
}
