package quire.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;
import quire.api.plugins.PluginProblem;
import quire.api.work.Progress;
import quire.plugins.GuardedCalls;

/** Importers from plugins that throw or hang: the import goes on with the good ones, and the bad one is named. */
class FaultyImporterTest {

    @TempDir
    Path dir;

    private final CountDownLatch never = new CountDownLatch(1);
    private final GuardedCalls guard = new GuardedCalls();

    @AfterEach
    void releaseHungThreads() {
        never.countDown();
    }

    private LibraryImportService service(Importer faulty) {
        LibraryImportService service = new LibraryImportService(new InMemoryLibrary(dir.resolve("ws")));
        service.setGuard(guard);
        // the faulty one first, so it is asked before the good one
        service.addImporter(faulty, "bad.plugin");
        service.addImporter(new LineImporter(), "good.bundle");
        return service;
    }

    @Test
    void anImporterThatHangsWhileDetectingIsAbandonedAndTheFileStillImports() throws IOException {
        LibraryImportService service = service(new Faulty() {
            @Override
            public boolean recognises(String fileName, String head) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        });
        Path file = Files.writeString(dir.resolve("refs.txt"), "#lines\nFirst\nSecond\n");
        long start = System.nanoTime();
        ImportReport report = service.importFile(file, Optional.empty(), ImportOptions.NONE, Progress.NONE);
        assertEquals("lines", report.format());
        assertEquals(2, report.added());
        // abandoned after the quick-call limit, not waited for
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
        List<PluginProblem> problems = problemsOf("bad.plugin");
        assertEquals(1, problems.size());
        assertEquals(PluginProblem.Kind.HUNG, problems.get(0).kind());
        assertTrue(problems.get(0).call().contains("recognises refs.txt"), problems.get(0).call());
    }

    @Test
    void anImporterThatThrowsWhileDetectingIsSkippedAndNamed() throws IOException {
        LibraryImportService service = service(new Faulty() {
            @Override
            public boolean recognises(String fileName, String head) {
                throw new IllegalStateException("bug in the plugin");
            }
        });
        Path file = Files.writeString(dir.resolve("refs.txt"), "#lines\nOnly\n");
        assertEquals(1, service.importFile(file, Optional.empty(), ImportOptions.NONE, Progress.NONE).added());
        PluginProblem problem = problemsOf("bad.plugin").get(0);
        assertEquals(PluginProblem.Kind.THREW, problem.kind());
        assertEquals("IllegalStateException: bug in the plugin", problem.message());
    }

    @Test
    void anImporterThatThrowsWhileReadingFailsThatFileOnlyNamingItsBundle() throws IOException {
        LibraryImportService service = service(new Faulty() {
            @Override
            public boolean recognises(String fileName, String head) {
                return head.startsWith("#faulty");
            }

            @Override
            public void read(ImportSource source, ImportSink sink) {
                throw new NullPointerException("oops");
            }
        });
        Path bad = Files.writeString(dir.resolve("bad.txt"), "#faulty\n");
        IOException error = assertThrows(IOException.class,
                () -> service.importFile(bad, Optional.empty(), ImportOptions.NONE, Progress.NONE));
        assertTrue(error.getMessage().contains("bad.txt") && error.getMessage().contains("bad.plugin")
                && error.getMessage().contains("oops"), error.getMessage());
        assertEquals(PluginProblem.Kind.THREW, problemsOf("bad.plugin").get(0).kind());

        Path good = Files.writeString(dir.resolve("good.txt"), "#lines\nStill works\n");
        assertEquals(1, service.importFile(good, Optional.empty(), ImportOptions.NONE, Progress.NONE).added());
    }

    private List<PluginProblem> problemsOf(String bundle) {
        return guard.problemsOf(bundle);
    }

    private abstract static class Faulty implements Importer {
        @Override public String format() { return "faulty"; }
        @Override public String label() { return "A faulty plugin"; }
        @Override public List<String> extensions() { return List.of("txt"); }

        @Override
        public void read(ImportSource source, ImportSink sink) {
        }
    }
}
