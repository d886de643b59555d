package quire.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportReport;
import quire.api.model.Reference;
import quire.api.work.Progress;

class SeedLibraryTest {

    @TempDir
    Path dir;

    private Path seeds() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(seeds.resolve("a.lines"), "#lines\nSeed one\nSeed two\n");
        Files.writeString(seeds.resolve("b.txt"), "a newsletter no importer reads yet\n");
        return seeds;
    }

    @Test
    void aNewDefaultWorkspaceImportsTheRecognisedSeedsOnce() throws IOException {
        InMemoryLibrary library = new InMemoryLibrary(Files.createDirectories(dir.resolve("ws")));
        LibraryImportService imports = new LibraryImportService(library);
        imports.addImporter(new LineImporter(), "test");
        SeedLibrary seeds = new SeedLibrary(library, imports, Optional.of(seeds()));

        List<ImportReport> reports = seeds.ensureImported(Progress.NONE);
        assertEquals(1, reports.size());
        assertEquals(List.of("Seed one", "Seed two"), library.references().stream().map(Reference::title).toList());
        assertTrue(Files.readString(library.workspace().resolve(SeedLibrary.MARKER)).contains("\"added\":2"));

        library.remove(List.of(library.references().get(0).id()));
        assertEquals(List.of(), seeds.ensureImported(Progress.NONE), "a deleted seed does not come back");
        assertEquals(1, library.size());
    }

    @Test
    void aWorkspaceNamedByTheUserOrAlreadyFilledIsNotSeeded() throws IOException {
        InMemoryLibrary library = new InMemoryLibrary(Files.createDirectories(dir.resolve("ws")));
        LibraryImportService imports = new LibraryImportService(library);
        imports.addImporter(new LineImporter(), "test");
        assertEquals(List.of(), new SeedLibrary(library, imports, Optional.empty()).ensureImported(Progress.NONE));
        assertEquals(0, library.size());

        library.store(List.of(Reference.builder().id("x").title("mine").build()));
        assertEquals(List.of(), new SeedLibrary(library, imports, Optional.of(seeds())).ensureImported(Progress.NONE));
        assertEquals(1, library.size());
    }
}
