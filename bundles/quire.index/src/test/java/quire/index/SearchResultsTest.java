package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.search.FacetCount;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SortOrder;

/** What a search returns besides ids: unstemmed prefixes, facets, snippets, orders, pages, similar references. */
class SearchResultsTest {

    @TempDir
    Path workspace;

    private InMemoryLibrary library;
    private LuceneSearchService service;

    @BeforeEach
    void storeReferences() {
        library = new InMemoryLibrary(workspace);
        library.store(TestReferences.all());
        service = new LuceneSearchService(library);
    }

    @AfterEach
    void close() {
        service.close();
    }

    private List<String> ids(SearchRequest request) throws QuerySyntaxException {
        return service.search(request).hits().stream().map(hit -> hit.reference().id()).toList();
    }

    private Set<String> idSet(String query) throws QuerySyntaxException {
        return Set.copyOf(ids(SearchRequest.of(query, 100)));
    }

    // --- prefixes, wildcards and fuzzy terms match words as written --------------------------------------------

    @Test
    void prefixesMatchUnstemmedWords() throws Exception {
        // "interpretab" is no stem (the stem of interpretable is "interpret"): found only as written
        assertEquals(Set.of("wang2022", "cunningham2023"), idSet("title:interpretab*"));
        assertEquals(Set.of("cunningham2023"), idSet("title:interpretab* AND year:2023..2025"));
        assertEquals(Set.of("wang2022", "cunningham2023", "kaplan2020"), idSet("interpretab*"));
        // a prefix of the stem still finds every form
        assertEquals(Set.of("wang2022", "kaplan2020", "cunningham2023", "marks2023"), idSet("interpret*"));
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("autoencoders"));
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("title:autoenc?ders"));
    }

    @Test
    void wildcardsAndFuzzyTermsMatchUnstemmedWords() throws Exception {
        assertEquals(Set.of("wang2022"), idSet("title:interpretabilit?"));
        assertEquals(Set.of("wang2022", "kaplan2020"), idSet("interpretabilty~"));
        assertEquals(Set.of("elhage2022"), idSet("title:superpositon~"));
    }

    @Test
    void stemmedWordsStillFindEveryForm() throws Exception {
        assertEquals(Set.of("wang2022", "kaplan2020", "cunningham2023", "marks2023"), idSet("interpretation"));
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("\"sparse autoencoder\""));
    }

    // --- decisions and sources --------------------------------------------------------------------------------

    @Test
    void decisionsComeFromScreeningLabels() throws Exception {
        library.store(labelled("lab1", "Include"), labelled("lab2", "exclude"), labelled("lab3", "include"));
        assertEquals(Set.of("lab1", "lab3"), idSet("decision:include"));
        assertEquals(Set.of("lab2"), idSet("decision:EXCLUDE"));
        SearchResult result = service.search(SearchRequest.of("labelled", 10).withFacets());
        assertEquals(List.of(new FacetCount("include", 2), new FacetCount("exclude", 1)),
                result.facets().get("decision"));
    }

    @Test
    void theReviewsSettledVerdictsAreTheDecisionsAndFollowItsEvents() throws Exception {
        library.store(labelled("lab1", "Include"), labelled("lab2", "exclude"), labelled("lab3", "include"));
        Map<String, quire.api.review.Verdict> settled = new java.util.concurrent.ConcurrentHashMap<>();
        settled.put("lab2", quire.api.review.Verdict.INCLUDE);   // the review overrides the source's label
        settled.put("wang2022", quire.api.review.Verdict.MAYBE); // and decides unlabelled references
        quire.api.review.ReviewService review = (quire.api.review.ReviewService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {quire.api.review.ReviewService.class},
                        (proxy, method, args) -> switch (method.getName()) {
                            case "settledVerdicts" -> Map.copyOf(settled);
                            case "toString" -> "FakeReview";
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
        assertEquals(Set.of("lab1", "lab3"), idSet("decision:include"));
        service.bindReview(review);
        eventually(() -> idSet("decision:include").equals(Set.of("lab1", "lab2", "lab3"))
                && idSet("decision:maybe").equals(Set.of("wang2022")) && idSet("decision:exclude").isEmpty());

        // a decision recorded: the review says which references changed
        settled.put("lab1", quire.api.review.Verdict.EXCLUDE);
        service.handleEvent(new org.osgi.service.event.Event(quire.api.review.ReviewService.TOPIC_DECIDED,
                Map.of("stage", "title-abstract", "referenceIds", List.of("lab1"))));
        eventually(() -> idSet("decision:exclude").equals(Set.of("lab1")));
        SearchResult result = service.search(SearchRequest.of("", 100).withFacets());
        assertEquals(List.of(new FacetCount("include", 2), new FacetCount("exclude", 1), new FacetCount("maybe", 1)),
                result.facets().get("decision"));

        // without the review, the labels again
        service.unbindReview(review);
        eventually(() -> idSet("decision:include").equals(Set.of("lab1", "lab3"))
                && idSet("decision:exclude").equals(Set.of("lab2")) && idSet("decision:maybe").isEmpty());
    }

    /** Waits (up to 10 s) for the index's worker to follow. */
    private static void eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not follow the review in 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void sourcesAreDatabasesAndFormats() throws Exception {
        library.store(Reference.builder().id("scopus1").title("Something from Scopus")
                .provenance(Provenance.of("export.ris", "ris", 0, 1).fromDatabase("Scopus")).build());
        assertEquals(Set.of("scopus1"), idSet("source:scopus"));
        assertEquals(Set.of("scopus1"), idSet("source:ris"));
        SearchResult result = service.search(SearchRequest.of("something", 10).withFacets());
        assertEquals(List.of(new FacetCount("scopus", 1)), result.facets().get("source"));
    }

    private static Reference labelled(String id, String label) {
        return Reference.builder().id(id).title("Labelled " + id).field("screeningLabel", label).build();
    }

    // --- facets -------------------------------------------------------------------------------------------------

    @Test
    void facetsCountTheMatchingReferences() throws Exception {
        SearchResult result = service.search(SearchRequest.of("type:preprint", 2).withFacets());
        assertEquals(5, result.totalHits());
        assertEquals(2, result.hits().size());
        Map<String, List<FacetCount>> facets = result.facets();
        assertEquals(Set.of("year", "type", "venue", "tag", "decision", "source"), facets.keySet());
        assertEquals(List.of(new FacetCount("preprint", 5)), facets.get("type"));
        assertEquals(Map.of("2022", 2L, "2023", 2L, "2020", 1L), counts(facets.get("year")));
        assertEquals(List.of(new FacetCount("include", 2), new FacetCount("superposition", 1)), facets.get("tag"));
        assertEquals(Map.of("listing", 5L, "bibtex", 1L), counts(facets.get("source")));
        assertEquals(List.of(new FacetCount("arXiv", 1)), facets.get("venue"));
        assertEquals(List.of(), facets.get("decision"));
    }

    @Test
    void facetsOfEverythingAndLargestFirst() throws Exception {
        SearchResult result = service.search(SearchRequest.of("", 0).withFacets());
        assertEquals(10, result.totalHits());
        List<FacetCount> types = result.facets().get("type");
        assertEquals(new FacetCount("preprint", 5), types.get(0));
        assertEquals(new FacetCount("article", 3), types.get(1));
        assertEquals(10, types.stream().mapToLong(FacetCount::count).sum());
        for (List<FacetCount> values : result.facets().values()) {
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i - 1).count() >= values.get(i).count(), values.toString());
            }
        }
    }

    @Test
    void facetsFollowTheLibrary() throws Exception {
        assertEquals(Map.of("2020", 1L), counts(service.search(SearchRequest.of("year:2020", 0).withFacets())
                .facets().get("year")));
        library.store(TestReferences.olah2020());
        assertEquals(Map.of("2020", 2L), counts(service.search(SearchRequest.of("year:2020", 0).withFacets())
                .facets().get("year")));
    }

    @Test
    void noFacetsUnlessAsked() throws Exception {
        assertEquals(Map.of(), service.search(SearchRequest.of("type:preprint", 10)).facets());
    }

    private static Map<String, Long> counts(List<FacetCount> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(value -> counts.put(value.value(), value.count()));
        return counts;
    }

    // --- snippets -----------------------------------------------------------------------------------------------

    @Test
    void snippetsMarkTheMatchesInTitleAndAbstract() throws Exception {
        List<SearchHit> hits = service.search(SearchRequest.of("interpretability", 10).withHighlights()).hits();
        SearchHit wang = hit(hits, "wang2022");
        assertEquals("<mark>Interpretability</mark> in the Wild: a Circuit for Indirect Object Identification in"
                + " GPT-2 small", wang.highlights().get("title"));
        assertFalse(wang.highlights().containsKey("abstract"), "no match in the abstract, no snippet");
        SearchHit kaplan = hit(hits, "kaplan2020");
        assertFalse(kaplan.highlights().containsKey("title"));
        String snippet = kaplan.highlights().get("abstract");
        assertTrue(snippet.contains("the <mark>interpretability</mark> of training dynamics"), snippet);
        assertFalse(snippet.contains("We study empirical scaling laws"), "only the best sentences: " + snippet);
    }

    @Test
    void snippetsMarkPrefixesPhrasesAndStems() throws Exception {
        SearchHit cunningham = hit(service.search(SearchRequest.of("title:interpretab*", 10).withHighlights())
                .hits(), "cunningham2023");
        assertEquals("Sparse Autoencoders Find Highly <mark>Interpretable</mark> Features in Language Models",
                cunningham.highlights().get("title"));

        SearchHit marks = hit(service.search(SearchRequest.of("\"sparse autoencoder\" interpreting", 10)
                .withHighlights()).hits(), "marks2023");
        String title = marks.highlights().get("title");
        assertTrue(title.startsWith("<mark>Interpreting</mark> Reward Models"), title);
        assertTrue(title.contains("<mark>Sparse</mark> <mark>Autoencoders</mark>")
                || title.contains("<mark>Sparse Autoencoders</mark>"), title);
    }

    @Test
    void snippetsMarkWordsOfAClauseThatOtherFieldsOrTheYearCompleted() throws Exception {
        SearchHit cunningham = hit(service.search(SearchRequest.of("title:interpretab* AND year:2023..2025", 10)
                .withHighlights()).hits(), "cunningham2023");
        assertEquals("Sparse Autoencoders Find Highly <mark>Interpretable</mark> Features in Language Models",
                cunningham.highlights().get("title"));
        // "compute" is only in the abstract, "scaling" in both: each field marks what it has
        SearchHit kaplan = hit(service.search(SearchRequest.of("scaling compute", 10).withHighlights()).hits(),
                "kaplan2020");
        assertEquals("<mark>Scaling</mark> Laws for Neural Language Models", kaplan.highlights().get("title"));
        assertTrue(kaplan.highlights().get("abstract").contains("<mark>compute</mark>"),
                kaplan.highlights().toString());
    }

    @Test
    void noSnippetsUnlessAsked() throws Exception {
        for (SearchHit hit : service.search(SearchRequest.of("interpretability", 10)).hits()) {
            assertEquals(Map.of(), hit.highlights());
        }
    }

    @Test
    void excludedWordsAreNotMarked() throws Exception {
        SearchHit cunningham = hit(service.search(SearchRequest.of("sparse -reward", 10).withHighlights()).hits(),
                "cunningham2023");
        assertEquals("<mark>Sparse</mark> Autoencoders Find Highly Interpretable Features in Language Models",
                cunningham.highlights().get("title"));
    }

    private static SearchHit hit(List<SearchHit> hits, String id) {
        return hits.stream().filter(h -> h.reference().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + hits));
    }

    // --- orders and pages ---------------------------------------------------------------------------------------

    @Test
    void sortsByYearEitherWayWithUnknownYearsLast() throws Exception {
        library.store(Reference.builder().id("undated").title("Undated language models").build());
        SearchRequest request = SearchRequest.of("language", 20);
        assertEquals(List.of("kaplan2020", "cunningham2023", "marks2023", "undated"),
                ids(request.withSort(new SortOrder(SortOrder.Field.YEAR, false))));
        assertEquals(List.of("cunningham2023", "marks2023", "kaplan2020", "undated"),
                ids(request.withSort(new SortOrder(SortOrder.Field.YEAR, true))));
        for (SearchHit hit : service.search(request.withSort(new SortOrder(SortOrder.Field.YEAR, true))).hits()) {
            assertEquals(0f, hit.score(), "not ranked, not scored");
        }
    }

    @Test
    void sortsByFirstAuthorFoldingCaseAndAccents() throws Exception {
        List<String> byAuthor = ids(SearchRequest.of("year:<2018", 20)
                .withSort(new SortOrder(SortOrder.Field.FIRST_AUTHOR, false)));
        // Gödel, LeCun, Turing, Vaswani
        assertEquals(List.of("goedel1931", "lecun2015", "turing1936", "vaswani2017"), byAuthor);
        assertEquals(List.of("vaswani2017", "turing1936", "lecun2015", "goedel1931"), ids(SearchRequest
                .of("year:<2018", 20).withSort(new SortOrder(SortOrder.Field.FIRST_AUTHOR, true))));
    }

    @Test
    void sortsByTitle() throws Exception {
        assertEquals(List.of("vaswani2017", "lecun2015", "turing1936", "goedel1931"), ids(SearchRequest
                .of("year:<2018", 20).withSort(new SortOrder(SortOrder.Field.TITLE, false))));
    }

    @Test
    void sortsByDateAdded() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        library.store(added("late", start.plusSeconds(300)), added("early", start),
                added("middle", start.plusSeconds(100)).toBuilder()
                        .provenance(Provenance.of("b.bib", "bibtex", 0, 1).imported("", start.plusSeconds(900)))
                        .build());
        assertEquals(List.of("early", "middle", "late"), ids(SearchRequest.of("added", 10)
                .withSort(new SortOrder(SortOrder.Field.DATE_ADDED, false))));
        assertEquals(List.of("late", "middle", "early"), ids(SearchRequest.of("added", 10)
                .withSort(new SortOrder(SortOrder.Field.DATE_ADDED, true))));
    }

    private static Reference added(String id, Instant at) {
        return Reference.builder().id(id).title("Added " + id)
                .provenance(Provenance.of("a.ris", "ris", 0, 1).imported("", at)).build();
    }

    @Test
    void pagesOfASortedResultFollowEachOther() throws Exception {
        SearchRequest all = SearchRequest.of("", 100).withSort(new SortOrder(SortOrder.Field.TITLE, false));
        List<String> everything = ids(all);
        assertEquals(10, everything.size());
        assertEquals(everything.subList(0, 4), ids(all.page(0, 4)));
        assertEquals(everything.subList(4, 8), ids(all.page(4, 4)));
        assertEquals(everything.subList(8, 10), ids(all.page(8, 4)));
        SearchResult last = service.search(all.page(8, 4).withFacets());
        assertEquals(10, last.totalHits());
        assertEquals(List.of(), ids(all.page(12, 4)));
    }

    // --- similar references -------------------------------------------------------------------------------------

    @Test
    void similarReferencesShareTellingWords() throws Exception {
        SearchResult similar = service.similar(List.of("cunningham2023"), 5);
        List<String> found = similar.hits().stream().map(h -> h.reference().id()).toList();
        assertFalse(found.isEmpty());
        assertEquals("marks2023", found.get(0), found.toString());
        assertFalse(found.contains("cunningham2023"), "the given reference is not similar to itself");
        assertTrue(similar.hits().get(0).score() > 0);
    }

    @Test
    void similarToSeveralReferencesExcludesThemAll() throws Exception {
        Reference sae = Reference.builder().id("sae2024").type(ReferenceType.PREPRINT)
                .title("Scaling sparse autoencoders to many features")
                .author(Person.of("Templeton", "Adly")).build();
        library.store(sae);
        List<String> found = service.similar(List.of("cunningham2023", "marks2023"), 10).hits().stream()
                .map(h -> h.reference().id()).toList();
        assertEquals("sae2024", found.get(0), found.toString());
        assertFalse(found.contains("cunningham2023") || found.contains("marks2023"), found.toString());
    }

    @Test
    void similarToNothingKnownIsEmpty() {
        SearchResult result = service.similar(List.of("nope"), 5);
        assertEquals(0, result.totalHits());
        assertEquals(List.of(), result.hits());
        assertEquals(List.of(), service.similar(List.of("cunningham2023"), 0).hits());
    }
}
