package quire.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import quire.api.library.Library;
import quire.api.review.Agreement;
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.PrismaCounts;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;

/**
 * The review of the open workspace, in its folder {@code review/}:
 * <ul>
 * <li>{@code protocol.json}: the protocol, rewritten atomically on every change;</li>
 * <li>{@code decisions.jsonl}: the decision log, one decision a line, append-only and fsynced before a call that
 *     records decisions returns; the current state is derived from it;</li>
 * <li>{@code reviewer.json}: who works on this machine; it stays out of the log and out of exports.</li>
 * </ul>
 * The stages are whatever {@link ReviewStage} services are installed, in their order: the first receives every
 * record of the library, each later one what the one before passed. Thread-safe (one lock); one process owns a
 * workspace at a time (the library's lock keeps a second one out).
 */
@Component(service = ReviewService.class)
public final class WorkspaceReview implements ReviewService {

    private static final Logger LOG = Logger.getLogger(WorkspaceReview.class.getName());

    static final String FOLDER = "review";
    static final String PROTOCOL = "protocol.json";
    static final String DECISIONS = "decisions.jsonl";
    static final String REVIEWER = "reviewer.json";

    private final Library library;
    private final Clock clock;
    private final Path folder;
    private final ObjectMapper mapper = ReviewJson.MAPPER;
    private final List<ReviewStage> stages = new CopyOnWriteArrayList<>();

    private volatile EventAdmin events;

    private final Object lock = new Object();
    private final List<Decision> log = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private DecisionLog writer;
    private ReviewProtocol protocol;
    private boolean protocolUnreadable;
    private Optional<String> reviewer;
    private long changes;
    private Derived derived;
    /** The votes from the log, kept up to date as decisions are appended; null when it must be built again. */
    private Tally tally;

    @Activate
    public WorkspaceReview(@Reference Library library) throws IOException {
        this(library, Clock.systemUTC());
    }

    WorkspaceReview(Library library, Clock clock) throws IOException {
        this.library = library;
        this.clock = clock;
        this.folder = library.workspace().resolve(FOLDER);
        this.protocol = readProtocol();
        this.reviewer = readReviewer();
        Path file = folder.resolve(DECISIONS);
        DecisionLog.Contents contents = DecisionLog.read(file, FOLDER + "/" + DECISIONS, mapper);
        for (Decision decision : contents.decisions()) {
            if (ids.add(decision.id())) {
                log.add(decision);
            }
        }
        problems.addAll(contents.problems());
        contents.problems().forEach(LOG::warning);
        writer = DecisionLog.open(file, mapper, contents.goodLength());
    }

