package quire.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.UnrecognisedFormatException;
import quire.api.model.Reference;
import quire.api.work.Progress;

class LibraryImportServiceTest {

    @TempDir
    Path dir;

    private InMemoryLibrary library;
    private LibraryImportService service;

    private void setUp() {
        library = new InMemoryLibrary(dir.resolve("ws"));
        service = new LibraryImportService(library);
        service.addImporter(new LineImporter(), "test.bundle");
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void importsDetectedFormatWithStableIdsAndProblemsWithLines() throws IOException {
        setUp();
        Path file = file("refs.txt", "#lines\nFirst\n!broken\nSecond\n");
        ImportReport report = service.importFile(file, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        assertEquals("lines", report.format());
        assertEquals(2, report.read());
        assertEquals(2, report.added());
        assertEquals(1, report.errors());
        assertEquals("refs.txt:3: error: bad line", report.problems().get(0).toString());
        List<Reference> stored = library.references();
        assertEquals(List.of("First", "Second"), stored.stream().map(Reference::title).toList());
        assertEquals(16, stored.get(0).id().length());
        assertEquals(64, stored.get(0).provenance().get(0).fileDigest().length());
        assertTrue(stored.get(0).provenance().get(0).importedAt().getEpochSecond() > 0);
    }

    @Test
    void importingTheSameFileAgainAddsNothing() throws IOException {
        setUp();
        Path file = file("refs.lines", "#lines\nFirst\nSecond\n");
        service.importFile(file, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        Path copy = Files.copy(file, dir.resolve("renamed.lines"));
        ImportReport again = service.importFile(copy, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(2, again.alreadyPresent());
        assertEquals(2, library.size());
    }

    @Test
    void largeImportsAreStoredInBatches() throws IOException {
        setUp();
        int count = LibraryImportService.BATCH_SIZE * 2 + 5;
        String body = IntStream.range(0, count).mapToObj(i -> "Title " + i).collect(Collectors.joining("\n"));
        ImportReport report = service.importFile(file("many.lines", "#lines\n" + body), Optional.empty(),
                ImportOptions.NONE, Progress.NONE);
        assertEquals(count, report.added());
        assertEquals(List.of(1000, 1000, 5), library.storedBatchSizes);
        assertEquals(1, library.transactionsCommitted, "one file, one transaction");
    }

    @Test
    void cancellingRollsBackTheWholeFile() throws IOException {
        setUp();
        String body = IntStream.range(0, 2500).mapToObj(i -> "Title " + i).collect(Collectors.joining("\n"));
        AtomicInteger worked = new AtomicInteger();
        Progress cancelAfter1500 = new Progress() {
            @Override public void begin(String task, long total) { }
            @Override public void worked(long amount) { worked.addAndGet((int) amount); }
            @Override public boolean isCancelled() { return worked.get() >= 1500; }
        };
        ImportReport report = service.importFile(file("many.lines", "#lines\n" + body), Optional.empty(),
                ImportOptions.NONE, cancelAfter1500);
        assertTrue(report.cancelled());
        assertEquals(0, report.added());
        assertEquals(0, library.size(), "nothing half-written");
        assertEquals(1, library.transactionsRolledBack);
    }

    @Test
    void unknownFormatsAndMissingFilesAreClearErrors() throws IOException {
        setUp();
        Path other = file("x.bib", "@article{a, title={t}}");
        UnrecognisedFormatException e = assertThrows(UnrecognisedFormatException.class,
                () -> service.importFile(other, Optional.empty(), ImportOptions.NONE, Progress.NONE));
        assertTrue(e.getMessage().contains("not a format any installed importer knows"), e.getMessage());
        assertTrue(e.getMessage().contains("lines"), "lists what is installed: " + e.getMessage());
        assertThrows(UnrecognisedFormatException.class,
                () -> service.importFile(other, Optional.of("ris"), ImportOptions.NONE, Progress.NONE));
        assertThrows(NoSuchFileException.class, () -> service.importFile(dir.resolve("missing.txt"),
                Optional.empty(), ImportOptions.NONE, Progress.NONE));
    }

    @Test
    void encodingsAreFoundSoThatNothingTurnsIntoMojibake() throws IOException {
        setUp();
        String text = "#lines\nGödel, Escher, Bach – “naïve” São Paulo\n";
        Path utf8 = file("utf8.lines", text);
        Path bom = dir.resolve("bom.lines");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        Path utf16 = dir.resolve("utf16.lines");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        Path latin = dir.resolve("cp1252.lines");
        // mostly ASCII with the first non-ASCII byte far into the file: a guess from the start would say UTF-8
        Files.write(latin, ("#lines\n" + "Plain title\n".repeat(20_000) + "Gödel, Escher, Bach – “naïve” São Paulo\n")
                .getBytes(FileImportSource.WINDOWS_1252));
        for (Path file : List.of(utf8, bom, utf16, latin)) {
            InMemoryLibrary fresh = new InMemoryLibrary(dir.resolve("ws-" + file.getFileName()));
            LibraryImportService importer = new LibraryImportService(fresh);
            importer.addImporter(new LineImporter(), "test");
            importer.importFile(file, Optional.empty(), ImportOptions.NONE, Progress.NONE);
            List<Reference> stored = fresh.references();
            assertEquals("Gödel, Escher, Bach – “naïve” São Paulo", stored.get(stored.size() - 1).title(),
                    file.getFileName().toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void progressCountsTheBytesOfTheFile() throws IOException {
        setUp();
        Path file = file("p.lines", "#lines\n" + "Title\n".repeat(5000));
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong worked = new java.util.concurrent.atomic.AtomicLong();
        service.importFile(file, Optional.empty(), ImportOptions.NONE, new Progress() {
            @Override public void begin(String task, long totalWork) { total.set(totalWork); }
            @Override public void worked(long amount) { worked.addAndGet(amount); }
            @Override public boolean isCancelled() { return false; }
        });
        assertEquals(Files.size(file), total.get());
        assertEquals(Files.size(file), worked.get());
    }

    @Test
    void detectionSkipsTheByteOrderMark() throws IOException {
        setUp();
        assertEquals(Optional.of("lines"), service.detect(file("bom.txt", "\uFEFF#lines\nA\n")));
        assertEquals(Optional.empty(), service.detect(file("other.txt", "hello")));
    }
}
