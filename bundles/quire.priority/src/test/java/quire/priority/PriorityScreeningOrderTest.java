package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder.Ranked;
import quire.api.review.Verdict;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

class PriorityScreeningOrderTest {

    /** A library in memory that knows what changed since each generation. */
    static final class FakeLibrary {
        final Map<String, Reference> references = new LinkedHashMap<>();
        final List<Set<String>> changes = new ArrayList<>(); // changes.get(g) = what generation g + 1 changed

        void store(Reference... added) {
            Set<String> ids = new HashSet<>();
            for (Reference r : added) {
                references.put(r.id(), r);
                ids.add(r.id());
            }
            changes.add(ids);
        }

        Library proxy() {
            return (Library) Proxy.newProxyInstance(Library.class.getClassLoader(), new Class<?>[] {Library.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "references" -> List.copyOf(references.values());
                        case "reference" -> Optional.ofNullable(references.get((String) args[0]));
                        case "size" -> references.size();
                        case "generation" -> (long) changes.size();
                        case "changesSince" -> {
                            long from = (Long) args[0];
                            Set<String> changed = new HashSet<>();
                            for (long g = from; g < changes.size(); g++) {
                                changed.addAll(changes.get((int) g));
                            }
                            yield new LibraryChanges(from, changes.size(), changed, true);
                        }
                        case "toString" -> "FakeLibrary";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** The review's title/abstract statuses for the current reviewer, set by the test. */
    static final class FakeReview {
        final Map<String, Verdict> own = new ConcurrentHashMap<>();
        final FakeLibrary library;

        FakeReview(FakeLibrary library) {
            this.library = library;
        }

        ReviewService proxy() {
            return (ReviewService) Proxy.newProxyInstance(ReviewService.class.getClassLoader(),
                    new Class<?>[] {ReviewService.class}, (p, method, args) -> switch (method.getName()) {
                        case "statuses" -> {
                            assertEquals(ReviewStage.TITLE_ABSTRACT, args[0]);
                            Map<String, RecordStatus> statuses = new LinkedHashMap<>();
                            for (String id : library.references.keySet()) {
                                Verdict v = own.getOrDefault(id, Verdict.NONE);
                                statuses.put(id, new RecordStatus(id, v, v, Optional.empty(), false,
                                        v == Verdict.NONE ? 0 : 1));
                            }
                            yield statuses;
                        }
                        case "toString" -> "FakeReview";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static PriorityScreeningOrder.Config config(String model) {
        return new PriorityScreeningOrder.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PriorityScreeningOrder.Config.class;
            }

            @Override
            public String model() {
                return model;
            }

            @Override
            public double randomShare() {
                return 0;
            }
        };
    }

    private static Reference reference(String id, String title, String abstractText, Optional<String> prior) {
        Reference.Builder b = Reference.builder().id(id).type(ReferenceType.ARTICLE).title(title)
                .abstractText(abstractText);
        prior.ifPresent(p -> b.field(PriorityScreeningOrder.PRIOR_LABEL_FIELD, p));
        return b.build();
    }

    private final FakeLibrary library = new FakeLibrary();
    private final FakeReview review = new FakeReview(library);
    private PriorityScreeningOrder order;

    /** 10 records on exercise for depression (e0..e9), 30 on knee surgery (k0..k29), interleaved. */
    private void fill(boolean priorLabels) {
        List<Reference> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean exercise = i % 4 == 0;
            String id = exercise ? "e" + i / 4 : "k" + (i - i / 4 - 1);
            Optional<String> prior = !priorLabels ? Optional.empty()
                    : id.equals("e0") ? Optional.of("include") : id.equals("k0") ? Optional.of("exclude")
                    : Optional.empty();
            all.add(exercise
                    ? reference(id, "Aerobic exercise for depression, trial " + i,
                            "Randomised trial of exercise and walking for depressive symptoms in adults " + i, prior)
                    : reference(id, "Cartilage repair in the knee, case " + i,
                            "Graft implantation and arthroplasty outcomes after knee surgery " + i, prior));
        }
        library.store(all.toArray(Reference[]::new));
    }

    private PriorityScreeningOrder start(RelevanceModel... models) throws InterruptedException {
        order = new PriorityScreeningOrder(library.proxy(), review.proxy(), config("svm"));
        for (RelevanceModel m : models) {
            order.addModel(m);
        }
        assertTrue(order.awaitIdle(30, TimeUnit.SECONDS));
        return order;
    }

    @AfterEach
    void stop() {
        if (order != null) {
            order.deactivate();
        }
    }

    private void decided() throws InterruptedException {
        order.handleEvent(new Event(ReviewService.TOPIC_DECIDED, Map.of("stage", ReviewStage.TITLE_ABSTRACT)));
        assertTrue(order.awaitIdle(30, TimeUnit.SECONDS));
    }

    @Test
    void coldStartKeepsLibraryOrderWithNoOpinion() throws Exception {
        fill(false);
        start(new LinearSvmModel());
        List<Ranked> ranked = order.rank(ReviewStage.TITLE_ABSTRACT);
        assertEquals(40, ranked.size());
        assertEquals(List.copyOf(library.references.keySet()), ranked.stream().map(Ranked::referenceId).toList());
        assertTrue(ranked.stream().allMatch(r -> r.relevance() == 0.5));
    }

    @Test
    void afterTheFirstIncludeAndExcludeTheLikelyIncludesComeFirst() throws Exception {
        fill(false);
        start(new LinearSvmModel(), new NaiveBayesModel());
        review.own.put("e0", Verdict.INCLUDE);
        review.own.put("k0", Verdict.EXCLUDE);
        decided();
        List<Ranked> ranked = order.rank(ReviewStage.TITLE_ABSTRACT);
        assertEquals(38, ranked.size(), "decided records are not offered again");
        List<String> firstNine = ranked.subList(0, 9).stream().map(Ranked::referenceId).toList();
        assertTrue(firstNine.stream().allMatch(id -> id.startsWith("e")), firstNine.toString());
        assertTrue(ranked.get(0).relevance() > ranked.get(37).relevance());
        assertEquals(Optional.of("svm"), order.latest().model());

        // a new record on the topic is scored after the library changes, from its text alone
        library.store(reference("new", "Exercise for depression in older adults", "Walking trial", Optional.empty()));
        order.handleEvent(new Event(Library.TOPIC_CHANGED, Map.of()));
        assertTrue(order.awaitIdle(30, TimeUnit.SECONDS));
        List<String> top = order.rank(ReviewStage.TITLE_ABSTRACT).subList(0, 10).stream().map(Ranked::referenceId)
                .toList();
        assertTrue(top.contains("new"), top.toString());
    }

    @Test
    void priorLabelsFromImportStartTheModel() throws Exception {
        fill(true);
        start(new NaiveBayesModel());
        List<Ranked> ranked = order.rank(ReviewStage.TITLE_ABSTRACT);
        assertEquals(40, ranked.size(), "prior labels train the model but the records are still to be screened");
        assertTrue(ranked.subList(0, 10).stream().allMatch(r -> r.referenceId().startsWith("e")));
        assertEquals(Optional.of("nb"), order.latest().model(), "the configured model is absent: another one");
    }

    @Test
    void theFirstRankingAfterStartWaitsForTheFirstTraining() {
        fill(true);
        order = new PriorityScreeningOrder(library.proxy(), review.proxy(), config("svm"));
        order.addModel(new LinearSvmModel());
        List<Ranked> ranked = order.rank(ReviewStage.TITLE_ABSTRACT); // no awaitIdle: rank waits by itself
        assertTrue(ranked.get(0).referenceId().startsWith("e"), ranked.get(0).toString());
        assertTrue(ranked.get(0).relevance() != 0.5);
    }

    @Test
    void decisionsNeverWaitForTraining() throws Exception {
        fill(false);
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RelevanceModel slow = new RelevanceModel() {
            @Override
            public String id() {
                return "svm";
            }

            @Override
            public String label() {
                return "slow";
            }

            @Override
            public Scores train(FeatureMatrix features, int[] rows, boolean[] included, long seed) {
                training.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new LinearSvmModel().train(features, rows, included, seed);
            }
        };
        start(slow);
        review.own.put("e0", Verdict.INCLUDE);
        review.own.put("k0", Verdict.EXCLUDE);
        long before = System.nanoTime();
        order.handleEvent(new Event(ReviewService.TOPIC_DECIDED, Map.of()));
        assertTrue(training.await(30, TimeUnit.SECONDS), "training started on its own thread");
        // while the model trains, the caller gets the ranking it had, without the decided records
        List<Ranked> meanwhile = order.rank(ReviewStage.TITLE_ABSTRACT);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before) < 5);
        assertEquals(38, meanwhile.size());
        assertTrue(meanwhile.stream().allMatch(r -> r.relevance() == 0.5));
        release.countDown();
        assertTrue(order.awaitIdle(30, TimeUnit.SECONDS));
        assertTrue(order.rank(ReviewStage.TITLE_ABSTRACT).get(0).referenceId().startsWith("e"));
    }
}
