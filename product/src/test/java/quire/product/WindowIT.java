package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * {@code ./quire} opens the workbench on the default workspace: under X, its table lists the seeds (the listing's 50
 * papers and the records of the two newsletter clippings).
 */
class WindowIT {

    @TempDir
    Path home;

    @Test
    void theWindowShowsTheSeedPapers() throws Exception {
        Path png = home.resolve("window.png");
        try (VirtualDisplay display = VirtualDisplay.open()) {
            Result result = Distribution.run(home, Map.of("DISPLAY", display.display(), "NO_AT_BRIDGE", "1"),
                    "--screenshot", png.toString());
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().contains("quire: window shows 107 references"), result::toString);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 640 && image.getHeight() >= 400,
                "a real window: " + image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the window has content, not a blank rectangle: " + colours.size());
        // kept for people to look at
        Files.copy(png, Path.of("target", "window.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
