package quire.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import quire.api.dedup.DuplicateGroup;
import quire.api.model.Reference;
import quire.api.work.CancelledException;
import quire.api.work.Progress;

/**
 * Finds duplicate groups among references: blocking proposes pairs, {@link Match} scores each, and the automatic
 * pairs are joined into groups, never joining two different DOIs, PMIDs or arXiv ids (a chain A-B-C where A and C
 * disagree stops at the disagreement). Pairs in the middle band form the review queue. Pure computation: no I/O.
 */
final class DuplicateFinder {

    /** What a run found, and what it cost. */
    record Result(List<DuplicateGroup> groups, int records, long candidatePairs, long scoredPairs, long nanos,
            Phases phases) {

        List<DuplicateGroup> automatic() {
            return groups.stream().filter(DuplicateGroup::automatic).toList();
        }

        List<DuplicateGroup> review() {
            return groups.stream().filter(g -> !g.automatic()).toList();
        }
    }

    /** Where the time went, in nanoseconds: normal forms, blocking, comparing pairs, grouping. */
    record Phases(long profiles, long blocking, long comparing, long grouping) {
    }

    /** Pairs a reviewer said are not duplicates, as "idA idB" with the ids sorted. */
    private final Set<String> rejected;

    DuplicateFinder(Set<String> rejected) {
        this.rejected = Set.copyOf(rejected);
    }

    DuplicateFinder() {
        this(Set.of());
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    Result find(List<Reference> references, Progress progress) {
        long started = System.nanoTime();
        int n = references.size();
        if (n > Blocking.MAX_RECORDS) {
            throw new IllegalArgumentException("deduplication handles up to " + Blocking.MAX_RECORDS
                    + " records at once, not " + n);
        }
        progress.begin("Finding duplicates", 4L * n);
        Profile[] profiles = new Profile[n];
        int[][] signatures = new int[n][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            profiles[i] = new Profile(i, references.get(i));
            signatures[i] = Blocking.signature(profiles[i].title);
            if (done.incrementAndGet() % 4096 == 0) {
                progress.worked(4096);
                checkCancelled(progress);
            }
        });
        progress.worked(n % 4096);
        long profiled = System.nanoTime();
        long[] pairs = Blocking.candidates(profiles, signatures);
        long blocked = System.nanoTime();
        progress.worked(n);
        checkCancelled(progress);

        // score the pairs whose titles are alike or whose identifiers agree; the rest cannot reach the review band
        AtomicInteger scored = new AtomicInteger();
        Match[] matches = new Match[pairs.length];
        int chunk = Math.max(1, pairs.length / Math.max(1, n / 1024 + 1));
        IntStream.range(0, pairs.length).parallel().forEach(p -> {
            int a = (int) (pairs[p] >>> 32);
            int b = (int) pairs[p];
            Profile x = profiles[a];
            Profile y = profiles[b];
            if (!worthScoring(x, y, signatures[a], signatures[b])) {
                return;
            }
            scored.incrementAndGet();
            Match m = Match.of(x, y);
            if (m.candidate()) {
                matches[p] = m;
            }
            if (p % chunk == 0 && progress.isCancelled()) {
                throw new CancelledException("finding duplicates was cancelled");
            }
        });
        progress.worked(n);
        List<Match> kept = new ArrayList<>();
        for (Match m : matches) {
            if (m != null) {
                kept.add(m);
            }
        }
        long compared = System.nanoTime();
        List<DuplicateGroup> groups = groups(profiles, kept);
        progress.worked(n);
        long end = System.nanoTime();
        return new Result(groups, n, pairs.length, scored.get(), end - started,
                new Phases(profiled - started, blocked - profiled, compared - blocked, end - compared));
    }

