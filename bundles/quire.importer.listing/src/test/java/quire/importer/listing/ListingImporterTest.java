package quire.importer.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.model.IssuedDate;

class ListingImporterTest {

    private static final String LISTING = "AIMar 8\nA TitleAnn Lee\nAn abstract.\n";

    @TempDir
    Path dir;

    @Test
    void describesItself() {
        ListingImporter importer = new ListingImporter(0);
        assertEquals("listing", importer.format());
        assertEquals("Paper listing (arXiv-style digest)", importer.label());
        assertEquals(List.of("txt"), importer.extensions());
    }

    @Test
    void yearDefaultsToTheFilesModificationYear() throws IOException {
        Path file = listing(Instant.parse("2019-06-15T12:00:00Z"));
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 8).asInferred()), firstDate(new ListingImporter(0), file,
                ImportOptions.NONE));
    }

    @Test
    void configuredYearBeatsTheFile() throws IOException {
        Path file = listing(Instant.parse("2019-06-15T12:00:00Z"));
        assertEquals(Optional.of(IssuedDate.ofDay(2021, 3, 8).asInferred()),
                firstDate(new ListingImporter(2021), file, ImportOptions.NONE));
    }

    @Test
    void yearOptionBeatsConfigurationAndFile() throws IOException {
        Path file = listing(Instant.parse("2019-06-15T12:00:00Z"));
        ImportOptions options = new ImportOptions(Map.of("listing.year", " 2024 "));
        assertEquals(Optional.of(IssuedDate.ofDay(2024, 3, 8).asInferred()),
                firstDate(new ListingImporter(2021), file, options));
    }

    @Test
    void badYearOptionIsAWarningAndTheDefaultIsUsed() throws IOException {
        Path file = listing(Instant.parse("2019-06-15T12:00:00Z"));
        CollectingSink sink = new CollectingSink();
        new ListingImporter(0).read(ImportSource.ofUtf8File(file, new ImportOptions(Map.of("listing.year", "last year"))), sink);
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 8).asInferred()), sink.references.getFirst().issued());
        assertEquals(1, sink.warnings().size());
        assertEquals(0, sink.warnings().getFirst().line());
        assertTrue(sink.warnings().getFirst().message().contains("listing.year"));
    }

    @Test
    void recognisesTheSeed() throws IOException {
        String head = Files.readString(SeedListingTest.SEED, StandardCharsets.UTF_8).substring(0, 4096);
        ListingImporter importer = new ListingImporter(0);
        assertTrue(importer.recognises("002_b89f686bb3a49483.txt", head));
        assertTrue(importer.recognises("x.txt", "\uFEFF\r\n" + LISTING.replace("\n", "\r\n")));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        ListingImporter importer = new ListingImporter(0);
        String bibtex = """
                @article{simhi2025,
                  title = {Old Habits Die Hard},
                  author = {Simhi, Adi and Barez, Fazl},
                  year = {2025}
                }
                """;
        String ris = """
                TY  - JOUR
                TI  - Old Habits Die Hard
                AU  - Simhi, Adi
                PY  - 2025
                ER  -
                """;
        assertFalse(importer.recognises("refs.bib", bibtex));
        assertFalse(importer.recognises("refs.ris", ris));
        assertFalse(importer.recognises("empty.txt", ""));
        assertFalse(importer.recognises("one.txt", "CLMay 17"));
        assertFalse(importer.recognises("two.txt", "CLMay 17\nLGMay 18\n"));
        assertFalse(importer.recognises("prose.txt", "Dear reader,\nCLMay 17\nA TitleAnn Lee\n"));
    }

    private Path listing(Instant modified) throws IOException {
        Path file = dir.resolve("listing.txt");
        Files.writeString(file, LISTING, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static Optional<IssuedDate> firstDate(ListingImporter importer, Path file, ImportOptions options)
            throws IOException {
        CollectingSink sink = new CollectingSink();
        importer.read(ImportSource.ofUtf8File(file, options), sink);
        assertEquals(List.of(), sink.problems);
        return sink.references.getFirst().issued();
    }
}
