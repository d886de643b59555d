package quire.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import quire.api.review.Agreement;
import quire.api.review.Decision;
import quire.api.review.RecordStatus;
import quire.api.review.Verdict;

/**
 * The state of every record in every stage, derived from the decision log: each reviewer's standing vote (their
 * latest entry; {@link Verdict#NONE} withdraws it) and the latest resolution. Entries count in the order they were
 * made ({@link Decision#at()}, then their place in the log), so a log merged from several machines reads the same
 * wherever it is merged. Not thread-safe: the review uses it under its lock.
 */
final class Tally {

    /** The standing votes on one record in one stage. */
    static final class Votes {
        /** Standing votes by reviewer id, in the order first given; withdrawn votes are absent. */
        final Map<String, Decision> byReviewer = new LinkedHashMap<>();
        /** The standing resolution, if any (a resolution withdrawn with NONE leaves none). */
        Decision resolution;
    }

    private final Map<String, Map<String, Votes>> byStage = new HashMap<>();
    /** The time of the latest entry applied: a later one can be applied on top, an earlier one cannot. */
    private java.time.Instant latest = java.time.Instant.MIN;

    private Tally() {
    }

    static Tally of(List<Decision> log) {
        List<Decision> ordered = new ArrayList<>(log);
        // a stable sort keeps the log's own order among entries made at the same instant
        ordered.sort(Comparator.comparing(Decision::at));
        Tally tally = new Tally();
        ordered.forEach(tally::apply);
        return tally;
    }

    /**
     * Applies an entry made after every entry so far (new decisions on this machine); false, changing nothing, for
     * an older one (merged from another machine), after which the tally must be built again from the whole log.
     */
    boolean append(Decision decision) {
        if (decision.at().isBefore(latest)) {
            return false;
        }
        apply(decision);
        return true;
    }

    private void apply(Decision decision) {
        latest = decision.at();
        Votes votes = byStage.computeIfAbsent(decision.stage(), s -> new HashMap<>())
                .computeIfAbsent(decision.referenceId(), r -> new Votes());
        if (decision.resolution()) {
            votes.resolution = decision.verdict() == Verdict.NONE ? null : decision;
        } else if (decision.verdict() == Verdict.NONE) {
            votes.byReviewer.remove(decision.reviewer());
        } else {
            votes.byReviewer.remove(decision.reviewer()); // a changed vote moves to the end: it is the newest
            votes.byReviewer.put(decision.reviewer(), decision);
        }
    }

    private Votes votes(String stage, String referenceId) {
        Map<String, Votes> records = byStage.get(stage);
        Votes votes = records == null ? null : records.get(referenceId);
        return votes == null ? new Votes() : votes;
    }

    /** The reviewer's standing vote on the record in the stage. */
    Optional<Decision> vote(String stage, String referenceId, String reviewer) {
        return Optional.ofNullable(votes(stage, referenceId).byReviewer.get(reviewer));
    }

    /** The standing votes of every reviewer on the record, in the order given. */
    List<Decision> votesOn(String stage, String referenceId) {
        return List.copyOf(votes(stage, referenceId).byReviewer.values());
    }

    Optional<Decision> resolution(String stage, String referenceId) {
        return Optional.ofNullable(votes(stage, referenceId).resolution);
    }

    /**
     * Where the record stands, seen by nobody in particular (no blinding): settled by a resolution; else by
     * {@code needed} reviewers or more who agree on whether it passes (include and maybe both pass); in conflict as
     * soon as two reviewers disagree; pending otherwise.
     */
    RecordStatus settled(String stage, String referenceId, int needed) {
        return status(stage, referenceId, needed, Verdict.NONE);
    }

    /**
     * Where the record stands for a reviewer. With blinding, a record the reviewer has not decided shows no outcome
     * and no conflict: nothing of the others' decisions shows through.
     */
    RecordStatus forReviewer(String stage, String referenceId, int needed, Optional<String> reviewer,
            boolean blinded) {
        Verdict own = reviewer.flatMap(r -> vote(stage, referenceId, r)).map(Decision::verdict).orElse(Verdict.NONE);
        RecordStatus status = status(stage, referenceId, needed, own);
        if (blinded && own == Verdict.NONE) {
            return new RecordStatus(referenceId, own, Verdict.NONE, Optional.empty(), false, status.decisions());
        }
        return status;
    }

    private RecordStatus status(String stage, String referenceId, int needed, Verdict own) {
        Votes votes = votes(stage, referenceId);
        int count = votes.byReviewer.size();
        if (votes.resolution != null) {
            return new RecordStatus(referenceId, own, votes.resolution.verdict(), reason(votes.resolution), false,
                    count);
        }
        if (count == 0) {
            return new RecordStatus(referenceId, own, Verdict.NONE, Optional.empty(), false, 0);
        }
        // one pass over the standing votes (this runs for every record of every stage after each change)
        Boolean passes = null;
        boolean conflict = false;
        boolean allInclude = true;
        Decision first = null;
        for (Decision d : votes.byReviewer.values()) {
            boolean p = d.verdict().passes();
            if (passes == null) {
                passes = p;
            } else if (passes != p) {
                conflict = true;
            }
            allInclude &= d.verdict() == Verdict.INCLUDE;
            if (first == null || d.at().isBefore(first.at())) {
                first = d;
            }
        }
        if (conflict || count < needed) {
            return new RecordStatus(referenceId, own, Verdict.NONE, Optional.empty(), conflict, count);
        }
        Verdict outcome = !passes ? Verdict.EXCLUDE : allInclude ? Verdict.INCLUDE : Verdict.MAYBE;
        // reviewers who agree to exclude may give different reasons: the first reason given counts
        Optional<String> reason = passes ? Optional.empty() : reason(first);
        return new RecordStatus(referenceId, own, outcome, reason, false, count);
    }

    private static Optional<String> reason(Decision decision) {
        return decision.verdict() == Verdict.EXCLUDE ? decision.criterion() : Optional.empty();
    }

    /** Every reviewer with a standing vote in the stage, sorted. */
    Set<String> reviewers(String stage) {
        Set<String> reviewers = new TreeSet<>();
        byStage.getOrDefault(stage, Map.of()).values().forEach(v -> reviewers.addAll(v.byReviewer.keySet()));
        return reviewers;
    }

    /** How many records each reviewer has a standing vote on in the stage. */
    Map<String, Integer> decidedByReviewer(String stage, Set<String> records) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byStage.getOrDefault(stage, Map.of()).forEach((record, votes) -> {
            if (records.contains(record)) {
                votes.byReviewer.keySet().forEach(r -> counts.merge(r, 1, Integer::sum));
            }
        });
        return counts;
    }

    /** Agreement of each pair of reviewers on the records both have a standing vote on (maybe counts as include). */
    List<Agreement> agreement(String stage) {
        List<String> reviewers = List.copyOf(reviewers(stage));
        List<Agreement> result = new ArrayList<>();
        Map<String, Votes> records = byStage.getOrDefault(stage, Map.of());
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                String a = reviewers.get(i);
                String b = reviewers.get(j);
                int[][] table = new int[2][2];
                int both = 0;
                for (Votes votes : records.values()) {
                    Decision da = votes.byReviewer.get(a);
                    Decision db = votes.byReviewer.get(b);
                    if (da != null && db != null) {
                        table[da.verdict().passes() ? 0 : 1][db.verdict().passes() ? 0 : 1]++;
                        both++;
                    }
                }
                if (both > 0) {
                    result.add(Kappa.agreement(stage, a, b, table));
                }
            }
        }
        return result;
    }
}
