package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import quire.api.export.ExportSelection;
import quire.api.export.ExportService;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;
import quire.api.search.SearchRequest;
import quire.api.search.SearchService;
import quire.api.work.Progress;
import quire.launcher.Launcher;

/**
 * Three faulty plugins in the plugins folder when the workbench starts — one throws in its service, one hangs in a
 * call, one misses an import — and every other feature works: start-up is not blocked, files import, search and
 * export run; each fault is listed with the plugin's name and why, and the throwing one can be disabled.
 */
class FaultyPluginsIT {

    @TempDir
    Path dir;

    private static final String IMPORTER = "quire.api.importing.Importer";

    /** An importer asked before the real ones (ranking 100) whose check for the format fails as given. */
    private static String importer(String pkg, String recognises) {
        return """
                package %s;
                import java.util.List;
                import quire.api.importing.*;
                public final class Faulty implements Importer {
                    public String format() { return "%s"; }
                    public String label() { return "faulty"; }
                    public List<String> extensions() { return List.of("ris", "txt"); }
                    public boolean recognises(String fileName, String head) { %s }
                    public void read(ImportSource source, ImportSink sink) { throw new IllegalStateException("never"); }
                }
                """.formatted(pkg, pkg, recognises);
    }

    private Path faulty(String name, String recognises, Map<String, String> headers) throws Exception {
        return TestBundles.build(dir.resolve("build"), name, Map.of(name + ".Faulty", importer(name, recognises)),
                headers, Map.of("c.xml", TestBundles.component(name, name + ".Faulty", IMPORTER,
                        Map.of("quire.importer.format", name, "service.ranking", "100"))));
    }

    @Test
    void faultyPluginsLeaveEveryOtherFeatureWorking() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String imports = "quire.api.importing;version=\"[1.0,2)\"";
        Files.copy(faulty("faulty.throwing", "throw new IllegalStateException(\"bug in the plugin\");",
                Map.of("Import-Package", imports)), plugins.resolve("throwing.jar"));
        Files.copy(faulty("faulty.hanging", "try { Thread.sleep(600_000); } catch (InterruptedException e) { } return true;",
                Map.of("Import-Package", imports)), plugins.resolve("hanging.jar"));
        Files.copy(faulty("faulty.unresolved", "return false;",
                Map.of("Import-Package", imports + ",quire.api.nowhere;version=\"[1.0,2)\"")),
                plugins.resolve("unresolved.jar"));

        Map<String, String> properties = Map.of("quire.workspace", dir.resolve("W").toString(),
                "org.osgi.framework.system.packages.extra", OsgiServicesIT.API_PACKAGES,
                "gosh.args", "--nointeractive", "felix.log.level", "0",
                "felix.fileinstall.dir", plugins.toString(), "felix.fileinstall.poll", "200",
                "felix.fileinstall.noInitialDelay", "true");
        long started = System.nanoTime();
        try (Launcher launcher = new Launcher(Distribution.HOME, properties, List.of("core", "importers", "export"),
                Set.of("quire.api"), System.err)) {
            BundleContext context = launcher.start();
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("start-up with three faulty plugins: " + startMillis + " ms");
            assertTrue(startMillis < 20_000, "start-up not blocked by the plugins: " + startMillis + " ms");
            waitFor(() -> context.getServiceReference(Plugins.class) != null, "the plugins service");
            Plugins installed = OsgiServicesIT.service(context, Plugins.class);
            waitFor(() -> installed.plugins().size() == 3, "FileInstall to install the three plugins");
            waitFor(() -> state(installed, "faulty.throwing").equals("ACTIVE")
                    && state(installed, "faulty.hanging").equals("ACTIVE"), "the two resolvable plugins to start");

            // importing works: the faulty importers are asked first, one throws, one hangs and is abandoned
            ImportService importService = OsgiServicesIT.service(context, ImportService.class);
            // the bundles are ACTIVE before their components register: wait for the importers themselves
            waitFor(() -> importService.importers().stream().filter(i -> i.format().startsWith("faulty.")).count() == 2,
                    "the two faulty importers to register");
            Path ris = Distribution.SHARED.resolve("fixtures/jabref_RisImporterTestScopus.ris");
            ImportReport report = importService.importFile(ris, Optional.empty(), ImportOptions.NONE, Progress.NONE);
            assertEquals("ris", report.format());
            assertTrue(report.added() > 0, report.toString());

            // so do search and export
            SearchService search = OsgiServicesIT.service(context, SearchService.class);
            waitFor(() -> hits(search) == report.added(), "the index to catch up");
            ExportService export = OsgiServicesIT.service(context, ExportService.class);
            java.io.StringWriter bib = new java.io.StringWriter();
            assertEquals(report.added(), export.export(ExportSelection.all(), "bibtex",
                    quire.api.export.ExportOptions.NONE, bib).exported());

            // each fault listed with the plugin's name and why
            assertEquals(PluginProblem.Kind.THREW, problem(installed, "faulty.throwing").kind());
            assertTrue(problem(installed, "faulty.throwing").message().contains("bug in the plugin"));
            assertEquals(PluginProblem.Kind.HUNG, problem(installed, "faulty.hanging").kind());
            PluginProblem unresolved = problem(installed, "faulty.unresolved");
            assertEquals(PluginProblem.Kind.UNRESOLVED, unresolved.kind());
            assertTrue(unresolved.message().contains("quire.api.nowhere"), unresolved.message());
            assertEquals("INSTALLED", state(installed, "faulty.unresolved"));

            // the misbehaving one disabled: its importer goes, and it stays off
            PluginInfo throwing = plugin(installed, "faulty.throwing");
            installed.disable(throwing.bundleId());
            assertTrue(plugin(installed, "faulty.throwing").disabled());
            assertFalse(importService.importers().stream().anyMatch(i -> i.format().equals("faulty.throwing")));
            assertTrue(Files.readString(dir.resolve("W/disabled-plugins.txt")).contains("faulty.throwing"));
        }
    }

    private static long hits(SearchService search) {
        try {
            return search.search(SearchRequest.of("", 10)).totalHits();
        } catch (quire.api.search.QuerySyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static String state(Plugins plugins, String name) {
        return plugin(plugins, name).state();
    }

    private static PluginInfo plugin(Plugins plugins, String name) {
        return plugins.plugins().stream().filter(p -> p.symbolicName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin " + name + " in " + plugins.plugins()));
    }

    private static PluginProblem problem(Plugins plugins, String name) {
        List<PluginProblem> problems = plugin(plugins, name).problems();
        assertFalse(problems.isEmpty(), "a problem recorded for " + name);
        return problems.get(0);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }
}
