package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.dedup.DedupService;
import quire.api.dedup.Merge;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportService;
import quire.api.library.Library;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.work.Progress;

/**
 * Acceptance 3: importing the same RIS export twice and deduplicating leaves the library as the first import left
 * it, except that each reference now also has the provenance of its second copy. Real RIS importer, real import
 * service, real journal library.
 */
class ReimportTest {

    @TempDir
    Path workspace;
    @TempDir
    Path downloads;
    private Library library;
    private ImportService imports;
    private LibraryDedupService dedup;

    @BeforeEach
    void open() throws Exception {
        library = Workspaces.open(workspace);
        imports = Workspaces.importService(library);
        dedup = new LibraryDedupService(library);
    }

    @AfterEach
    void close() throws Exception {
        Workspaces.close(library);
    }

    private static Path scopusExport() {
        return LabelledSet.shared().resolve("fixtures").resolve("asreview_scopus_ris_issue_1099.ris");
    }

    @Test
    void theSameExportDownloadedTwiceIsMergedBackToOneCopy() throws Exception {
        Path first = Files.copy(scopusExport(), downloads.resolve("scopus.ris"));
        // the second download of the same search: same records, the file differs (line ends), so it is new
        String text = Files.readString(scopusExport(), StandardCharsets.UTF_8);
        Path second = Files.writeString(downloads.resolve("scopus (1).ris"),
                text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
        imports.importFile(first, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        List<Reference> before = library.references();
        assertEquals(7, before.size());
        // the export holds two records a reviewer should compare: that stays so, no more, no less
        List<quire.api.dedup.DuplicateGroup> queue = dedup.find(Progress.NONE);
        assertTrue(queue.stream().noneMatch(quire.api.dedup.DuplicateGroup::automatic), queue.toString());
        imports.importFile(second, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        assertEquals(14, library.size());

        List<Merge> merges = dedup.mergeAutomatic(Progress.NONE).merges();

        assertEquals(7, merges.size(), "each record merged with its second copy");
        List<Reference> active = LibraryDedupService.active(library.references());
        assertEquals(before.stream().map(Reference::id).toList(), active.stream().map(Reference::id).toList(),
                "the first import's records survive, in their order");
        Map<String, Reference> now = active.stream().collect(Collectors.toMap(Reference::id, Function.identity()));
        for (Reference was : before) {
            Reference is = now.get(was.id());
            assertEquals(withoutProvenance(was), withoutProvenance(is), "only the provenance changes");
            assertEquals(2, is.provenance().size(), is.provenance().toString());
            assertEquals(was.provenance().get(0), is.provenance().get(0));
            Provenance added = is.provenance().get(1);
            assertEquals("scopus (1).ris", added.sourceFile());
            assertEquals(was.provenance().get(0).position(), added.position(), "the same record of the other file");
        }
        // the copies stay, marked, for PRISMA's count of records identified
        Set<String> marked = new HashSet<>();
        for (Reference r : library.references()) {
            r.field(DedupService.DUPLICATE_OF).ifPresent(survivor -> {
                marked.add(r.id());
                assertTrue(now.containsKey(survivor));
            });
        }
        assertEquals(7, marked.size());
        assertEquals(queue, dedup.find(Progress.NONE), "a second run finds what the first file alone has");
        assertEquals(List.of(), dedup.mergeAutomatic(Progress.NONE).merges());
    }

    @Test
    void theVeryFileImportedAgainAddsNothingAndLeavesNothingToMerge() throws Exception {
        imports.importFile(scopusExport(), Optional.empty(), ImportOptions.NONE, Progress.NONE);
        List<Reference> before = library.references();
        imports.importFile(scopusExport(), Optional.empty(), ImportOptions.NONE, Progress.NONE);
        assertEquals(List.of(), dedup.mergeAutomatic(Progress.NONE).merges());
        assertEquals(before, library.references());
    }

    private static Reference withoutProvenance(Reference r) {
        return r.toBuilder().provenance(List.of()).build();
    }
}
