package quire.dedup;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quire.api.importing.ImportService;
import quire.api.importing.Importer;
import quire.api.library.Library;
import quire.store.JournalLibrary;

/**
 * The real store and import service without a framework: the journal-backed library of quire.store on a folder
 * and quire.importing's service with the importers on the class path, made as Declarative Services would make
 * them (their package-private test constructors and binders are reached by reflection).
 */
final class Workspaces {

    private Workspaces() {
    }

    /** The real journal library on a workspace folder; close it with {@link #close}. */
    static Library open(Path workspace) throws Exception {
        Constructor<JournalLibrary> constructor = JournalLibrary.class.getDeclaredConstructor(Path.class);
        constructor.setAccessible(true);
        return constructor.newInstance(workspace);
    }

    /** Releases the workspace (its lock and journal), as the framework does when the bundle stops. */
    static void close(Library library) throws Exception {
        Method close = JournalLibrary.class.getDeclaredMethod("close");
        close.setAccessible(true);
        close.invoke(library);
    }

    /** The real import service over the library, with every importer found on the class path. */
    static ImportService importService(Library library) throws Exception {
        Class<?> type = Class.forName("quire.importing.LibraryImportService");
        Object service = type.getConstructor(Library.class).newInstance(library);
        Method add = type.getDeclaredMethod("addImporter", Importer.class, String.class);
        add.setAccessible(true);
        List<Importer> importers = new ArrayList<>(InstalledImporters.all());
        for (Importer importer : importers) {
            add.invoke(service, importer, "test");
        }
        return (ImportService) service;
    }
}
