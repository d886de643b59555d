package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/** The product as a whole: the default workspace and its seeds, the headless product, start-up time. */
class ProductIT {

    @TempDir
    Path home;

    @Test
    void theDefaultWorkspaceStartsWithTheSeedPapers() throws Exception {
        Result first = Distribution.run(home, "list");
        assertEquals(0, first.exitCode(), first::toString);
        // the listing's 50 papers and the two newsletter clippings (21 and 36 records)
        assertEquals(107, first.out().lines().count(), first::toString);
        assertTrue(first.err().contains("imported 50 seed references from 002_b89f686bb3a49483.txt"), first::toString);
        assertTrue(first.err().contains("imported 21 seed references from 000_5a5e5f112a7bccbb.txt"), first::toString);
        assertTrue(Files.exists(home.resolve(".quire/workspace/library.jsonl")));

        Result second = Distribution.run(home, "list");
        assertEquals(107, second.out().lines().count(), "seeded once, not twice");
        assertFalse(second.err().contains("seed"), second::toString);

        Result named = Distribution.run(home, "--workspace", home.resolve("other").toString(), "list");
        assertEquals(0, named.out().lines().count(), "a workspace the user names starts empty");
    }

    @Test
    void theHeadlessProductStartsAndWorksWithoutTheUiFeature() throws Exception {
        Path workspace = home.resolve("W");
        Result bundles = Distribution.run(home, "--headless", "--verbose", "--workspace", workspace.toString(),
                "bundles");
        assertEquals(0, bundles.exitCode(), bundles::toString);
        assertFalse(bundles.out().contains("quire.ui"), bundles::toString);
        assertFalse(bundles.out().contains("swt"), bundles::toString);
        assertTrue(bundles.out().lines().allMatch(l -> l.contains("ACTIVE")), bundles::toString);
        Matcher timing = Pattern.compile("(\\d+) bundles started in (\\d+) ms").matcher(bundles.err());
        assertTrue(timing.find(), "--verbose prints the start-up time: " + bundles.err());

        Result imported = Distribution.run(home, "--headless", "--workspace", workspace.toString(), "import",
                Distribution.SEED_LISTING.toString());
        assertTrue(imported.out().contains("50 records imported"), imported::toString);
        Result search = Distribution.run(home, "--headless", "--workspace", workspace.toString(), "search",
                "author:barez");
        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(search.out().lines().count() > 10, search::toString);

        Result window = Distribution.run(home, "--headless", "--workspace", workspace.toString());
        assertEquals(2, window.exitCode(), window::toString);
        assertTrue(window.err().contains("no window"), window::toString);
    }
}