    private static boolean worthScoring(Profile x, Profile y, int[] sx, int[] sy) {
        if ((!x.doi.isEmpty() && x.doi.equals(y.doi)) || (!x.pmid.isEmpty() && x.pmid.equals(y.pmid))
                || (!x.arxiv.isEmpty() && x.arxiv.equals(y.arxiv))) {
            return true;
        }
        if (x.compact.equals(y.compact)) {
            return true;
        }
        int shorter = Math.min(x.compact.length(), y.compact.length());
        int longer = Math.max(x.compact.length(), y.compact.length());
        if (shorter >= 30 && (x.compact.startsWith(y.compact) || y.compact.startsWith(x.compact))) {
            return true;
        }
        // below 80% Levenshtein similarity a title scores against; lengths and shared words tell that cheaply
        return shorter >= 0.78 * longer && (sx == null || sy == null || Blocking.estimate(sx, sy) >= 0.3);
    }

    private static void checkCancelled(Progress progress) {
        if (progress.isCancelled()) {
            throw new CancelledException("finding duplicates was cancelled");
        }
    }

    /** Joins automatic pairs into groups (strongest first) and lists the review pairs between the groups. */
    private List<DuplicateGroup> groups(Profile[] profiles, List<Match> matches) {
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparingInt(Match::a).thenComparingInt(Match::b));
        Clusters clusters = new Clusters(profiles);
        Map<Integer, List<Match>> joinedBy = new HashMap<>();
        for (Match m : matches) {
            if (m.automatic() && !rejected(profiles, m)) {
                clusters.join(m, joinedBy);
            }
        }
        List<DuplicateGroup> automatic = new ArrayList<>();
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < profiles.length; i++) {
            if (clusters.size(i) > 1) {
                members.computeIfAbsent(clusters.root(i), r -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Integer> survivorOf = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
            List<Integer> group = new ArrayList<>(e.getValue());
            group.sort(Comparator.comparingInt((Integer i) -> -profiles[i].completeness).thenComparingInt(i -> i));
            survivorOf.put(e.getKey(), group.get(0));
            List<Match> edges = joinedBy.get(e.getKey());
            double weakest = edges.stream().mapToDouble(Match::score).min().orElse(Match.AUTOMATIC);
            Set<String> reasons = new LinkedHashSet<>();
            edges.forEach(m -> reasons.addAll(m.reasons()));
            automatic.add(group(profiles, group, Match.confidence(weakest), true, List.copyOf(reasons)));
        }
        // review: the best pair between two groups (or lone records) that were not joined
        Map<Long, Match> between = new HashMap<>();
        for (Match m : matches) {
            int ra = clusters.root(m.a());
            int rb = clusters.root(m.b());
            if (ra == rb || rejected(profiles, m)) {
                continue;
            }
            int sa = survivorOf.getOrDefault(ra, m.a());
            int sb = survivorOf.getOrDefault(rb, m.b());
            if (rejected.contains(pairKey(profiles[sa].reference.id(), profiles[sb].reference.id()))) {
                continue;
            }
            long key = ((long) Math.min(ra, rb) << 32) | Math.max(ra, rb);
            between.putIfAbsent(key, m);
        }
        List<DuplicateGroup> review = new ArrayList<>();
        for (Match m : between.values()) {
            int sa = survivorOf.getOrDefault(clusters.root(m.a()), m.a());
            int sb = survivorOf.getOrDefault(clusters.root(m.b()), m.b());
            List<Integer> pair = new ArrayList<>(List.of(sa, sb));
            pair.sort(Comparator.comparingInt((Integer i) -> -profiles[i].completeness).thenComparingInt(i -> i));
            List<String> reasons = new ArrayList<>(m.reasons());
            if (m.automatic()) {
                reasons.add("joining the groups would join different identifiers");
            } else if (m.blocked() && m.score() >= Match.AUTOMATIC) {
                reasons.add("never merged automatically");
            }
            review.add(group(profiles, pair, m.confidence(), false, reasons));
        }
        Comparator<DuplicateGroup> order = Comparator.comparingDouble(DuplicateGroup::confidence).reversed()
                .thenComparing(DuplicateGroup::id);
        automatic.sort(order);
        review.sort(order);
        List<DuplicateGroup> all = new ArrayList<>(automatic);
        all.addAll(review);
        return List.copyOf(all);
    }

    private boolean rejected(Profile[] profiles, Match m) {
        return !rejected.isEmpty()
                && rejected.contains(pairKey(profiles[m.a()].reference.id(), profiles[m.b()].reference.id()));
    }

    private static DuplicateGroup group(Profile[] profiles, List<Integer> members, double confidence,
            boolean automatic, List<String> reasons) {
        List<String> ids = members.stream().map(i -> profiles[i].reference.id()).toList();
        return new DuplicateGroup(groupId(ids), ids, Math.min(1, Math.max(0, confidence)), automatic, reasons);
    }

    /** The same records give the same id, whichever survives. */
    static String groupId(List<String> ids) {
        String[] sorted = ids.toArray(String[]::new);
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
            return "d" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Union-find whose groups keep their identifiers, so that a join never puts two different DOIs together. */
    private static final class Clusters {
        private final int[] parent;
        private final int[] size;
        private final String[] doi;
        private final String[] pmid;
        private final String[] arxiv;
        private final String[] volume;
        private final String[] page;
        private final int[] minYear;
        private final int[] maxYear;

        Clusters(Profile[] profiles) {
            int n = profiles.length;
            parent = new int[n];
            size = new int[n];
            doi = new String[n];
            pmid = new String[n];
            arxiv = new String[n];
            volume = new String[n];
            page = new String[n];
            minYear = new int[n];
            maxYear = new int[n];
            for (int i = 0; i < n; i++) {
                volume[i] = profiles[i].volume;
                page[i] = profiles[i].firstPage;
                minYear[i] = profiles[i].year == 0 ? Integer.MAX_VALUE : profiles[i].year;
                maxYear[i] = profiles[i].year == 0 ? Integer.MIN_VALUE : profiles[i].year;
                parent[i] = i;
                size[i] = 1;
                doi[i] = profiles[i].doi;
                pmid[i] = profiles[i].pmid;
                arxiv[i] = profiles[i].arxiv;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        int size(int i) {
            return size[root(i)];
        }

        /** Whether joining would put different identifiers, volumes, first pages or years far apart together. */
        boolean conflicts(int ra, int rb) {
            if (clash(doi[ra], doi[rb]) || clash(pmid[ra], pmid[rb]) || clash(arxiv[ra], arxiv[rb])
                    || clash(volume[ra], volume[rb]) || clash(page[ra], page[rb])) {
                return true;
            }
            int min = Math.min(minYear[ra], minYear[rb]);
            int max = Math.max(maxYear[ra], maxYear[rb]);
            return min != Integer.MAX_VALUE && max - min > 2;
        }

        private static boolean clash(String a, String b) {
            return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
        }

        void join(Match m, Map<Integer, List<Match>> joinedBy) {
            int ra = root(m.a());
            int rb = root(m.b());
            if (ra == rb || conflicts(ra, rb)) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
            doi[ra] = doi[ra].isEmpty() ? doi[rb] : doi[ra];
            pmid[ra] = pmid[ra].isEmpty() ? pmid[rb] : pmid[ra];
            arxiv[ra] = arxiv[ra].isEmpty() ? arxiv[rb] : arxiv[ra];
            volume[ra] = volume[ra].isEmpty() ? volume[rb] : volume[ra];
            page[ra] = page[ra].isEmpty() ? page[rb] : page[ra];
            minYear[ra] = Math.min(minYear[ra], minYear[rb]);
            maxYear[ra] = Math.max(maxYear[ra], maxYear[rb]);
            List<Match> edges = joinedBy.computeIfAbsent(ra, r -> new ArrayList<>());
            List<Match> other = joinedBy.remove(rb);
            if (other != null) {
                edges.addAll(other);
            }
            edges.add(m);
        }
    }
}