    @Deactivate
    public void close() throws IOException {
        synchronized (lock) {
            writer.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addStage(ReviewStage stage) {
        synchronized (lock) {
            stages.add(stage);
            changes++;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEvents")
    public void setEvents(EventAdmin admin) {
        events = admin;
    }

    public void unsetEvents(EventAdmin admin) {
        if (events == admin) {
            events = null;
        }
    }

    public void removeStage(ReviewStage stage) {
        synchronized (lock) {
            stages.remove(stage);
            changes++;
        }
    }

    // --- protocol and reviewer ----------------------------------------------------------------------------------

    private ReviewProtocol readProtocol() {
        Path file = folder.resolve(PROTOCOL);
        if (!Files.exists(file)) {
            return ReviewProtocol.empty();
        }
        try {
            return mapper.readValue(file.toFile(), ReviewProtocol.class);
        } catch (IOException | RuntimeException e) {
            // the user's protocol is never overwritten with an empty one: saving is refused until it is repaired
            protocolUnreadable = true;
            String problem = FOLDER + "/" + PROTOCOL + ": the protocol cannot be read (" + e.getMessage()
                    .lines().findFirst().orElse("") + "); repair or move the file";
            problems.add(problem);
            LOG.warning(problem);
            return ReviewProtocol.empty();
        }
    }

    private Optional<String> readReviewer() {
        Path file = folder.resolve(REVIEWER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(file.toFile()).path("reviewer").asText(null))
                    .filter(s -> !s.isBlank());
        } catch (IOException e) {
            problems.add(FOLDER + "/" + REVIEWER + ": cannot be read (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); choose the reviewer again");
            return Optional.empty();
        }
    }

    @Override
    public ReviewProtocol protocol() {
        synchronized (lock) {
            return protocol;
        }
    }

    @Override
    public void saveProtocol(ReviewProtocol changed) throws IOException {
        synchronized (lock) {
            if (protocolUnreadable) {
                throw new IOException(folder.resolve(PROTOCOL) + " could not be read; repair or move it before"
                        + " changing the protocol");
            }
            Set<String> seen = new HashSet<>();
            for (Reviewer r : changed.reviewers()) {
                if (!seen.add(r.id())) {
                    throw new IllegalArgumentException("two reviewers have the initials " + r.id());
                }
            }
            seen.clear();
            for (Criterion c : changed.criteria()) {
                if (!seen.add(c.id())) {
                    throw new IllegalArgumentException("two criteria have the id " + c.id());
                }
            }
            AtomicFile.write(folder.resolve(PROTOCOL),
                    mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(changed));
            protocol = changed;
            changes++;
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(new Event(TOPIC_PROTOCOL, Map.of()));
            }
        }
    }

    @Override
    public Optional<Reviewer> currentReviewer() {
        synchronized (lock) {
            return reviewer.flatMap(protocol::reviewer);
        }
    }

    @Override
    public void setCurrentReviewer(String reviewerId) {
        synchronized (lock) {
            if (protocol.reviewer(reviewerId).isEmpty()) {
                throw new IllegalArgumentException("no reviewer '" + reviewerId + "' in the protocol (reviewers: "
                        + (protocol.reviewers().isEmpty() ? "none yet"
                                : String.join(", ", protocol.reviewers().stream().map(Reviewer::id).toList())) + ")");
            }
            ObjectNode json = mapper.createObjectNode().put("reviewer", reviewerId);
            try {
                AtomicFile.write(folder.resolve(REVIEWER), mapper.writeValueAsBytes(json));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot save the current reviewer: " + e.getMessage(), e);
            }
            reviewer = Optional.of(reviewerId);
            changes++;
        }
    }

    // --- stages -------------------------------------------------------------------------------------------------

    @Override
    public List<ReviewStage> stages() {
        List<ReviewStage> sorted = new ArrayList<>(stages);
        sorted.sort(Comparator.comparingInt(ReviewStage::order).thenComparing(ReviewStage::id));
        return List.copyOf(sorted);
    }

    private ReviewStage stage(String id) {
        return stages().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage '" + id + "' (stages: "
                        + String.join(", ", stages().stream().map(ReviewStage::id).toList()) + ")"));
    }

    private ReviewStage screenedStage(String id) {
        ReviewStage stage = stage(id);
        if (!stage.screened()) {
            throw new IllegalArgumentException("reviewers do not decide records in the stage '" + id
                    + "'; it decides by itself");
        }
        return stage;
    }

    // --- decisions ----------------------------------------------------------------------------------------------

    @Override
    public List<Decision> decide(String stageId, List<String> referenceIds, Verdict verdict,
            Optional<String> criterion, Optional<String> note) throws IOException {
        synchronized (lock) {
            String who = currentReviewerId();
            screenedStage(stageId);
            checkReason(verdict, criterion);
            checkRecords(referenceIds);
            Instant at = clock.instant();
            List<Decision> written = new ArrayList<>();
            for (String id : new LinkedHashSet<>(referenceIds)) {
                written.add(new Decision(UUID.randomUUID().toString(), id, stageId, who, verdict,
                        verdict == Verdict.EXCLUDE ? criterion : Optional.empty(), note.filter(n -> !n.isBlank()),
                        at, false));
            }
            record(written);
            return List.copyOf(written);
        }
    }

    @Override
    public Decision resolve(String stageId, String referenceId, Verdict verdict, Optional<String> criterion,
            Optional<String> note) throws IOException {
        synchronized (lock) {
            String who = currentReviewerId();
            screenedStage(stageId);
            checkReason(verdict, criterion);
            checkRecords(List.of(referenceId));
            Tally tally = derive().tally();
            if (tally.resolution(stageId, referenceId).isEmpty()
                    && !tally.settled(stageId, referenceId, protocol.reviewersPerRecord()).conflict()) {
                throw new IllegalArgumentException("the reviewers do not disagree on " + referenceId + " in "
                        + stageId + ": there is nothing to resolve");
            }
            Decision decision = new Decision(UUID.randomUUID().toString(), referenceId, stageId, who, verdict,
                    verdict == Verdict.EXCLUDE ? criterion : Optional.empty(), note.filter(n -> !n.isBlank()),
                    clock.instant(), true);
            record(List.of(decision));
            return decision;
        }
    }

    @Override
    public Optional<Decision> undo(String stageId, String referenceId) throws IOException {
        synchronized (lock) {
            String who = currentReviewerId();
            screenedStage(stageId);
            if (derive().tally().vote(stageId, referenceId, who).isEmpty()) {
                return Optional.empty();
            }
            Decision withdrawal = new Decision(UUID.randomUUID().toString(), referenceId, stageId, who,
                    Verdict.NONE, Optional.empty(), Optional.empty(), clock.instant(), false);
            record(List.of(withdrawal));
            return Optional.of(withdrawal);
        }
    }

    private String currentReviewerId() {
        return currentReviewer().map(Reviewer::id).orElseThrow(() -> new IllegalStateException(
                "no reviewer chosen on this machine: choose one with 'quire review reviewer INITIALS'"
                        + (protocol.reviewers().isEmpty() ? " after adding reviewers to the protocol" : "")));
    }

    private void checkReason(Verdict verdict, Optional<String> criterion) {
        if (verdict != Verdict.EXCLUDE) {
            if (criterion.isPresent()) {
                throw new IllegalArgumentException("only an exclusion takes a reason");
            }
            return;
        }
        if (criterion.isEmpty()) {
            if (!protocol.criteria().isEmpty()) {
                throw new IllegalArgumentException("an exclusion needs a reason: one of "
                        + String.join(", ", reasons()));
            }
            return;
        }
        String id = criterion.get();
        if (!id.equals(Criterion.NOT_RETRIEVED) && protocol.criterion(id).isEmpty()) {
            throw new IllegalArgumentException("no criterion '" + id + "' in the protocol (reasons: "
                    + String.join(", ", reasons()) + ")");
        }
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>(protocol.criteria().stream().map(Criterion::id).toList());
        reasons.add(Criterion.NOT_RETRIEVED);
        return reasons;
    }

    private void checkRecords(List<String> referenceIds) {
        if (referenceIds.isEmpty()) {
            throw new IllegalArgumentException("no records to decide");
        }
        for (String id : referenceIds) {
            if (library.reference(id).isEmpty()) {
                throw new IllegalArgumentException("no record '" + id + "' in the library");
            }
        }
    }

    /** Appends, makes durable, then makes visible and tells listeners. */
    private void record(List<Decision> decisions) throws IOException {
        if (decisions.isEmpty()) {
            return;
        }
        writer.append(decisions);
        for (Decision decision : decisions) {
            ids.add(decision.id());
            log.add(decision);
            if (tally != null && !tally.append(decision)) {
                tally = null; // an older entry from another machine: counted in its place on the next read
            }
        }
        changes++;
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        decisions.forEach(d -> byStage.computeIfAbsent(d.stage(), s -> new ArrayList<>()).add(d.referenceId()));
        EventAdmin admin = events;
        if (admin != null) {
            byStage.forEach((stage, refs) -> admin.postEvent(new Event(TOPIC_DECIDED,
                    Map.of("stage", stage, "referenceIds", List.copyOf(refs)))));
        }
    }

    @Override
    public List<Decision> log() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    // --- derived state ------------------------------------------------------------------------------------------

    /** What the log and the stages make of the library, computed once per change. */
    private record Derived(long libraryGeneration, long changes, Tally tally, Map<String, List<String>> entered,
            Map<String, StageOutcome> outcomes) {
    }

    private Derived derive() {
        long generation = library.generation();
        Derived current = derived;
        if (current != null && current.libraryGeneration() == generation && current.changes() == changes) {
            return current;
        }
        if (tally == null) {
            tally = Tally.of(log);
        }
        int needed = protocol.reviewersPerRecord();
        Map<String, List<String>> entered = new LinkedHashMap<>();
        Map<String, StageOutcome> outcomes = new LinkedHashMap<>();
        List<String> records = library.references().stream().map(quire.api.model.Reference::id).toList();
        for (ReviewStage stage : stages()) {
            Map<String, RecordStatus> settled = new LinkedHashMap<>();
            if (stage.screened()) {
                for (String id : records) {
                    settled.put(id, tally.settled(stage.id(), id, needed));
                }
            }
            StageOutcome outcome;
            try {
                outcome = stage.outcome(records, settled);
            } catch (RuntimeException e) {
                // a broken stage from a plugin must not take the review down: it passes everything, and says so
                LOG.warning("the stage " + stage.id() + " failed (" + e + "); it passes every record for now");
                outcome = new StageOutcome(Set.copyOf(records), Set.copyOf(records), Map.of(), Set.of());
            }
            entered.put(stage.id(), records);
            outcomes.put(stage.id(), outcome);
            Set<String> passed = outcome.passed();
            records = records.stream().filter(passed::contains).toList();
        }
        derived = new Derived(generation, changes, tally, entered, outcomes);
        return derived;
    }

    /**
     * Whether the stage is installed. Reading an unknown stage gives nothing rather than an error: at start-up a
     * stage service may arrive after its first reader, and a plugin's stage may go away.
     */
    private boolean installed(String stageId) {
        return stages.stream().anyMatch(s -> s.id().equals(stageId));
    }

    @Override
    public Map<String, RecordStatus> statuses(String stageId) {
        synchronized (lock) {
            if (!installed(stageId)) {
                return Map.of();
            }
            Derived d = derive();
            Map<String, RecordStatus> statuses = new LinkedHashMap<>();
            Optional<String> me = currentReviewer().map(Reviewer::id);
            for (String id : d.entered().getOrDefault(stageId, List.of())) {
                statuses.put(id, d.tally().forReviewer(stageId, id, protocol.reviewersPerRecord(), me,
                        protocol.blinded()));
            }
            return statuses;
        }
    }

    @Override
    public List<String> conflicts(String stageId) {
        synchronized (lock) {
            if (!installed(stageId)) {
                return List.of();
            }
            Derived d = derive();
            return d.entered().getOrDefault(stageId, List.of()).stream()
                    .filter(id -> d.tally().settled(stageId, id, protocol.reviewersPerRecord()).conflict())
                    .toList();
        }
    }

    @Override
    public Map<String, StageOutcome> outcomes() {
        synchronized (lock) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derive().outcomes()));
        }
    }

    /** The records that entered each stage, in library order, by stage id. */
    Map<String, List<String>> entered() {
        synchronized (lock) {
            return derive().entered();
        }
    }

    /** The standing votes on a record in a stage (not blinded: for conflicts, which every reviewer may see). */
    List<Decision> votes(String stageId, String referenceId) {
        synchronized (lock) {
            return derive().tally().votesOn(stageId, referenceId);
        }
    }

    /** How many records of the stage each reviewer has decided. */
    Map<String, Integer> progress(String stageId) {
        synchronized (lock) {
            Derived d = derive();
            return d.tally().decidedByReviewer(stageId, new HashSet<>(d.entered().getOrDefault(stageId, List.of())));
        }
    }

    @Override
    public List<Agreement> agreement(String stageId) {
        synchronized (lock) {
            if (!installed(stageId)) {
                return List.of();
            }
            return derive().tally().agreement(stageId);
        }
    }

    @Override
    public PrismaCounts prisma() {
        synchronized (lock) {
            Derived d = derive();
            return PrismaCalculation.counts(library, stages(), d.entered(), d.outcomes(), protocol);
        }
    }

    @Override
    public Map<String, Verdict> settledVerdicts() {
        synchronized (lock) {
            Derived d = derive();
            // included is final: what stages after it (data extraction) make of a study does not change that
            List<ReviewStage> ordered = PrismaCalculation.untilIncluded(stages());
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (quire.api.model.Reference reference : library.references()) {
                String id = reference.id();
                boolean passedScreening = false;
                Verdict verdict = null;
                for (ReviewStage stage : ordered) {
                    StageOutcome outcome = d.outcomes().get(stage.id());
                    if (outcome.passed().contains(id)) {
                        passedScreening |= stage.screened();
                        continue;
                    }
                    if (outcome.pending().contains(id)) {
                        verdict = passedScreening ? Verdict.MAYBE : null;
                    } else if (outcome.entered().contains(id)) {
                        // excluded: by reviewers, or by the stage itself (a duplicate), which is no reviewer's verdict
                        verdict = stage.screened() ? Verdict.EXCLUDE : null;
                    }
                    break;
                }
                if (verdict == null && passedScreening && ordered.stream()
                        .allMatch(s -> d.outcomes().get(s.id()).passed().contains(id))) {
                    verdict = Verdict.INCLUDE;
                }
                if (verdict != null) {
                    verdicts.put(id, verdict);
                }
            }
            return java.util.Collections.unmodifiableMap(verdicts);
        }
    }

    // --- exchange -----------------------------------------------------------------------------------------------

    @Override
    public int exportDecisions(Path file, Optional<String> reviewerId) throws IOException {
        List<Decision> selected;
        synchronized (lock) {
            selected = log.stream().filter(d -> reviewerId.isEmpty() || d.reviewer().equals(reviewerId.get()))
                    .toList();
        }
        DecisionLog.writeAll(file, mapper, selected);
        return selected.size();
    }

    @Override
    public int importDecisions(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        DecisionLog.Contents contents = DecisionLog.read(file, file.toString(), mapper);
        synchronized (lock) {
            problems.addAll(contents.problems());
            List<Decision> fresh = new ArrayList<>();
            Set<String> seen = new HashSet<>(ids);
            for (Decision decision : contents.decisions()) {
                if (seen.add(decision.id())) {
                    fresh.add(decision);
                }
            }
            record(fresh);
            return fresh.size();
        }
    }

    @Override
    public List<String> problems() {
        synchronized (lock) {
            return List.copyOf(problems);
        }
    }
}
