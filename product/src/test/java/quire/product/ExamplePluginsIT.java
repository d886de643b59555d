package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.library.Library;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.Plugins;
import quire.api.work.Progress;
import quire.launcher.Launcher;

/** The example plugins, built by the build outside the product, dropped into a running workbench and removed. */
class ExamplePluginsIT {

    static final Path EXAMPLES = Distribution.REPO.resolve("examples");

    @TempDir
    Path dir;

    static Path exampleJar(String module) throws Exception {
        Path target = EXAMPLES.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches(module + "-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the build made no " + module + " jar in "
                            + target));
        }
    }

    static Launcher launcher(Path dir, Path plugins, List<String> features) {
        Map<String, String> properties = Map.of("quire.workspace", dir.resolve("W").toString(),
                "org.osgi.framework.system.packages.extra", OsgiServicesIT.API_PACKAGES,
                "gosh.args", "--nointeractive", "felix.log.level", "1",
                "felix.fileinstall.dir", plugins.toString(), "felix.fileinstall.poll", "200");
        return new Launcher(Distribution.HOME, properties, features, Set.of("quire.api"), System.err);
    }

    @Test
    void theIdentifierListImporterArrivesIsUsedUpdatedAndLeaves() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (Launcher launcher = launcher(dir, plugins, List.of("core", "importers"))) {
            BundleContext context = launcher.start();
            ImportService imports = OsgiServicesIT.service(context, ImportService.class);
            waitFor(() -> context.getServiceReference(Plugins.class) != null, "the plugins service");
            Plugins installed = OsgiServicesIT.service(context, Plugins.class);
            assertFalse(hasFormat(imports, "identifier-list"));

            Path dropped = Files.copy(exampleJar("quire.example.doilist"), plugins.resolve("doilist.jar"));
            waitFor(() -> hasFormat(imports, "identifier-list"), "the dropped importer to register");
            PluginInfo plugin = installed.plugins().get(0);
            assertEquals("quire.example.doilist", plugin.symbolicName());
            assertEquals("ACTIVE", plugin.state());
            assertTrue(plugin.contributions().contains("Importer identifier-list"), plugin.contributions().toString());

            Path list = Files.writeString(dir.resolve("reading-list.txt"),
                    "# DOIs and arXiv ids\n10.1038/s41586-020-2649-2\narXiv:2301.01234v2\nnot one\n");
            ImportReport report = imports.importFile(list, Optional.empty(), ImportOptions.NONE, Progress.NONE);
            assertEquals("identifier-list", report.format());
            assertEquals(2, report.added());
            assertEquals("reading-list.txt:4: error: not a DOI or an arXiv id: 'not one'",
                    report.problems().get(0).toString());

            // replaced: FileInstall updates the bundle in place
            Bundle bundle = context.getBundle(plugin.bundleId());
            long modified = bundle.getLastModified();
            Files.copy(exampleJar("quire.example.doilist"), dropped, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().plusSeconds(5)));
            waitFor(() -> bundle.getLastModified() != modified, "the replaced jar to update the bundle");
            waitFor(() -> hasFormat(imports, "identifier-list"), "the updated importer to register again");

            // removed: the importer goes, what it imported stays
            Files.delete(dropped);
            waitFor(() -> !hasFormat(imports, "identifier-list"), "the removed importer to go");
            assertTrue(installed.plugins().isEmpty());
            Library library = OsgiServicesIT.service(context, Library.class);
            assertEquals(2, library.size());
        }
    }

    /**
     * docs/plugins.md followed as a new developer would: the template copied and renamed, built on its own with
     * Maven against the installed API, dropped into a running workbench.
     */
    @Test
    void thePluginGuideTakesACopyOfTheTemplateToAWorkingImporter() throws Exception {
        // step 1: copy the template, rename the artifact and the package
        Path template = EXAMPLES.resolve("quire.example.doilist");
        Path project = dir.resolve("my-quire-plugin");
        for (String file : List.of("pom.xml",
                "src/main/java/quire/example/doilist/IdentifierListImporter.java",
                "src/test/java/quire/example/doilist/IdentifierListImporterTest.java")) {
            String text = Files.readString(template.resolve(file))
                    .replace("quire.example.doilist", "org.team.ids").replace("quire.example", "org.team");
            Path target = project.resolve(file.replace("quire/example/doilist", "org/team/ids"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        // before you start: the API in the local repository, as ./mvnw install leaves it
        String repository = System.getProperty("quire.maven.repo.local", "");
        Path api = TestBundles.apiJar();
        Path installedApi = Path.of(repository, "quire/quire.api/0.1.0-SNAPSHOT/quire.api-0.1.0-SNAPSHOT.jar");
        if (!repository.isBlank() && !Files.exists(installedApi)) {
            maven(project, "install:install-file", "-Dfile=" + api, "-DgroupId=quire", "-DartifactId=quire.api",
                    "-Dversion=0.1.0-SNAPSHOT", "-Dpackaging=jar");
        }
        // step 5: build and test
        maven(project, "package");
        Path jar = project.resolve("target/org.team.ids-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the build made " + jar);

        // step 6: drop it in
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (Launcher launcher = launcher(dir, plugins, List.of("core", "importers"))) {
            BundleContext context = launcher.start();
            ImportService imports = OsgiServicesIT.service(context, ImportService.class);
            Files.copy(jar, plugins.resolve(jar.getFileName()));
            waitFor(() -> hasFormat(imports, "identifier-list"), "the new plugin's importer");
            Path list = Files.writeString(dir.resolve("ids.txt"), "10.1000/xyz123\n");
            assertEquals(1, imports.importFile(list, Optional.empty(), ImportOptions.NONE, Progress.NONE).added());
            assertEquals("org.team.ids", context.getBundle(
                    launcherPlugin(context, "org.team.ids")).getSymbolicName());
        }
    }

    private static long launcherPlugin(BundleContext context, String name) {
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                return bundle.getBundleId();
            }
        }
        throw new AssertionError("no bundle " + name);
    }

    private static void maven(Path project, String... goals) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Distribution.REPO.resolve("mvnw").toString(),
                "-o", "-q", "-B", "-f", project.resolve("pom.xml").toString()));
        String repository = System.getProperty("quire.maven.repo.local", "");
        if (!repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(goals));
        Path log = project.resolve("maven.log");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "maven finished");
        assertEquals(0, process.exitValue(), () -> String.join(" ", goals) + " failed:\n" + readQuietly(log));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    static boolean hasFormat(ImportService imports, String format) {
        return imports.importers().stream().anyMatch(i -> i.format().equals(format));
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }
}
