package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import quire.api.export.Exporter;
import quire.launcher.Launcher;
import quire.product.Distribution.Result;

/** FileInstall and the Gogo console, as the product configures them. */
class PluginsIT {

    @TempDir
    Path dir;

    @Test
    void aBundleDroppedIntoPluginsStartsAndLeavesWhenRemoved() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Map<String, String> properties = Map.of("quire.workspace", dir.resolve("W").toString(),
                "org.osgi.framework.system.packages.extra", OsgiServicesIT.API_PACKAGES,
                "gosh.args", "--nointeractive", "felix.log.level", "1",
                "felix.fileinstall.dir", plugins.toString(), "felix.fileinstall.poll", "200");
        // the product without its export feature: the BibTeX exporter arrives as a plugin
        try (Launcher launcher = new Launcher(Distribution.HOME, properties, List.of("core", "importers"),
                Set.of("quire.api"), System.err)) {
            BundleContext context = launcher.start();
            assertTrue(context.getServiceReferences(Exporter.class, null).isEmpty());

            Path exporter;
            try (Stream<Path> jars = Files.list(Distribution.HOME.resolve("bundles/export"))) {
                exporter = jars.filter(p -> p.getFileName().toString().startsWith("quire.export.bibtex"))
                        .findFirst().orElseThrow();
            }
            Path dropped = Files.copy(exporter, plugins.resolve(exporter.getFileName()));
            waitFor(() -> exporters(context) == 1, "the dropped exporter to register its service");

            Files.delete(dropped);
            waitFor(() -> exporters(context) == 0, "the removed exporter to go away");
        }
    }

    private static int exporters(BundleContext context) {
        try {
            return context.getServiceReferences(Exporter.class, "(" + Exporter.FORMAT + "=bibtex)").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void theGogoConsoleRunsQuireCommands() throws Exception {
        Path workspace = dir.resolve("W2");
        Distribution.run(dir, "--workspace", workspace.toString(), "import", Distribution.SEED_LISTING.toString());
        Result console = Distribution.runWithInput(dir, Map.of(), "quire search author:barez --limit 3\n",
                "--workspace", workspace.toString(), "console");
        assertEquals(0, console.exitCode(), console::toString);
        assertEquals(3, console.out().lines().filter(l -> l.contains("Barez")).count(), console::toString);
    }
}
