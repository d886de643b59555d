package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private final SimulateCommand command = new SimulateCommand(List.of(new LinearSvmModel(), new NaiveBayesModel()));

    private String run(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new CommandIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Acceptance 1: every shared dataset, the four metrics and a curve each, the same figures twice. */
    @Test
    void everySharedDatasetGivesTheFourMetricsAndACurveDeterministically() throws Exception {
        List<String> args = new ArrayList<>();
        SharedDatasets.all().forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--model", "svm,nb", "--seeds", "1", "--retrain-every", "2", "--format", "json", "-o",
                dir.resolve("curve.png").toString()));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(run(args));
        JsonNode second = mapper.readTree(run(args));
        assertEquals(withoutTimes(first), withoutTimes(second), "the same seed gives the same figures");

        assertEquals(SharedDatasets.all().size(), first.get("datasets").size());
        for (JsonNode dataset : first.get("datasets")) {
            assertEquals(2, dataset.get("models").size());
            for (JsonNode model : dataset.get("models")) {
                JsonNode mean = model.get("mean");
                for (String metric : List.of("wss95", "rrf10", "atd", "loss")) {
                    assertTrue(mean.get(metric).isNumber(), dataset.get("name") + " " + metric);
                }
                assertTrue(mean.get("wss95").asDouble() > 0, dataset.get("name") + " better than random");
                assertTrue(mean.get("loss").asDouble() >= 0 && mean.get("loss").asDouble() <= 1);
            }
            Path curve = Path.of(dataset.get("curve").asText());
            assertEquals("curve-" + dataset.get("name").asText() + ".png", curve.getFileName().toString());
            BufferedImage image = ImageIO.read(curve.toFile());
            assertEquals(900, image.getWidth());
            assertEquals(600, image.getHeight());
        }
        assertTrue(first.get("meanOverDatasets").has("svm"));
        assertTrue(first.get("meanOverDatasets").has("nb"));
    }

    private static JsonNode withoutTimes(JsonNode root) {
        JsonNode copy = root.deepCopy();
        for (JsonNode dataset : copy.get("datasets")) {
            for (JsonNode model : dataset.get("models")) {
                for (JsonNode run : model.get("runs")) {
                    ((ObjectNode) run).remove("seconds");
                }
            }
        }
        return copy;
    }

    @Test
    void textListsTheMetricsPerModel() throws Exception {
        Path png = dir.resolve("donners.png");
        String out = run(List.of(SharedDatasets.named("Donners_2021").toString(), "--seeds", "2", "-o",
                png.toString()));
        String[] lines = out.split("\n");
        assertTrue(lines[0].matches("dataset\\s+model\\s+records\\s+includes\\s+WSS@95\\s+RRF@10\\s+ATD\\s+loss.*"),
                lines[0]);
        assertTrue(lines[1].matches("Donners_2021\\s+svm\\s+258\\s+15\\s+\\d+\\.\\d%\\s+\\d+\\.\\d%\\s+\\d+\\.\\d"
                + "\\s+0\\.\\d{3}\\s+every 1"), lines[1]);
        assertTrue(out.contains("recall curve of Donners_2021: " + png), out);
        assertTrue(png.toFile().length() > 10_000, "a picture, not an empty file");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        UsageException unknown = assertThrows(UsageException.class,
                () -> run(List.of("x.csv", "--model", "forest")));
        assertEquals("no model 'forest' (installed: nb, svm)", unknown.getMessage());
        assertThrows(UsageException.class, () -> run(List.of("x.csv", "--seeds", "0")));
        assertThrows(UsageException.class, () -> run(List.of("x.csv", "--random-share", "2")));
        assertThrows(UsageException.class, () -> run(List.of("--seeds", "3")));
        assertThrows(UsageException.class, () -> run(List.of("x.csv", "--frobnicate")));
        assertThrows(NoSuchFileException.class, () -> run(List.of(dir.resolve("missing.csv").toString())));
        UsageException noFolder = assertThrows(UsageException.class, () -> run(List.of(
                SharedDatasets.named("Donners_2021").toString(), "-o", dir.resolve("no/such/curve.png").toString())));
        assertTrue(noFolder.getMessage().startsWith("no folder "), noFolder.getMessage());
    }
}
