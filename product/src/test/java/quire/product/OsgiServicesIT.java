package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.library.Library;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;
import quire.launcher.Launcher;
import quire.product.Distribution.Result;

/**
 * The built bundles in a real Felix inside this JVM, driven through their OSGi services: import -> store ->
 * search -> export. The API packages come from the test's class path (exported by the system bundle) so that
 * the test and the bundles share one {@code quire.api}.
 */
class OsgiServicesIT {

    /** The API bundle's own Export-Package, so that the system bundle exports exactly what it would. */
    static final String API_PACKAGES = apiExports();

    private static String apiExports() {
        try (var jars = java.nio.file.Files.list(Distribution.HOME.resolve("bundles/core"))) {
            Path api = jars.filter(p -> p.getFileName().toString().startsWith("quire.api-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no quire.api bundle in " + Distribution.HOME));
            try (var jar = new java.util.jar.JarFile(api.toFile())) {
                return jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertTrue(reference != null, "a " + type.getSimpleName() + " service is registered");
        return context.getService(reference);
    }

    @Test
    void importStoreSearchExportThroughTheServices() throws Exception {
        Path workspace = dir.resolve("W");
        Map<String, String> properties = Map.of("quire.workspace", workspace.toString(),
                "org.osgi.framework.system.packages.extra", API_PACKAGES,
                "gosh.args", "--nointeractive", "felix.log.level", "1",
                "felix.fileinstall.dir", dir.resolve("plugins").toString());
        try (Launcher launcher = new Launcher(Distribution.HOME, properties, List.of("core", "importers", "export"),
                Set.of("quire.api"), System.err)) {
            BundleContext context = launcher.start();
            assertEquals(List.of(), launcher.startProblems());

            ImportService imports = service(context, ImportService.class);
            assertEquals(Set.of("arxiv-atom", "bibtex", "clipping", "csl-json", "csv", "tsv", "endnote-xml", "listing",
                    "medline", "pubmed-xml", "ris"), Set.copyOf(imports.importers().stream().map(i -> i.format()).toList()));
            ImportReport report = imports.importFile(Distribution.SEED_LISTING, Optional.empty(), ImportOptions.NONE,
                    Progress.NONE);
            assertEquals(50, report.added());
            assertEquals(0, report.errors());

            Library library = service(context, Library.class);
            assertEquals(50, library.size());
            assertEquals(workspace.toAbsolutePath(), library.workspace());

            // Lucene inside the bundle: analyzers and codecs found through SPI, or this would throw
            SearchResult result = service(context, SearchService.class)
                    .search(SearchRequest.of("interpretability author:barez", 100));
            assertTrue(result.totalHits() > 0, "hits: " + result.totalHits());
            result.hits().forEach(hit -> assertTrue(hit.reference().authors().stream()
                    .anyMatch(a -> a.family().equals("Barez")), hit.reference()::title));

            Exporter bibtex = context.getServiceReferences(Exporter.class, "(" + Exporter.FORMAT + "=bibtex)")
                    .stream().map(context::getService).findFirst().orElseThrow();
            StringWriter out = new StringWriter();
            bibtex.write(library.references(), ExportOptions.NONE, out);
            assertEquals(50, Pattern.compile("(?m)^@\\w+\\{").matcher(out.toString()).results().count());

            // while this process holds the workspace, a second one is refused with a clear message
            Result second = Distribution.run(dir.resolve("home"), "--workspace", workspace.toString(), "list");
            assertEquals(1, second.exitCode(), second::toString);
            assertTrue(second.err().contains("is open in another Quire process"), second::toString);
        }
        // and once it is closed, the next process reads what was stored
        Result after = Distribution.run(dir.resolve("home"), "--workspace", workspace.toString(), "list");
        assertEquals(0, after.exitCode(), after::toString);
        assertEquals(50, after.out().lines().count(), after::toString);
    }
}
