package quire.priority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.model.Reference;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;
import quire.api.screening.FeatureMatrix;
import quire.api.screening.RelevanceModel;

/**
 * The screening order of priority screening: after every decision (and library change) it retrains the chosen
 * {@link RelevanceModel} on its own thread, on the title/abstract decisions and the prior labels imported from a
 * {@code label_included} column, and keeps the latest ranking; {@link #rank} only reads it. Until there is an
 * include and an exclude to learn from (the cold start), records come in library order with relevance 0.5.
 *
 * <p>Configuration PID {@code quire.priority}: {@code model} (a model id, default {@code svm}) and
 * {@code randomShare} (the share of random picks in the order, default 0). After each retraining it posts
 * {@value #TOPIC_RANKED} so that views can refresh.
 */
@Component(service = {ScreeningOrder.class, EventHandler.class},
        configurationPid = "quire.priority", property = {
                EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
                EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED})
public final class PriorityScreeningOrder implements ScreeningOrder, EventHandler {

    /** Posted after each retraining, with properties {@code model}, {@code labelled} and {@code millis}. */
    public static final String TOPIC_RANKED = "quire/priority/RANKED";
    /** The field where the CSV importer keeps a prior label ({@code include} or {@code exclude}). */
    static final String PRIOR_LABEL_FIELD = "screeningLabel";

    static final long FIRST_RANKING_WAIT_MS = 3000;
    private static final Logger LOG = Logger.getLogger(PriorityScreeningOrder.class.getName());

    /** Configuration. */
    public @interface Config {
        String model() default LinearSvmModel.ID;

        double randomShare() default 0.0;
    }

    /**
     * The latest ranking.
     *
     * @param relevance every scored record's relevance
     * @param order     the scored records, best first
     * @param model     the model that ranked them, empty before the first training
     * @param includes  the includes learned from
     * @param excludes  the excludes learned from
     * @param millis    how long the last retraining took
     */
    record Ranking(Map<String, Double> relevance, List<String> order, Optional<String> model, int includes,
            int excludes, long millis) {
        static final Ranking NONE = new Ranking(Map.of(), List.of(), Optional.empty(), 0, 0, 0);
    }

    private final Library library;
    private final ReviewService review;
    private final Map<String, RelevanceModel> models = new ConcurrentHashMap<>();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quire-priority-training");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final java.util.concurrent.CountDownLatch firstRanking = new java.util.concurrent.CountDownLatch(1);
    private volatile Config config;
    private volatile Ranking latest = Ranking.NONE;
    private volatile EventAdmin events;
    private volatile boolean active = true;

    // owned by the training thread
    private TfidfVocabulary vocabulary;
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final Map<String, String> textOf = new HashMap<>();
    private final List<String> idOfRow = new ArrayList<>();
    private long generation = -1;
    private long trainings;

    @Activate
    public PriorityScreeningOrder(@org.osgi.service.component.annotations.Reference Library library,
            @org.osgi.service.component.annotations.Reference ReviewService review, Config config) {
        this.library = library;
        this.review = review;
        this.config = config;
        schedule();
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
        schedule();
    }

    @Deactivate
    void deactivate() {
        active = false;
        trainer.shutdownNow();
    }

    @org.osgi.service.component.annotations.Reference(cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModel(RelevanceModel model) {
        models.putIfAbsent(model.id(), model);
        schedule();
    }

    void removeModel(RelevanceModel model) {
        models.remove(model.id(), model);
    }

    @org.osgi.service.component.annotations.Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin admin) {
        events = admin;
    }

    void unsetEvents(EventAdmin admin) {
        if (events == admin) {
            events = null;
        }
    }

    @Override
    public void handleEvent(Event event) {
        schedule();
    }

