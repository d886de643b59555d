package quire.searches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SavedSearch;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

class WorkspaceSavedSearchesTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path workspace;

    private final FakeSearch search = new FakeSearch();
    private final StepClock clock = new StepClock();
    private Path file;
    private WorkspaceSavedSearches searches;

    @BeforeEach
    void open() {
        file = workspace.resolve(WorkspaceSavedSearches.FILE);
        searches = new WorkspaceSavedSearches(search, file, clock);
    }

    @Test
    void savingRunsTheQueryAndRecordsItsCountAndTime() throws Exception {
        search.counts.put("sparse autoencoders", 12L);
        SavedSearch saved = searches.save(" sae ", "sparse autoencoders");
        assertEquals(new SavedSearch("sae", "sparse autoencoders", 12, START), saved);
        assertEquals(List.of("sparse autoencoders"), search.asked);
        assertEquals(0, search.limits.get(0), "only the count is needed");
        assertEquals(List.of(saved), searches.list());
    }

    @Test
    void theFileIsJsonWithIsoTimes() throws Exception {
        search.counts.put("q", 3L);
        searches.save("first", "q");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, json.get("version").asInt());
        JsonNode first = json.get("searches").get(0);
        assertEquals("first", first.get("name").asText());
        assertEquals("q", first.get("query").asText());
        assertEquals(3, first.get("hitCount").asLong());
        assertEquals("2026-03-01T09:00:00Z", first.get("runAt").asText());
    }

    @Test
    void savedSearchesSurviveARestartInTheOrderFirstSaved() throws Exception {
        searches.save("b", "beta");
        searches.save("a", "alpha");
        searches.save("c", "gamma");
        searches.save("b", "beta OR delta"); // replaced in place
        List<SavedSearch> again = new WorkspaceSavedSearches(search, file, clock).list();
        assertEquals(List.of("b", "a", "c"), again.stream().map(SavedSearch::name).toList());
        assertEquals("beta OR delta", again.get(0).query());
    }

    @Test
    void rerunningUpdatesTheCountAndTime() throws Exception {
        search.counts.put("q", 5L);
        searches.save("s", "q");
        search.counts.put("q", 8L);
        Optional<SavedSearch> again = searches.rerun("s");
        assertEquals(Optional.of(new SavedSearch("s", "q", 8, START.plusSeconds(60))), again);
        assertEquals(again.get(), searches.list().get(0));
        assertEquals(Optional.empty(), searches.rerun("nope"));
    }

    @Test
    void removingForgetsOnlyThatOne() throws Exception {
        searches.save("a", "alpha");
        searches.save("b", "beta");
        assertTrue(searches.remove("a"));
        assertFalse(searches.remove("a"));
        assertEquals(List.of("b"), new WorkspaceSavedSearches(search, file, clock).list().stream()
                .map(SavedSearch::name).toList());
    }

    @Test
    void aQueryThatDoesNotParseIsNotSaved() throws Exception {
        searches.save("ok", "alpha");
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> searches.save("bad", "a AND"));
        assertEquals(5, e.position());
        assertEquals(List.of("ok"), searches.list().stream().map(SavedSearch::name).toList());
    }

    @Test
    void namesAndQueriesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> searches.save(" ", "q"));
        assertThrows(IllegalArgumentException.class, () -> searches.save("n", " "));
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        searches.save("a", "alpha");
        searches.save("b", "beta");
        searches.remove("a");
        try (Stream<Path> files = Files.list(workspace)) {
            assertEquals(List.of(WorkspaceSavedSearches.FILE),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aStaleTemporaryFileFromACrashIsHarmless() throws Exception {
        searches.save("a", "alpha");
        Files.writeString(workspace.resolve("." + WorkspaceSavedSearches.FILE + ".tmp"), "{\"half\": ");
        assertEquals(1, searches.list().size());
        searches.save("b", "beta");
        assertEquals(2, new WorkspaceSavedSearches(search, file, clock).list().size());
    }

    @Test
    void aBrokenFileIsReportedWithWhereAndWhatToDo() throws Exception {
        Files.writeString(file, "{\"version\": 1, \"searches\": [ {\"name\": \"x\", ");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> searches.list());
        assertTrue(e.getMessage().contains(WorkspaceSavedSearches.FILE), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("move it away"), e.getMessage());
        assertThrows(IOException.class, () -> searches.save("y", "q"));
        assertTrue(Files.readString(file).startsWith("{\"version\": 1"), "a broken file is not overwritten");
    }

    @Test
    void aFileOfANewerVersionIsLeftAlone() throws Exception {
        Files.writeString(file, "{\"version\": 2, \"searches\": []}");
        IOException e = assertThrows(IOException.class, () -> searches.save("y", "q"));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertEquals("{\"version\": 2, \"searches\": []}", Files.readString(file));
    }

    @Test
    void unknownFieldsOfALaterMinorChangeAreIgnored() throws Exception {
        Files.writeString(file, "{\"version\": 1, \"note\": \"x\", \"searches\": [{\"name\": \"a\", \"query\": \"q\","
                + " \"hitCount\": 4, \"runAt\": \"2025-01-02T03:04:05Z\", \"database\": \"Scopus\"}]}");
        assertEquals(List.of(new SavedSearch("a", "q", 4, Instant.parse("2025-01-02T03:04:05Z"))),
                searches.list());
    }

    /** Counts by query; "AND" at the end is a syntax error, as in the real language. */
    static final class FakeSearch implements SearchService {
        final Map<String, Long> counts = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public SearchResult search(SearchRequest request) throws QuerySyntaxException {
            if (request.query().endsWith("AND")) {
                throw new QuerySyntaxException("the query ends too early", request.query().length());
            }
            asked.add(request.query());
            limits.add(request.limit());
            return new SearchResult(request.query(), counts.getOrDefault(request.query(), 0L), List.of());
        }

        @Override
        public SearchResult similar(Collection<String> ids, int limit) {
            return new SearchResult("", 0, List.of());
        }

        @Override
        public void rebuild(Progress progress) {
        }
    }

    /** A clock that moves a minute each time it is read. */
    static final class StepClock extends Clock {
        private Instant next = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(Duration.ofMinutes(1));
            return now;
        }
    }
}
