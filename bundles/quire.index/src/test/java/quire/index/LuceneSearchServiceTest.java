package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import quire.api.library.Library;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

class LuceneSearchServiceTest {

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

    private List<String> ids(String query) throws QuerySyntaxException {
        return service.search(SearchRequest.of(query, 100)).hits().stream()
                .map(hit -> hit.reference().id())
                .toList();
    }

    private Set<String> idSet(String query) throws QuerySyntaxException {
        return Set.copyOf(ids(query));
    }

    // --- ranking and analysis ----------------------------------------------------------------------------------

    @Test
    void aWordInTheTitleRanksAboveTheSameWordInTheAbstract() throws Exception {
        List<String> found = ids("interpretability");
        assertTrue(found.contains("wang2022"), found.toString());
        assertTrue(found.contains("kaplan2020"), found.toString());
        assertTrue(found.indexOf("wang2022") < found.indexOf("kaplan2020"), found.toString());
        assertEquals("kaplan2020", found.get(found.size() - 1), "only in an abstract, it ranks last: " + found);
    }

    @Test
    void scoresAreBestFirst() throws Exception {
        List<SearchHit> hits = service.search(SearchRequest.of("language models", 10)).hits();
        assertTrue(hits.size() >= 3);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void wordsAreStemmed() throws Exception {
        // porter: interpreting, interpretable, interpretability -> interpret
        assertEquals(Set.of("wang2022", "kaplan2020", "cunningham2023", "marks2023"), idSet("interpreting"));
        assertTrue(idSet("autoencoder").containsAll(Set.of("cunningham2023", "marks2023")));
    }

    @Test
    void accentsAreFolded() throws Exception {
        assertEquals(List.of("goedel1931"), ids("godel"));
        assertEquals(List.of("goedel1931"), ids("Gödel"));
        assertEquals(List.of("goedel1931"), ids("uber formal"));
    }

    @Test
    void allWordsMustMatchByDefault() throws Exception {
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("sparse language"));
        assertEquals(List.of(), ids("sparse turing"));
    }

    @Test
    void authorsAreSearchedByGivenAndFamilyName() throws Exception {
        assertEquals(List.of("marks2023"), ids("author:barez"));
        assertEquals(List.of("marks2023"), ids("author:\"Fazl Barez\""));
        assertEquals(List.of("marks2023"), ids("barez"));
        assertEquals(Set.of("elhage2022"), idSet("Author:Olah"));
        assertEquals(List.of("who2024"), ids("author:\"world health organization\""));
        // a phrase does not run from one author into the next
        assertEquals(List.of(), ids("author:\"Kurt Gödel Alan\""));
    }