    /** Retrains soon on the training thread; requests arriving meanwhile are folded into one retraining. */
    void schedule() {
        if (active && scheduled.compareAndSet(false, true)) {
            try {
                trainer.execute(() -> {
                    scheduled.set(false);
                    try {
                        retrainNow();
                    } catch (RuntimeException e) {
                        // stopping interrupts a retraining in the middle of reading the library: not a fault
                        if (active && !Thread.currentThread().isInterrupted()) {
                            LOG.log(Level.WARNING, "priority screening could not retrain: " + e.getMessage(), e);
                        }
                    } finally {
                        if (!models.isEmpty()) {
                            firstRanking.countDown(); // a ranking by a model, or a cold start for want of labels
                        }
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // deactivated meanwhile
            }
        }
    }

    /** For tests: waits until the retraining asked for so far is done. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        trainer.execute(done::countDown);
        return done.await(timeout, unit);
    }

    /** The latest ranking (for views that show the model's state). */
    Ranking latest() {
        return latest;
    }

    /**
     * The undecided records of the stage, best first. Only the first call after start may wait, at most
     * {@value #FIRST_RANKING_WAIT_MS} ms, for the first ranking, so that a command-line screening session starts in
     * the model's order rather than library order; after that it never waits for training.
     */
    @Override
    public List<Ranked> rank(String stage) {
        if (firstRanking.getCount() > 0) {
            try {
                firstRanking.await(FIRST_RANKING_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, RecordStatus> statuses = review.statuses(stage);
        Ranking ranking = latest;
        Map<String, Boolean> undecided = new LinkedHashMap<>();
        for (Reference reference : library.references()) {
            RecordStatus status = statuses.get(reference.id());
            if (status != null && status.own() == Verdict.NONE) {
                undecided.put(reference.id(), Boolean.TRUE);
            }
        }
        List<Ranked> ranked = new ArrayList<>(undecided.size());
        for (String id : ranking.order()) {
            if (undecided.remove(id) != null) {
                ranked.add(new Ranked(id, ranking.relevance().get(id)));
            }
        }
        // not scored yet (added since the last training, or no training yet): library order, no opinion
        for (String id : undecided.keySet()) {
            ranked.add(new Ranked(id, 0.5));
        }
        return ranked;
    }

    /** Brings the features up to date, retrains on the current labels and replaces the ranking. */
    void retrainNow() {
        long started = System.nanoTime();
        syncFeatures();
        Optional<RelevanceModel> model = chooseModel();
        Map<String, RecordStatus> statuses = review.statuses(ReviewStage.TITLE_ABSTRACT);
        List<Integer> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int includes = 0;
        for (Map.Entry<String, Integer> entry : rowOf.entrySet()) {
            Optional<Boolean> label = label(entry.getKey(), statuses.get(entry.getKey()));
            if (label.isPresent()) {
                rows.add(entry.getValue());
                labels.add(label.get());
                includes += label.get() ? 1 : 0;
            }
        }
        int excludes = rows.size() - includes;
        if (model.isEmpty() || includes == 0 || excludes == 0) {
            latest = new Ranking(Map.of(), List.of(), Optional.empty(), includes, excludes, 0);
            post(latest);
            return;
        }
        // rows in ascending order, so that the same labels always train the same model
        int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
        Integer[] byRow = new Integer[order.length];
        for (int i = 0; i < byRow.length; i++) {
            byRow[i] = i;
        }
        java.util.Arrays.sort(byRow, (a, b) -> Integer.compare(order[a], order[b]));
        int[] trainRows = new int[order.length];
        boolean[] included = new boolean[order.length];
        for (int i = 0; i < byRow.length; i++) {
            trainRows[i] = order[byRow[i]];
            included[i] = labels.get(byRow[i]);
        }
        FeatureMatrix features = vocabulary.matrix();
        long seed = ++trainings;
        RelevanceModel.Scores scores = model.get().train(features, trainRows, included, seed);
        int[] live = rowOf.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] relevance = new double[live.length];
        Map<String, Double> byId = new HashMap<>(live.length * 2);
        for (int i = 0; i < live.length; i++) {
            relevance[i] = scores.relevance(live[i]);
            byId.put(idOfRow.get(live[i]), relevance[i]);
        }
        int[] ranked = new MaxQuery(config.randomShare()).order(live, relevance, new SplittableRandom(seed));
        List<String> ids = new ArrayList<>(ranked.length);
        for (int row : ranked) {
            ids.add(idOfRow.get(row));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        latest = new Ranking(Map.copyOf(byId), List.copyOf(ids), Optional.of(model.get().id()), includes, excludes,
                millis);
        post(latest);
    }

    /** The record's own title/abstract decision, else its settled outcome, else a prior label from import. */
    private Optional<Boolean> label(String id, RecordStatus status) {
        if (status != null) {
            Verdict verdict = status.own() != Verdict.NONE ? status.own() : status.outcome();
            if (verdict == Verdict.EXCLUDE) {
                return Optional.of(false);
            }
            if (verdict.passes()) {
                return Optional.of(true); // maybe counts as include, as for passing the stage
            }
        }
        return library.reference(id).flatMap(r -> Optional.ofNullable(r.fields().get(PRIOR_LABEL_FIELD)))
                .flatMap(v -> v.equals("include") ? Optional.of(true)
                        : v.equals("exclude") ? Optional.of(false) : Optional.empty());
    }

    private Optional<RelevanceModel> chooseModel() {
        RelevanceModel chosen = models.get(config.model());
        if (chosen == null) {
            chosen = models.get(LinearSvmModel.ID);
        }
        if (chosen == null && !models.isEmpty()) {
            chosen = models.get(new java.util.TreeSet<>(models.keySet()).first());
        }
        return Optional.ofNullable(chosen);
    }

    /** Tokenizes only what changed since the last time; everything when the library cannot say what changed. */
    private void syncFeatures() {
        long now = library.generation();
        if (vocabulary != null && now == generation) {
            return;
        }
        LibraryChanges changes = vocabulary == null ? null : library.changesSince(generation);
        if (changes == null || !changes.complete()) {
            vocabulary = TfidfVocabulary.asreviewDefaults();
            rowOf.clear();
            textOf.clear();
            idOfRow.clear();
            for (Reference reference : library.references()) {
                addRow(reference);
            }
        } else {
            for (String id : changes.changed()) {
                Optional<Reference> reference = library.reference(id);
                Integer row = rowOf.get(id);
                if (reference.isPresent() && row != null && text(reference.get()).equals(textOf.get(id))) {
                    continue;
                }
                if (row != null) {
                    vocabulary.remove(row);
                    rowOf.remove(id);
                    textOf.remove(id);
                }
                reference.ifPresent(this::addRow);
            }
        }
        generation = changes == null ? now : changes.to();
    }

    private void addRow(Reference reference) {
        String text = text(reference);
        int row = vocabulary.add(text);
        rowOf.put(reference.id(), row);
        textOf.put(reference.id(), text);
        while (idOfRow.size() <= row) {
            idOfRow.add(null);
        }
        idOfRow.set(row, reference.id());
    }

    static String text(Reference reference) {
        return reference.title() + " " + reference.abstractText().orElse("");
    }

    private void post(Ranking ranking) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_RANKED, Map.of("model", ranking.model().orElse(""), "labelled",
                    ranking.includes() + ranking.excludes(), "millis", ranking.millis())));
        }
    }
}
