package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quire.api.cli.UsageException;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.search.FacetCount;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SortOrder;

class SearchCommandTest {

    private static final Reference SAE = Reference.builder().id("cunningham2023").title("Sparse Autoencoders")
            .author(Person.of("Cunningham", "Hoagy")).issued(IssuedDate.ofYear(2023))
            .abstractText("We find interpretable features.").build();
    private static final Reference TOY = Reference.builder().id("elhage2022").title("Toy Models").build();

    private final SearchFakes.Search search = new SearchFakes.Search();
    private final SearchFakes.Console console = new SearchFakes.Console();
    private final SearchCommand command = new SearchCommand(search);

    private int run(String... args) throws Exception {
        return command.run(List.of(args), console.io);
    }

    private SearchRequest asked() {
        return search.requests.get(search.requests.size() - 1);
    }

    @Test
    void textListsHitsWithScoresAndTheCountOnStderr() throws Exception {
        search.result = new SearchResult("sparse", 7, List.of(new SearchHit(SAE, 2.5f)));
        assertEquals(0, run("sparse", "autoencoders"));
        assertEquals("  2.50  cunningham2023  2023  Cunningham  Sparse Autoencoders\n", console.out());
        assertEquals("7 matching, 1 shown\n", console.err());
        assertEquals(SearchRequest.of("sparse autoencoders", 20), asked());
    }

    @Test
    void sortOffsetAndLimitReachTheRequest() throws Exception {
        run("q", "--sort", "-year", "--offset", "40", "--limit", "10");
        assertEquals(new SearchRequest("q", 40, 10, new SortOrder(SortOrder.Field.YEAR, true), false, false),
                asked());
        run("q", "--sort=author");
        assertEquals(new SortOrder(SortOrder.Field.FIRST_AUTHOR, false), asked().sort());
        run("q", "--sort", "title");
        assertEquals(new SortOrder(SortOrder.Field.TITLE, false), asked().sort());
        run("q", "--sort", "added");
        assertEquals(new SortOrder(SortOrder.Field.DATE_ADDED, false), asked().sort());
        run("q", "--sort", "-added");
        assertEquals(new SortOrder(SortOrder.Field.DATE_ADDED, true), asked().sort());
        run("q", "--sort", "relevance");
        assertEquals(SortOrder.RELEVANCE, asked().sort());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertTrue(assertThrows(UsageException.class, () -> run("q", "--sort", "size")).getMessage()
                .contains("unknown --sort size"));
        assertTrue(assertThrows(UsageException.class, () -> run("q", "--offset", "-1")).getMessage()
                .contains("--offset"));
        assertThrows(UsageException.class, () -> run("q", "--offset", "x"));
        assertThrows(UsageException.class, () -> run("--sort", "year"));
        assertThrows(UsageException.class, () -> run("q", "--facet"));
    }

    @Test
    void aQueryThatDoesNotParseIsAUsageErrorPointingAtTheSpot() {
        UsageException e = assertThrows(UsageException.class, () -> run("sparse", "AND"));
        assertEquals("bad query: the query ends too early\n  sparse AND\n         ^", e.getMessage());
    }

    @Test
    void jsonIsAnArrayOfReferencesWithScoresAndHighlights() throws Exception {
        search.result = new SearchResult("q", 2, List.of(
                new SearchHit(SAE, 1.5f, Map.of("title", "<mark>Sparse</mark> Autoencoders")),
                new SearchHit(TOY, 0.5f)));
        run("sparse", "--format", "json");
        assertTrue(asked().highlights(), "json always asks for snippets");
        assertFalse(asked().facets());
        JsonNode json = ReferenceJson.MAPPER.readTree(console.out());
        assertTrue(json.isArray());
        assertEquals(2, json.size());
        assertEquals("cunningham2023", json.get(0).get("id").asText());
        assertEquals(1.5, json.get(0).get("score").asDouble(), 1e-6);
        assertEquals("<mark>Sparse</mark> Autoencoders", json.get(0).get("highlights").get("title").asText());
        assertTrue(json.get(0).get("highlights").get("abstract").isNull());
        assertTrue(json.get(1).get("highlights").get("title").isNull());
        assertEquals("", console.err());
    }

    @Test
    void jsonWithFacetsIsAnObjectWithHitsTotalAndFacets() throws Exception {
        search.result = new SearchResult("q", 9, List.of(new SearchHit(SAE, 1f)), Map.of(
                "year", List.of(new FacetCount("2023", 5), new FacetCount("2022", 4)),
                "type", List.of(new FacetCount("preprint", 9))));
        run("sparse", "--facets", "--format=json");
        assertTrue(asked().facets());
        JsonNode json = ReferenceJson.MAPPER.readTree(console.out());
        assertEquals(9, json.get("total").asLong());
        assertEquals("cunningham2023", json.get("hits").get(0).get("id").asText());
        assertEquals("2023", json.get("facets").get("year").get(0).get("value").asText());
        assertEquals(5, json.get("facets").get("year").get(0).get("count").asLong());
        assertEquals(9, json.get("facets").get("type").get(0).get("count").asLong());
    }

    @Test
    void textFacetsFollowTheHits() throws Exception {
        search.result = new SearchResult("q", 9, List.of(new SearchHit(SAE, 1f)), Map.of(
                "year", List.of(new FacetCount("2023", 5), new FacetCount("2022", 4)),
                "tag", List.of()));
        run("sparse", "--facets");
        String out = console.out();
        assertTrue(out.endsWith("\nyear: 2023 (5), 2022 (4)\ntag: -\n"), out);
        assertFalse(asked().highlights(), "text has no use for snippets");
    }
}
