package quire.example.doilist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.model.Reference;

class IdentifierListImporterTest {

    @TempDir
    Path dir;

    private final IdentifierListImporter importer = new IdentifierListImporter();

    @Test
    void readsDoisAndArxivIdsInTheirNormalFormAndReportsBadLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), """
                # from the reviewers' reading list
                10.1038/S41586-020-2649-2
                https://doi.org/10.1016/S0140-6736(20)30183-5

                arXiv:2301.01234v2
                not an identifier
                hep-th/9901001
                """);
        List<Reference> read = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        importer.read(ImportSource.ofUtf8File(file, quire.api.importing.ImportOptions.NONE), new ImportSink() {
            @Override public void reference(Reference reference) { read.add(reference); }
            @Override public void problem(ImportProblem problem) { problems.add(problem); }
            @Override public boolean cancelled() { return false; }
        });
        assertEquals(List.of("10.1038/s41586-020-2649-2", "10.1016/s0140-6736(20)30183-5"),
                read.stream().flatMap(r -> r.doi().stream()).toList());
        assertEquals(List.of("2301.01234", "hep-th/9901001"),
                read.stream().flatMap(r -> r.arxivId().stream()).toList());
        assertEquals(List.of(2, 3, 5, 7), read.stream().map(r -> r.provenance().get(0).line()).toList());
        assertEquals(1, problems.size());
        assertEquals("ids.txt:6: error: not a DOI or an arXiv id: 'not an identifier'", problems.get(0).toString());
    }

    @Test
    void recognisesListsOnly() {
        assertTrue(importer.recognises("a.txt", "# comment\n\n10.1000/xyz123\n"));
        assertTrue(importer.recognises("a.txt", "arXiv:2301.01234\n"));
        assertFalse(importer.recognises("a.txt", "TY  - JOUR\nTI  - A title\n"));
        assertFalse(importer.recognises("a.txt", "Attention is all you need. 10.1000/xyz\n"));
    }
}
