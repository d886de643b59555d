package quire.ui;

import java.util.List;
import java.util.Optional;
import quire.api.export.ExportService;
import quire.api.export.Exporter;
import quire.api.importing.ImportService;
import quire.api.importing.Seeds;
import quire.api.library.Library;

/**
 * The services the window works with, looked up at each use: in the framework they come and go (a dynamic
 * reference), in a test they are fakes.
 */
interface WindowServices {

    /** The library of the open workspace. */
    Library library();

    /** The seed importer, when the importing bundle is running. */
    Optional<Seeds> seeds();

    /** The import service, when the importing bundle is running. */
    Optional<ImportService> importing();

    /** The export service, when the exporting bundle is running. */
    Optional<ExportService> exporting();

    /** The exporters installed now (for their labels). */
    List<Exporter> exporters();
}
