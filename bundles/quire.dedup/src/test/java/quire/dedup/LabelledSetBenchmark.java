package quire.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quire.api.dedup.DuplicateGroup;
import quire.api.model.Reference;
import quire.api.work.Progress;

/**
 * Prints sensitivity, specificity and precision of the automatic merges on the labelled set, how the review queue
 * splits, and the hard negatives by kind. Run with
 * {@code ./mvnw -q -o -pl bundles/quire.dedup test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=quire.dedup.LabelledSetBenchmark} (add {@code -Dexec.args=-v} to list every error).
 */
public final class LabelledSetBenchmark {

    private LabelledSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        long read = System.nanoTime();
        LabelledSet set = LabelledSet.build();
        System.out.printf(Locale.ROOT, "labelled set: %,d records built in %.1f s%n", set.references().size(),
                (System.nanoTime() - read) / 1e9);
        DuplicateFinder.Result result = new DuplicateFinder().find(set.references(), Progress.NONE);
        List<List<String>> automatic = result.automatic().stream().map(DuplicateGroup::referenceIds).toList();
        LabelledSet.Figures figures = set.score(automatic);
        System.out.println("automatic merges: " + figures);
        System.out.printf(Locale.ROOT, "found in %.2f s (%,d candidate pairs, %,d scored): %,d automatic groups, "
                + "%,d review pairs%n", result.nanos() / 1e9, result.candidatePairs(), result.scoredPairs(),
                automatic.size(), result.review().size());
        int reviewTrue = 0;
        for (DuplicateGroup g : result.review()) {
            if (set.truth().get(g.referenceIds().get(0)).equals(set.truth().get(g.referenceIds().get(1)))) {
                reviewTrue++;
            }
        }
        System.out.printf(Locale.ROOT, "review queue: %,d pairs, %,d of them true duplicates%n",
                result.review().size(), reviewTrue);
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int i = 0; i < automatic.size(); i++) {
            for (String id : automatic.get(i)) {
                clusterOf.put(id, i);
            }
        }
        for (Map.Entry<String, List<String>> kind : set.hardNegatives().entrySet()) {
            long merged = kind.getValue().stream().filter(clusterOf::containsKey).count();
            System.out.printf(Locale.ROOT, "hard negatives '%s': %d, merged automatically %d%n", kind.getKey(),
                    kind.getValue().size(), merged);
        }
        if (verbose) {
            explain(set, result, automatic);
        }
    }

    /** Every false merge and every missed duplicate pair, with the reasons. */
    private static void explain(LabelledSet set, DuplicateFinder.Result result, List<List<String>> automatic) {
        Map<String, Reference> byId = new HashMap<>();
        set.references().forEach(r -> byId.put(r.id(), r));
        Map<Integer, List<String>> truthGroups = new HashMap<>();
        set.truth().forEach((id, g) -> truthGroups.computeIfAbsent(g, k -> new ArrayList<>()).add(id));
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int i = 0; i < automatic.size(); i++) {
            for (String id : automatic.get(i)) {
                clusterOf.put(id, i);
            }
        }
        Map<String, Profile> profiles = new HashMap<>();
        int index = 0;
        for (Reference r : set.references()) {
            profiles.put(r.id(), new Profile(index++, r));
        }
        System.out.println("--- false merges");
        for (List<String> group : automatic) {
            if (group.stream().map(set.truth()::get).distinct().count() > 1) {
                for (String id : group) {
                    System.out.println("  " + set.truth().get(id) + " " + show(byId.get(id)));
                }
                System.out.println("  reasons: " + Match.of(profiles.get(group.get(0)), profiles.get(group.get(1))).reasons());
            }
        }
        System.out.println("--- missed");
        for (List<String> members : truthGroups.values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    Integer a = clusterOf.get(members.get(i));
                    Integer b = clusterOf.get(members.get(j));
                    if (a == null || !a.equals(b)) {
                        Match m = Match.of(profiles.get(members.get(i)), profiles.get(members.get(j)));
                        System.out.printf(Locale.ROOT, "  score %.1f%s %s%n    %s%n    %s%n", m.score(),
                                m.blocked() ? " blocked" : "", m.reasons(), show(byId.get(members.get(i))),
                                show(byId.get(members.get(j))));
                    }
                }
            }
        }
    }

    private static String show(Reference r) {
        return r.id() + " | " + r.title() + " | " + r.authors().stream().findFirst().map(p -> p.family() + ", "
                + p.given()).orElse("-") + " | " + r.year().orElse(0) + " | " + r.venue().orElse("-") + " | "
                + r.volume().orElse("-") + " | " + r.pages().orElse("-") + " | " + r.doi().orElse("-") + " | "
                + r.pmid().orElse("-") + " | " + r.type().id();
    }
}
