package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static quire.product.ExamplePluginsIT.exampleJar;
import static quire.product.ExamplePluginsIT.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import quire.api.library.Library;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.Plugins;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;
import quire.launcher.Launcher;

/**
 * The data-extraction example plugin (examples/quire.example.extraction), built outside the product, dropped into
 * {@code plugins/} of a running Quire with the review, used through the review service and its command, and removed:
 * its stage, command, view and window command come and go; the extraction data it stored stays in the workspace.
 */
class ExtractionPluginIT {

    static final String JAR = "quire.example.extraction";

    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run run(Launcher launcher, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = launcher.runCommand(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static boolean has(BundleContext context, String service, String filter) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences(service, filter);
            return found != null && found.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static boolean hasStage(ReviewService review) {
        return review.stages().stream().anyMatch(s -> s.id().equals("data-extraction"));
    }

    @Test
    void theExtractionStageArrivesIsUsedAndLeavesItsDataBehind() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        // with the ui feature, headless: the window's bundles resolve (the plugin's view registers) but, without
        // the launcher's main-thread executor, no window opens
        try (Launcher launcher = ExamplePluginsIT.launcher(dir, plugins,
                List.of("core", "importers", "export", "review", "ui"))) {
            BundleContext context = launcher.start();
            assertEquals(List.of(), launcher.startProblems());
            Run imported = run(launcher, "import", Distribution.REPO.resolve("seeds").toString());
            assertEquals(0, imported.exit(), imported.toString());
            Library library = OsgiServicesIT.service(context, Library.class);
            assertTrue(library.size() > 10, "the seeds are imported: " + library.size());

            // a one-reviewer review that includes two studies
            ReviewService review = OsgiServicesIT.service(context, ReviewService.class);
            review.saveProtocol(new ReviewProtocol("Extraction test", "Does it work?", List.of(), List.of(),
                    List.of(new Reviewer("AB", "Ann Bell")), false, 1));
            review.setCurrentReviewer("AB");
            Set<String> candidates = review.outcomes().get(ReviewStage.DEDUPLICATION).passed();
            List<String> chosen = library.references().stream().map(r -> r.id()).filter(candidates::contains)
                    .limit(2).toList();
            for (ReviewStage stage : review.stages()) {
                if (stage.screened()) {
                    review.decide(stage.id(), chosen, Verdict.INCLUDE, Optional.empty(), Optional.empty());
                }
            }
            assertEquals(Set.copyOf(chosen), review.outcomes().get(ReviewStage.INCLUDED).passed());
            String first = chosen.get(0);
            String second = chosen.get(1);

            assertFalse(hasStage(review));
            assertEquals(2, run(launcher, "extraction", "status").exit(), "no extraction command yet");

            // dropped in: the stage, the command line command, the view and the window command arrive
            Path dropped = Files.copy(exampleJar(JAR), plugins.resolve("extraction.jar"));
            waitFor(() -> hasStage(review), "the data-extraction stage to register");
            waitFor(() -> has(context, "quire.api.cli.Command", "(quire.command.name=extraction)"),
                    "the extraction command");
            waitFor(() -> has(context, "quire.ui.api.View", "(quire.view.id=quire.example.extraction)"),
                    "the extraction view");
            assertTrue(has(context, "quire.ui.api.Command", "(quire.command.id=quire.example.extraction.export-csv)"));
            assertTrue(has(context, "quire.ui.api.MenuContribution",
                    "(component.name=quire.example.extraction.ExportCsvCommand)"));
            // the view is usable in this framework: its class loads against the window's API and it activates
            ServiceReference<?> view = context.getServiceReferences("quire.ui.api.View",
                    "(quire.view.id=quire.example.extraction)")[0];
            Object viewService = context.getService(view);
            assertEquals("Data extraction", viewService.getClass().getMethod("label").invoke(viewService));
            assertEquals("CENTRE", String.valueOf(viewService.getClass().getMethod("placement").invoke(viewService)));
            context.ungetService(view);
            ReviewStage stage = review.stages().get(review.stages().size() - 1);
            assertEquals("data-extraction", stage.id(), "the stage comes after the included studies");
            assertEquals(1100, stage.order());
            PluginInfo plugin = OsgiServicesIT.service(context, Plugins.class).plugins().stream()
                    .filter(p -> p.symbolicName().equals(JAR)).findFirst().orElseThrow();
            assertEquals("ACTIVE", plugin.state());
            assertTrue(plugin.contributions().containsAll(List.of("ReviewStage data-extraction",
                    "Command extraction", "View quire.example.extraction")), plugin.contributions().toString());
            StageOutcome before = review.outcomes().get("data-extraction");
            assertEquals(Set.copyOf(chosen), before.entered(), "the included studies enter data extraction");
            assertEquals(Set.copyOf(chosen), before.pending(), "nothing is extracted yet");

            Run form = run(launcher, "extraction", "form");
            assertEquals(0, form.exit(), form.toString());
            assertTrue(form.out().startsWith("Study characteristics (example form)\nfrom the example form (no "
                    + "extraction/form.json in the workspace): 8 fields, valid\n"), form.out());

            // the team's own form
            Path workspace = dir.resolve("W");
            Files.createDirectories(workspace.resolve("extraction"));
            Files.writeString(workspace.resolve("extraction/form.json"), """
                    {"title": "Trials", "fields": [
                      {"id": "design", "label": "Design", "type": "choice", "values": ["RCT", "cohort"],
                       "required": true},
                      {"id": "n", "label": "Participants", "type": "integer", "required": true},
                      {"id": "outcomes", "label": "Outcomes", "type": "multi-choice",
                       "values": ["death", "pain, severe"]},
                      {"id": "notes", "label": "Notes", "type": "text"}]}
                    """);
            Run broken = run(launcher, "extraction", "set", first, "n", "many");
            assertEquals(2, broken.exit(), broken.toString());
            assertTrue(broken.err().startsWith("quire extraction: n: 'many' is not a whole number"), broken.err());

            List<Run> sets = new ArrayList<>();
            sets.add(run(launcher, "extraction", "set", first, "design", "RCT"));
            sets.add(run(launcher, "extraction", "set", first, "n", "120"));
            sets.add(run(launcher, "extraction", "set", first, "outcomes", "death", "pain, severe"));
            sets.add(run(launcher, "extraction", "set", first, "notes", "said \"yes\",\nthen no"));
            sets.add(run(launcher, "extraction", "set", second, "design", "cohort"));
            for (Run set : sets) {
                assertEquals(0, set.exit(), set.toString());
            }
            assertEquals(first + " n = 120 (AB; complete)\n", sets.get(1).out());
            assertEquals(second + " design = cohort (AB; still missing: n)\n", sets.get(4).out());

            Run status = run(launcher, "extraction", "status");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().startsWith("2 included studies: 1 extracted, 1 pending\n"), status.out());
            assertTrue(status.out().contains("AB complete"), status.out());
            assertTrue(status.out().contains("AB partial (1 required missing)"), status.out());
            // the stage judges the same way (asked directly: the review caches outcomes until its log changes)
            assertEquals(Set.of(first), stage.outcome(chosen, java.util.Map.of()).passed());

            Path csv = dir.resolve("results.csv");
            Run export = run(launcher, "extraction", "export", "-o", csv.toString());
            assertEquals(0, export.exit(), export.toString());
            String title1 = library.reference(first).orElseThrow().title();
            String title2 = library.reference(second).orElseThrow().title();
            assertEquals("study,citation_key,title,reviewer,design,n,outcomes,notes\r\n"
                    + first + ",," + csvField(title1) + ",AB,RCT,120,\"death; pain, severe\",\"said \"\"yes\"\",\n"
                    + "then no\"\r\n"
                    + second + ",," + csvField(title2) + ",AB,cohort,,,\r\n", Files.readString(csv));

            // removed: stage, command, view go; what was extracted stays on disk
            Files.delete(dropped);
            waitFor(() -> !hasStage(review), "the stage to go");
            waitFor(() -> !has(context, "quire.api.cli.Command", "(quire.command.name=extraction)"),
                    "the command to go");
            waitFor(() -> !has(context, "quire.ui.api.View", "(quire.view.id=quire.example.extraction)"),
                    "the view to go");
            assertFalse(review.outcomes().containsKey("data-extraction"));
            assertEquals(Set.copyOf(chosen), review.outcomes().get(ReviewStage.INCLUDED).passed());
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> JAR.equals(b.getSymbolicName())));
            List<String> stored = Files.readAllLines(workspace.resolve("extraction/extractions.jsonl"));
            assertEquals(5, stored.size(), "one line per save, all kept");
            assertTrue(stored.get(3).contains("\"notes\":\"said \\\"yes\\\",\\nthen no\""), stored.get(3));
            assertTrue(Files.exists(workspace.resolve("extraction/form.json")));
        }
    }

    @Test
    void withoutTheWindowTheStageAndTheCommandStillWork() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (Launcher launcher = ExamplePluginsIT.launcher(dir, plugins, List.of("core", "importers", "export",
                "review"))) {
            BundleContext context = launcher.start();
            ReviewService review = OsgiServicesIT.service(context, ReviewService.class);
            Files.copy(exampleJar(JAR), plugins.resolve("extraction.jar"));
            waitFor(() -> hasStage(review), "the data-extraction stage to register without SWT");
            Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> JAR.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow();
            assertEquals(Bundle.ACTIVE, bundle.getState(), "SWT and quire.ui.api are optional imports");
            waitFor(() -> has(context, "quire.api.cli.Command", "(quire.command.name=extraction)"), "the command");
            Run status = run(launcher, "extraction", "status");
            assertEquals(0, status.exit(), status.toString());
            assertEquals("0 included studies: 0 extracted, 0 pending\n", status.out());
        }
    }

    static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
