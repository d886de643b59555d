package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * Deduplication through the real distribution, headless: the same Scopus export imported twice, {@code dedup
 * --dry-run} changing nothing, {@code dedup} merging the copies (which stay, marked, for PRISMA), the merge list,
 * and an undo.
 */
class DedupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Result quire(String... args) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("--headless", "--workspace", dir.resolve("workspace").toString()));
        full.addAll(List.of(args));
        Result result = Distribution.run(dir.resolve("home"), Map.of(), full.toArray(String[]::new));
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + "\n" + result);
        return result;
    }

    @Test
    void theSameExportImportedTwiceIsMergedAndUndone() throws Exception {
        Path export = Distribution.SHARED.resolve("fixtures")
                .resolve("asreview_scopus_ris_issue_1099.ris");
        Path again = dir.resolve("scopus-again.ris");
        Files.writeString(again, Files.readString(export, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .replace("\n", "\r\n"), StandardCharsets.UTF_8);
        quire("import", export.toString(), again.toString());
        assertTrue(quire("help").out().contains("dedup"));

        JsonNode dry = JSON.readTree(quire("dedup", "--dry-run", "--format", "json").out());
        assertEquals(7, dry.get("automatic").asInt(), dry.toString());
        assertEquals(7, dry.get("duplicates").asInt());
        assertEquals(14, JSON.readTree(quire("list", "--format", "json").out()).size());

        Result merged = quire("dedup");
        assertTrue(merged.out().startsWith("merged d"), merged.out());
        assertTrue(merged.err().contains("merged 7 duplicates in 7 groups"), merged.err());
        JsonNode list = JSON.readTree(quire("list", "--format", "json").out());
        assertEquals(14, list.size(), "the copies stay in the library, marked");
        int marked = 0;
        for (JsonNode reference : list) {
            if (reference.path("fields").has("duplicateOf")) {
                marked++;
            }
        }
        assertEquals(7, marked);
        JsonNode merges = JSON.readTree(quire("dedup", "--merges", "--format", "json").out());
        assertEquals(7, merges.size());
        assertEquals(0, JSON.readTree(quire("dedup", "--dry-run", "--format", "json").out()).get("automatic").asInt(),
                "nothing left to merge");

        String id = merges.get(0).get("id").asText();
        assertTrue(quire("dedup", "--undo", id).out().startsWith("undid " + id));
        assertEquals(6, JSON.readTree(quire("dedup", "--merges", "--format", "json").out()).size());
        Result unknown = Distribution.run(dir.resolve("home"), Map.of(), "--headless", "--workspace",
                dir.resolve("workspace").toString(), "dedup", "--undo", id);
        assertEquals(2, unknown.exitCode(), unknown.toString());
    }
}
