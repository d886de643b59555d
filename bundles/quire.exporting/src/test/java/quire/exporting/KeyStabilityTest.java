package quire.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quire.api.export.CitationKeyGenerator;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.export.bibtex.SampleReferences;
import quire.export.bibtex.TortureReferences;

/**
 * Acceptance 2: export, edit titles, add references, export again: the keys given the first time are unchanged, in
 * both formats, and keys pinned by an imported BibTeX file are kept.
 */
class KeyStabilityTest {

    private static Map<String, String> keysById(MemoryLibrary library) {
        Map<String, String> keys = new HashMap<>();
        for (Reference r : library.references()) {
            keys.put(r.id(), r.field(CitationKeyGenerator.FIELD).orElse(""));
        }
        return keys;
    }

    @Test
    void keysSurviveEditsAndNewReferences() throws Exception {
        MemoryLibrary library = MemoryLibrary.of(SampleReferences.varied());
        library.add(TortureReferences.all());
        LibraryExportService service = RealExports.service(library);
        String first = RealExports.export(service, "bibtex");
        Map<String, String> before = keysById(library);
        List<String> firstKeys = RealExports.keys(first);
        assertEquals(library.size(), firstKeys.size());
        assertEquals(firstKeys.size(), firstKeys.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().count());
        assertTrue(firstKeys.contains("simhi2026old"), firstKeys.toString());
        assertTrue(firstKeys.contains("Pinned:2020"), "a pinned key is kept: " + firstKeys);

        // edit every title and author list, then add references that collide with the keys given so far
        for (Reference r : library.references()) {
            library.edit(r.toBuilder().title("Edited: " + r.title()).authors(List.of(Person.of("Other", "O.")))
                    .issued(IssuedDate.ofYear(1999)).build());
        }
        List<Reference> added = library.add(List.of(
                SampleReferences.simhi(),
                Reference.builder().title("Understanding Addition in Transformers, Third")
                        .author(Person.of("Barez", "Fazl")).issued(IssuedDate.ofYear(2023)).build(),
                Reference.builder().title("Old habits, again").author(Person.of("Simhi", "A."))
                        .issued(IssuedDate.ofYear(2026)).build()));

        String second = RealExports.export(service, "bibtex");
        Map<String, String> after = keysById(library);
        before.forEach((id, key) -> assertEquals(key, after.get(id), "the key of " + id + " changed"));
        List<String> secondKeys = RealExports.keys(second);
        assertEquals(firstKeys, secondKeys.subList(0, firstKeys.size()), "old keys unchanged, in the file too");
        assertEquals(secondKeys.size(), new HashSet<>(secondKeys.stream().map(k -> k.toLowerCase(Locale.ROOT))
                .toList()).size(), "unique: " + secondKeys);
        assertEquals("simhi2026olda", after.get(added.get(0).id()));
        assertEquals("barez2023understandingc", after.get(added.get(1).id()),
                "continues after barez2023understandinga and b");
        assertEquals("simhi2026oldb", after.get(added.get(2).id()));

        // the biblatex export names every entry the same
        assertEquals(secondKeys, RealExports.keys(RealExports.export(service, "biblatex")));
    }

    @Test
    void aNewPatternNamesOnlyReferencesWithoutAKey() throws Exception {
        MemoryLibrary library = MemoryLibrary.of(List.of(SampleReferences.simhi()));
        RealExports.export(RealExports.service(library), "bibtex");
        library.add(List.of(SampleReferences.goedel()));
        LibraryExportService configured = RealExports.service(library,
                RealExports.configuration("[authors2]:[year]-[title2]"));
        assertEquals(List.of("simhi2026old", "godel:1931-uberformal"),
                RealExports.keys(RealExports.export(configured, "biblatex")));
    }

    @Test
    void exportingTwiceChangesNothing() throws Exception {
        MemoryLibrary library = MemoryLibrary.of(SampleReferences.varied());
        LibraryExportService service = RealExports.service(library);
        String first = RealExports.export(service, "biblatex");
        int commits = library.commits;
        assertEquals(first, RealExports.export(service, "biblatex"));
        assertEquals(commits, library.commits, "no second transaction");
        assertNotEquals(0, commits);
    }
}
