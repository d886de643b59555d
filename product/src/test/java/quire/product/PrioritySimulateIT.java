package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * Priority screening in the real product: {@code review-simulate} runs inside Felix with the models found as
 * services, prints ASReview's metrics as JSON and draws the recall curve with java.awt from the system bundle.
 */
class PrioritySimulateIT {

    @TempDir
    Path dir;

    @Test
    void simulatesASharedDatasetWithBothModelsAndDrawsTheCurve() throws Exception {
        Path dataset = Distribution.SHARED.resolve("benchmarks/screening/Donners_2021.csv");
        assertTrue(Files.isRegularFile(dataset), "the shared SYNERGY dataset " + dataset);
        Path curve = dir.resolve("curve.png");
        Result result = Distribution.run(dir.resolve("home"), "--headless", "--workspace", dir.resolve("W").toString(),
                "review-simulate", dataset.toString(), "--model", "svm,nb", "--seeds", "1", "--format", "json", "-o",
                curve.toString());
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode donners = json.get("datasets").get(0);
        assertEquals(258, donners.get("records").asInt());
        assertEquals(2, donners.get("models").size());
        for (JsonNode model : donners.get("models")) {
            assertTrue(model.get("mean").get("wss95").asDouble() > 0.3, result::toString);
        }
        BufferedImage image = ImageIO.read(curve.toFile());
        assertEquals(900, image.getWidth());

        Result help = Distribution.run(dir.resolve("home"), "--headless", "--workspace", dir.resolve("W").toString(),
                "help");
        assertTrue(help.out().contains("review-simulate DATASET.csv..."), help::toString);
    }
}
