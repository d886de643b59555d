package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.cli.UsageException;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SavedSearch;
import quire.api.search.SavedSearches;
import quire.api.search.SearchHit;
import quire.api.search.SearchResult;

/** reindex, searches and similar. */
class SearchToolsCommandsTest {

    private static final Reference A = Reference.builder().id("a").title("Alpha").build();
    private static final Reference B = Reference.builder().id("b").title("Beta").build();

    private final SearchFakes.Search search = new SearchFakes.Search();
    private final SearchFakes.Console console = new SearchFakes.Console();

    // --- reindex -------------------------------------------------------------------------------------------------

    @Test
    void reindexRebuildsShowsProgressAndPrintsCountAndTime() throws Exception {
        search.indexed = 1234;
        assertEquals(0, new ReindexCommand(search).run(List.of(), console.io));
        assertEquals(1, search.rebuilt);
        assertTrue(console.out().matches("indexed 1,234 references in \\d+\\.\\d s\n"), console.out());
        assertTrue(console.err().startsWith("Indexing 3 references: 0%\n"), console.err());
        assertThrows(UsageException.class, () -> new ReindexCommand(search).run(List.of("now"), console.io));
    }

    // --- searches ------------------------------------------------------------------------------------------------

    /** Saved searches in memory; "AND" at the end does not parse. */
    static final class Saved implements SavedSearches {
        final Map<String, SavedSearch> all = new LinkedHashMap<>();
        long nextCount = 3;

        @Override
        public SavedSearch save(String name, String query) throws QuerySyntaxException {
            if (query.endsWith(" AND")) {
                throw new QuerySyntaxException("the query ends too early", query.length() - 3);
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("a saved search needs a name");
            }
            SavedSearch saved = new SavedSearch(name, query, nextCount, Instant.parse("2026-03-01T09:00:00Z"));
            all.put(name, saved);
            return saved;
        }

        @Override
        public Optional<SavedSearch> rerun(String name) {
            SavedSearch known = all.get(name);
            if (known == null) {
                return Optional.empty();
            }
            SavedSearch again = new SavedSearch(name, known.query(), nextCount, known.runAt().plusSeconds(60));
            all.put(name, again);
            return Optional.of(again);
        }

        @Override
        public List<SavedSearch> list() {
            return new ArrayList<>(all.values());
        }

        @Override
        public boolean remove(String name) throws IOException {
            return all.remove(name) != null;
        }
    }

    private final Saved saved = new Saved();
    private final SearchesCommand searches = new SearchesCommand(saved);

    private int searches(String... args) throws Exception {
        return searches.run(List.of(args), console.io);
    }

    @Test
    void savesRunsListsAndRemoves() throws Exception {
        searches("save", "sae", "sparse", "autoencoder*");
        assertEquals("sae  3 hits  2026-03-01T09:00:00Z  sparse autoencoder*\n", console.out());
        saved.nextCount = 1;
        searches("run", "sae");
        assertTrue(console.out().endsWith("sae  1 hit  2026-03-01T09:01:00Z  sparse autoencoder*\n"),
                console.out());
        console.out.reset();
        searches("save", "toy", "toy models");
        console.out.reset();
        searches();
        assertEquals("sae  1 hit  2026-03-01T09:01:00Z  sparse autoencoder*\n"
                + "toy  1 hit  2026-03-01T09:00:00Z  toy models\n", console.out());
        assertTrue(console.err().endsWith("2 saved searches\n"), console.err());
        console.out.reset();
        searches("remove", "sae");
        assertEquals("removed sae\n", console.out());
        assertEquals(List.of("toy"), saved.list().stream().map(SavedSearch::name).toList());
    }

    @Test
    void searchesInJson() throws Exception {
        searches("save", "sae", "sparse", "--format", "json");
        JsonNode one = ReferenceJson.MAPPER.readTree(console.out());
        assertEquals("sae", one.get("name").asText());
        assertEquals("sparse", one.get("query").asText());
        assertEquals(3, one.get("hitCount").asLong());
        assertEquals("2026-03-01T09:00:00Z", one.get("runAt").asText());
        console.out.reset();
        searches("list", "--format=json");
        JsonNode list = ReferenceJson.MAPPER.readTree(console.out());
        assertTrue(list.isArray());
        assertEquals("sae", list.get(0).get("name").asText());
    }

    @Test
    void searchesUsageErrors() throws Exception {
        assertThrows(UsageException.class, () -> searches("save", "only-a-name"));
        assertThrows(UsageException.class, () -> searches("run"));
        assertThrows(UsageException.class, () -> searches("list", "extra"));
        assertThrows(UsageException.class, () -> searches("frobnicate"));
        searches("save", "kept", "q");
        UsageException unknown = assertThrows(UsageException.class, () -> searches("run", "nope"));
        assertEquals("no saved search named 'nope' (saved: kept)", unknown.getMessage());
        assertThrows(UsageException.class, () -> searches("remove", "nope"));
        UsageException bad = assertThrows(UsageException.class, () -> searches("save", "x", "sparse", "AND"));
        assertTrue(bad.getMessage().startsWith("bad query: the query ends too early\n  sparse AND\n"),
                bad.getMessage());
    }

    // --- similar -------------------------------------------------------------------------------------------------

    @Test
    void similarAsksForAllTheGivenIdsAndPrintsHits() throws Exception {
        SimilarCommand similar = new SimilarCommand(search, new SearchFakes.FixedLibrary(A, B));
        search.result = new SearchResult("similar", 1, List.of(new SearchHit(B, 0.75f)));
        assertEquals(0, similar.run(List.of("a", "b", "a", "--limit", "5"), console.io));
        assertEquals(List.of(List.of("a", "b")), search.similarAsked);
        assertEquals("  0.75  b  ----  (no authors)  Beta\n", console.out());
        console.out.reset();
        similar.run(List.of("a", "--format", "json"), console.io);
        JsonNode json = ReferenceJson.MAPPER.readTree(console.out());
        assertEquals("b", json.get(0).get("id").asText());
        assertEquals(0.75, json.get(0).get("score").asDouble(), 1e-6);
    }

    @Test
    void similarRefusesUnknownIds() {
        SimilarCommand similar = new SimilarCommand(search, new SearchFakes.FixedLibrary(A));
        UsageException e = assertThrows(UsageException.class, () -> similar.run(List.of("a", "zz"), console.io));
        assertTrue(e.getMessage().contains("no reference with id zz"), e.getMessage());
        assertThrows(UsageException.class, () -> similar.run(List.of(), console.io));
        assertEquals(List.of(), search.similarAsked);
    }
}
