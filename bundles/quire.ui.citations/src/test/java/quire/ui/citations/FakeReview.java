package quire.ui.citations;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

/** A review in memory with one reviewer and two criteria: records decisions and reports them as statuses. */
final class FakeReview implements ReviewService {

    static final List<Criterion> CRITERIA = List.of(new Criterion("wrong-population", "Not about language models"),
            new Criterion("not-empirical", "No experiment"));

    final List<Decision> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RecordStatus> statuses = new ConcurrentHashMap<>();

    @Override
    public ReviewProtocol protocol() {
        return new ReviewProtocol("Hallucination", "Q", CRITERIA, List.of(), List.of(new Reviewer("AB", "A B")),
                false, 1);
    }

    @Override
    public void saveProtocol(ReviewProtocol protocol) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Reviewer> currentReviewer() {
        return Optional.of(new Reviewer("AB", "A B"));
    }

    @Override
    public void setCurrentReviewer(String reviewerId) {
    }

    @Override
    public List<ReviewStage> stages() {
        return List.of();
    }

    @Override
    public List<Decision> decide(String stage, List<String> referenceIds, Verdict verdict,
            Optional<String> criterion, Optional<String> note) {
        List<Decision> written = new ArrayList<>();
        for (String id : referenceIds) {
            Decision decision = new Decision("d" + log.size(), id, stage, "AB", verdict, criterion, note,
                    Instant.now(), false);
            log.add(decision);
            written.add(decision);
            statuses.put(id, new RecordStatus(id, verdict, verdict, criterion, false, 1));
        }
        return written;
    }

    @Override
    public Decision resolve(String stage, String referenceId, Verdict verdict, Optional<String> criterion,
            Optional<String> note) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Decision> undo(String stage, String referenceId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Decision> log() {
        return List.copyOf(log);
    }

    @Override
    public Map<String, RecordStatus> statuses(String stage) {
        return Map.copyOf(statuses);
    }

    @Override
    public List<String> conflicts(String stage) {
        return List.of();
    }

    @Override
    public Map<String, StageOutcome> outcomes() {
        return Map.of();
    }

    @Override
    public List<Agreement> agreement(String stage) {
        return List.of();
    }

    @Override
    public PrismaCounts prisma() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int exportDecisions(Path file, Optional<String> reviewerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int importDecisions(Path file) {
        throw new UnsupportedOperationException();
    }
}
