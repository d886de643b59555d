package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * The real distribution opens the workbench on the seeds: the citation, details and facets views, contributed by
 * their own bundles, fill the window; the screenshot is kept in {@code target/screenshots/} for people to look at.
 * Running it twice shows the layout file written in the workspace is read back.
 */
class WorkbenchIT {

    @TempDir
    Path home;

    @Test
    void theWorkbenchShowsItsContributedViewsOnTheSeeds() throws Exception {
        Path png = home.resolve("workbench.png");
        try (VirtualDisplay display = VirtualDisplay.open()) {
            Map<String, String> environment = Map.of("DISPLAY", display.display(), "NO_AT_BRIDGE", "1");
            Result result = Distribution.run(home, environment, "--screenshot", png.toString());
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().contains("quire: window shows 107 references"), result::toString);
            Path layout = home.resolve(".quire/workspace/workbench-layout.json");
            assertTrue(Files.exists(layout), "the window remembers its layout in the workspace");

            Result again = Distribution.run(home, environment, "--screenshot", png.toString());
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.out().contains("quire: window shows 107 references"), again::toString);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 600,
                "the standard window: " + image.getWidth() + "x" + image.getHeight());
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(png, screenshots.resolve("workbench.png"), StandardCopyOption.REPLACE_EXISTING);
        // and one picture per area's view, cut from the window
        for (String view : new String[] {"quire.citations", "quire.details", "quire.facets"}) {
            Path part = home.resolve("workbench-" + view + ".png");
            assertTrue(Files.exists(part), "a screenshot of the view " + view);
            BufferedImage viewImage = ImageIO.read(part.toFile());
            assertTrue(viewImage.getWidth() >= 200 && viewImage.getHeight() >= 300,
                    view + ": " + viewImage.getWidth() + "x" + viewImage.getHeight());
            Files.copy(part, screenshots.resolve(part.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