    @Test
    void phrasesKeepWordOrder() throws Exception {
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("\"sparse autoencoders\""));
        assertEquals(List.of(), ids("\"autoencoders sparse\""));
        assertEquals(List.of("vaswani2017"), ids("\"attention is all you need\""));
    }

    @Test
    void booleanOperatorsPrefixesAndFuzzyTerms() throws Exception {
        assertEquals(Set.of("cunningham2023"), idSet("sparse -reward"));
        assertEquals(Set.of("cunningham2023"), idSet("sparse AND NOT reward"));
        assertEquals(Set.of("vaswani2017", "goedel1931"), idSet("attention OR godel"));
        assertEquals(Set.of("goedel1931", "turing1936"), idSet("(godel OR turing) AND year:<1950"));
        assertEquals(Set.of("lecun2015"), idSet("venue:nature"));
        assertEquals(Set.of("elhage2022"), idSet("superpos*"));
        assertEquals(Set.of("turing1936"), idSet("entscheidungsproblm~"));
        assertEquals(Set.of("lecun2015"), idSet("keyword:\"representation learning\""));
        assertEquals(Set.of("kaplan2020"), idSet("abstract:compute"));
        assertEquals(Set.of("vaswani2017"), idSet("title:attention"));
    }

    @Test
    void onlyExcludedTermsMeanEverythingElse() throws Exception {
        Set<String> found = idSet("-type:preprint");
        assertEquals(Set.of("goedel1931", "turing1936", "lecun2015", "vaswani2017", "who2024"), found);
    }

    @Test
    void yearsAndYearRanges() throws Exception {
        assertEquals(Set.of("cunningham2023", "marks2023"), idSet("year:2023"));
        assertEquals(Set.of("kaplan2020", "wang2022", "elhage2022"), idSet("year:2020..2022"));
        assertEquals(Set.of("cunningham2023", "marks2023", "who2024"), idSet("year:>=2023"));
        assertEquals(Set.of("who2024"), idSet("year:>2023"));
        assertEquals(Set.of("goedel1931", "turing1936"), idSet("year:<2000"));
        assertEquals(Set.of("goedel1931"), idSet("year:..1931"));
        assertEquals(Set.of("who2024"), idSet("year:2024.."));
        assertEquals(Set.of("lecun2015", "vaswani2017"), idSet("year:[2015 TO 2017]"));
        assertEquals(Set.of("vaswani2017"), idSet("year:{2015 TO 2017]"));
        assertEquals(Set.of("cunningham2023"), idSet("sparse year:2023 -reward"));
    }

    @Test
    void exactFields() throws Exception {
        assertEquals(Set.of("wang2022", "kaplan2020", "cunningham2023", "marks2023", "elhage2022"),
                idSet("type:preprint"));
        assertEquals(List.of("vaswani2017"), ids("type:conference-paper"));
        assertEquals(List.of("lecun2015"), ids("doi:10.1038/NATURE14539"));
        assertEquals(List.of("lecun2015"), ids("doi:https://doi.org/10.1038/nature14539"));
        assertEquals(List.of("turing1936"), ids("doi:10.1112/plms/s2-42.1.230"));
        assertEquals(List.of(), ids("doi:10.1038"));
        assertEquals(List.of("goedel1931"), ids("doi:10.1007*"));
        assertEquals(List.of("wang2022"), ids("arxiv:2211.00593"));
        assertEquals(List.of("wang2022"), ids("arxiv:2211.00593v2"));
        assertEquals(Set.of("cunningham2023", "elhage2022"), idSet("tag:include"));
        assertEquals(Set.of("cunningham2023", "elhage2022"), idSet("tag:INCLUDE"));
        assertEquals(Set.of("goedel1931", "turing1936", "lecun2015", "vaswani2017", "elhage2022"),
                idSet("source:bibtex"));
    }

    @Test
    void aColonAfterAnOrdinaryWordIsText() throws Exception {
        assertEquals(List.of("wang2022"), ids("Interpretability in the Wild: a Circuit"));
        assertEquals(List.of("who2024"), ids("artificial intelligence for health: guidance"));
    }

    // --- errors -------------------------------------------------------------------------------------------------

    @Test
    void syntaxErrorsPointAtTheProblem() {
        QuerySyntaxException paren = assertThrows(QuerySyntaxException.class, () -> ids("title:(foo"));
        assertEquals(6, paren.position());
        assertTrue(paren.getMessage().contains("column 7"), paren.getMessage());

        QuerySyntaxException quote = assertThrows(QuerySyntaxException.class, () -> ids("sparse \"unclosed"));
        assertEquals(7, quote.position());

        QuerySyntaxException dangling = assertThrows(QuerySyntaxException.class, () -> ids("sparse AND"));
        assertEquals(10, dangling.position());

        QuerySyntaxException field = assertThrows(QuerySyntaxException.class, () -> ids("sparse auhtor:barez"));
        assertEquals(7, field.position());
        assertTrue(field.getMessage().contains("auhtor"), field.getMessage());

        QuerySyntaxException type = assertThrows(QuerySyntaxException.class, () -> ids("type:journal"));
        assertEquals(5, type.position());
        assertTrue(type.getMessage().contains("preprint"), type.getMessage());

        QuerySyntaxException year = assertThrows(QuerySyntaxException.class, () -> ids("year:20x0"));
        assertEquals(5, year.position());
    }

    // --- results ------------------------------------------------------------------------------------------------

    @Test
    void anEmptyQueryListsEverythingInLibraryOrder() throws Exception {
        List<String> expected = TestReferences.all().stream().map(Reference::id).toList();
        assertEquals(expected, ids(""));
        assertEquals(expected, ids("   "));
        SearchResult page = service.search(SearchRequest.of("", 4).page(3, 4));
        assertEquals(10, page.totalHits());
        assertEquals(expected.subList(3, 7), page.hits().stream().map(h -> h.reference().id()).toList());
    }

    @Test
    void offsetAndLimitPageThroughTheHits() throws Exception {
        List<String> all = ids("type:preprint");
        SearchResult second = service.search(SearchRequest.of("type:preprint", 2).page(2, 2));
        assertEquals(5, second.totalHits());
        assertEquals(all.subList(2, 4), second.hits().stream().map(h -> h.reference().id()).toList());
        assertEquals(5, service.search(SearchRequest.of("type:preprint", 0).page(0, 0)).totalHits());
        assertEquals(List.of(), service.search(SearchRequest.of("type:preprint", 10).page(50, 10)).hits());
    }

    // --- following the library ----------------------------------------------------------------------------------

    @Test
    void aSearchSeesWhatWasStoredBeforeIt() throws Exception {
        assertEquals(List.of(), ids("distill"));
        library.store(TestReferences.olah2020());
        assertEquals(List.of("olah2020"), ids("distill"));
        assertEquals("olah2020", ids("").get(10), "a new reference comes last in library order");

        // a replaced reference is found by its new text only, and keeps its place in library order
        library.store(TestReferences.LECUN_2015.toBuilder().title("Deep learning, revisited").build());
        assertEquals(List.of("lecun2015"), ids("revisited"));
        assertEquals("lecun2015", ids("").get(6));

        library.remove(List.of("olah2020", "goedel1931"));
        assertEquals(List.of(), ids("distill"));
        assertEquals(List.of(), ids("godel"));
        assertEquals(9, service.search(SearchRequest.of("", 100)).totalHits());
    }

    @Test
    void followsLibraryEventsInTheBackground() throws Exception {
        ids("godel"); // opened and caught up
        LuceneIndex index = service.openedIndex();
        long stored = library.store(TestReferences.olah2020());
        service.handleEvent(new Event(Library.TOPIC_CHANGED, Map.of("generation", stored, "count", 11)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (index.generation() != stored && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(stored, index.generation());
    }

    @Test
    void concurrentStoresAndSearchesSeeTheirOwnWrites() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 15; i++) {
                    String word = "zebra" + (char) ('a' + thread) + (char) ('a' + i);
                    library.store(TestReferences.olah2020().toBuilder().id("z" + thread + "-" + i).title(word)
                            .build());
                    try {
                        if (service.search(SearchRequest.of(word, 5)).hits().size() != 1) {
                            failures.incrementAndGet();
                        }
                    } catch (QuerySyntaxException | RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, failures.get());
        assertEquals(70, service.search(SearchRequest.of("", 0)).totalHits());
    }

    // --- rebuilding ---------------------------------------------------------------------------------------------

    @Test
    void rebuildReportsProgressPerReference() throws Exception {
        AtomicLong total = new AtomicLong();
        AtomicLong worked = new AtomicLong();
        service.rebuild(new Progress() {
            @Override
            public void begin(String task, long totalWork) {
                total.set(totalWork);
            }

            @Override
            public void worked(long amount) {
                worked.addAndGet(amount);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(10, total.get());
        assertEquals(10, worked.get());
        assertEquals(List.of("goedel1931"), ids("godel"));
    }

    @Test
    void aCancelledRebuildLeavesTheIndexMarkedForRebuild() throws Exception {
        ids("godel");
        AtomicInteger asked = new AtomicInteger();
        Progress cancelledSoon = new Progress() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public void worked(long amount) {
            }

            @Override
            public boolean isCancelled() {
                return asked.incrementAndGet() > 3;
            }
        };
        assertThrows(CancelledException.class, () -> service.rebuild(cancelledSoon));
        assertEquals(LuceneIndex.REBUILD, service.openedIndex().generation());

        // the next search rebuilds first, so it sees every reference
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
        assertEquals(List.of("goedel1931"), ids("godel"));
    }

    @Test
    void aCancelledRebuildIsFinishedAfterARestart() throws Exception {
        ids("godel");
        assertThrows(CancelledException.class, () -> service.rebuild(new Progress() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public void worked(long amount) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
        service.close();
        assertEquals(String.valueOf(LuceneIndex.REBUILD), commitData().get(LuceneIndex.GENERATION_KEY));

        service = new LuceneSearchService(library);
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
    }

    @Test
    void rebuildsWhenTheLibraryNoLongerKnowsWhatChanged() throws Exception {
        ids("godel");
        service.close();

        library.store(TestReferences.olah2020());
        library.remove(List.of("goedel1931"));
        library.compactHistory();

        service = new LuceneSearchService(library);
        assertEquals(List.of("olah2020"), ids("distill"));
        assertEquals(List.of(), ids("godel"));
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
    }

    @Test
    void rebuildsAnIndexWrittenWithAnotherSchema() throws Exception {
        ids("godel");
        service.close();
        // an index of another schema version, claiming to be up to date but holding nothing
        try (FSDirectory directory = FSDirectory.open(workspace.resolve("index"));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(
                    LuceneIndex.SCHEMA_KEY, "0",
                    LuceneIndex.GENERATION_KEY, Long.toString(library.generation()),
                    LuceneIndex.NEXT_ORD_KEY, "10").entrySet());
            writer.commit();
        }

        service = new LuceneSearchService(library);
        assertEquals(List.of("goedel1931"), ids("godel"));
        assertEquals(Integer.toString(IndexSchema.VERSION), commitData().get(LuceneIndex.SCHEMA_KEY));
    }

    @Test
    void reopensFromDiskAndCatchesUpWithChangesMadeWhileClosed() throws Exception {
        ids("godel");
        service.close();
        assertEquals(Long.toString(library.generation()), commitData().get(LuceneIndex.GENERATION_KEY));

        library.store(TestReferences.olah2020());
        library.remove(List.of("goedel1931"));
        int asked = library.changesSinceCalls;

        service = new LuceneSearchService(library);
        assertEquals(List.of("olah2020"), ids("distill"));
        assertEquals(List.of(), ids("godel"));
        assertTrue(library.changesSinceCalls > asked, "caught up from the stored generation, no rebuild");
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
        assertEquals("olah2020", ids("").get(9));
    }

    @Test
    void aCorruptIndexIsRebuiltNotAFailure() throws Exception {
        ids("godel");
        service.close();
        Random random = new Random(42);
        try (Stream<Path> files = Files.list(workspace.resolve("index"))) {
            for (Path file : files.toList()) {
                byte[] garbage = new byte[64 + random.nextInt(512)];
                random.nextBytes(garbage);
                Files.write(file, garbage);
            }
        }

        service = new LuceneSearchService(library);
        assertEquals(List.of("goedel1931"), ids("godel"));
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
    }

    @Test
    void aCorruptSegmentBehindAValidCommitIsRebuiltNotAFailure() throws Exception {
        ids("godel");
        service.close();
        try (Stream<Path> files = Files.list(workspace.resolve("index"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cfs")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = bytes.length / 3; i < bytes.length; i++) {
                    bytes[i] = (byte) ~bytes[i];
                }
                Files.write(file, bytes);
            }
        }

        service = new LuceneSearchService(library);
        assertEquals(List.of("goedel1931"), ids("godel"));
        assertEquals(10, service.search(SearchRequest.of("", 100)).totalHits());
    }

    @Test
    void garbageInAFreshIndexFolderIsRebuiltNotAFailure() throws Exception {
        service.close();
        Path index = workspace.resolve("index");
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(index.resolve("segments_3"), "not an index");
        Files.writeString(index.resolve("_0.cfs"), "nor this");

        service = new LuceneSearchService(library);
        assertEquals(List.of("goedel1931"), ids("godel"));
    }

    private Map<String, String> commitData() throws IOException {
        try (FSDirectory directory = FSDirectory.open(workspace.resolve("index"))) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
        }
    }

    @Test
    void aClosedServiceSaysSo() {
        service.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ids("godel"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertFalse(Files.exists(workspace.resolve("index").resolve("write.lock"))
                && isLocked(workspace.resolve("index")), "the writer is closed");
    }

    private static boolean isLocked(Path index) {
        try (FSDirectory directory = FSDirectory.open(index);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
