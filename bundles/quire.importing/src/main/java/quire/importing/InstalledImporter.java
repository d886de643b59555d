package quire.importing;

import quire.api.importing.Importer;
import quire.api.importing.ImporterInfo;

/** An importer service with what the registry says about it. */
record InstalledImporter(Importer importer, String bundle, int ranking, long serviceId) {

    ImporterInfo info() {
        return new ImporterInfo(importer.format(), importer.label(), importer.extensions(), bundle);
    }
}
