package quire.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import quire.api.dedup.DuplicateGroup;
import quire.api.dedup.Merge;
import quire.api.library.Library;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.work.Progress;

/**
 * Deduplication at scale: {@code N} records (100,000 unless given) made like the labelled set, from the real
 * records and, to reach the size, further papers whose titles are drawn from a word chain of the real titles,
 * with real author names and journals. Prints records per second for finding duplicates, then for the whole
 * {@code quire dedup} (find, merge, log and journal write) on a real journal-backed library, and the figures
 * against the ground truth. Run with
 * {@code MAVEN_OPTS=-Xmx3g ./mvnw -q -o -pl bundles/quire.dedup test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=quire.dedup.ScaleBenchmark -Dexec.args=100000}.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(LabelledSet.SEED + 1);
        List<Reference> real = LabelledSet.realRecords();
        // each paper gives 1.8 records on average (the labelled set's copies and negatives)
        List<Reference> papers = new ArrayList<>(real);
        papers.addAll(synthetic(real, Math.max(0, (int) (target / 1.8) - real.size()), random));
        LabelledSet full = LabelledSet.build(papers, random);
        List<Reference> records = full.references().subList(0, Math.min(target, full.references().size()));
        Map<String, Integer> truth = new HashMap<>();
        records.forEach(r -> truth.put(r.id(), full.truth().get(r.id())));
        Map<String, List<String>> negatives = new HashMap<>();
        full.hardNegatives().forEach((k, v) -> negatives.put(k, v.stream().filter(truth::containsKey).toList()));
        LabelledSet set = new LabelledSet(List.copyOf(records), truth, negatives);
        System.out.printf(Locale.ROOT, "%,d records (%,d real papers, %,d made from their words), %d cores%n",
                records.size(), real.size(), papers.size() - real.size(), Runtime.getRuntime().availableProcessors());

        DuplicateFinder finder = new DuplicateFinder();
        finder.find(set.references().subList(0, Math.min(20_000, records.size())), Progress.NONE); // warm-up
        long cpu = cpuNanos();
        DuplicateFinder.Result result = finder.find(set.references(), Progress.NONE);
        double seconds = result.nanos() / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "find: %.2f s, %,.0f records/s (%,d candidate pairs, %,d scored; %,d "
                + "automatic groups, %,d to review)%n", seconds, records.size() / seconds, result.candidatePairs(),
                result.scoredPairs(), result.automatic().size(), result.review().size());
        System.out.printf(Locale.ROOT, "  normal forms %.2f s, blocking %.2f s, comparing %.2f s, grouping %.2f s; "
                + "CPU time of the process %.2f s (both cores), load average %.1f%n",
                result.phases().profiles() / 1e9, result.phases().blocking() / 1e9,
                result.phases().comparing() / 1e9, result.phases().grouping() / 1e9, cpuSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("figures: " + set.score(result.automatic().stream().map(DuplicateGroup::referenceIds)
                .toList()));

        Path workspace = Files.createTempDirectory("quire-dedup-scale");
        Library library = Workspaces.open(workspace);
        try {
            library.store(set.references());
            long started = System.nanoTime();
            long cpuStarted = cpuNanos();
            List<Merge> merges = new LibraryDedupService(library).mergeAutomatic(Progress.NONE).merges();
            double total = (System.nanoTime() - started) / 1e9;
            double totalCpu = (cpuNanos() - cpuStarted) / 1e9;
            System.out.printf(Locale.ROOT, "  CPU time of the process %.2f s, load average %.1f%n", totalCpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long marked = library.references().stream()
                    .filter(r -> r.fields().containsKey(quire.api.dedup.DedupService.DUPLICATE_OF)).count();
            System.out.printf(Locale.ROOT, "dedup with merge on a journal library: %.2f s, %,.0f records/s "
                    + "(%,d merges, %,d records marked duplicate, merge log %,d bytes)%n", total,
                    records.size() / total, merges.size(), marked,
                    Files.size(workspace.resolve("dedup").resolve("merges.jsonl")));
        } finally {
            Workspaces.close(library);
            try (var walk = Files.walk(workspace)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU time of this process so far: wall time on a busy machine says little, this says what the work costs. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Papers that do not exist: titles from a word chain of the real ones, real names, journals and years. */
    static List<Reference> synthetic(List<Reference> real, int count, Random random) {
        Map<String, List<String>> next = new HashMap<>();
        List<String> starts = new ArrayList<>();
        for (Reference r : real) {
            String[] words = r.title().split("\\s+");
            if (words.length < 3) {
                continue;
            }
            starts.add(words[0]);
            for (int i = 0; i + 1 < words.length; i++) {
                next.computeIfAbsent(words[i], k -> new ArrayList<>()).add(words[i + 1]);
            }
        }
        List<Person> people = real.stream().flatMap(r -> r.authors().stream()).filter(p -> !p.institution())
                .distinct().toList();
        List<String> venues = real.stream().flatMap(r -> r.venue().stream()).distinct().toList();
        List<String> abstracts = real.stream().flatMap(r -> r.abstractText().stream()).toList();
        List<Reference> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder title = new StringBuilder();
            String word = starts.get(random.nextInt(starts.size()));
            int length = 6 + random.nextInt(14);
            for (int i = 0; i < length && word != null; i++) {
                title.append(i == 0 ? "" : " ").append(word);
                List<String> following = next.get(word);
                word = following == null ? null : following.get(random.nextInt(following.size()));
            }
            Reference.Builder b = Reference.builder().type(ReferenceType.ARTICLE).title(title.toString())
                    .issued(IssuedDate.ofYear(1970 + random.nextInt(55)));
            int authors = 1 + random.nextInt(5);
            for (int i = 0; i < authors; i++) {
                b.author(people.get(random.nextInt(people.size())));
            }
            if (random.nextDouble() < 0.8) {
                b.venue(venues.get(random.nextInt(venues.size())));
                b.volume(String.valueOf(1 + random.nextInt(80)));
                int first = 1 + random.nextInt(2000);
                b.pages(first + "-" + (first + 1 + random.nextInt(30)));
            }
            if (random.nextDouble() < 0.6) {
                b.doi("10." + (1000 + random.nextInt(9000)) + "/synthetic." + n);
            }
            if (random.nextDouble() < 0.5 && !abstracts.isEmpty()) {
                b.abstractText(abstracts.get(random.nextInt(abstracts.size())));
            }
            b.provenance(quire.api.model.Provenance.of("synthetic.ris", "ris", n, 0));
            out.add(b.build());
        }
        return out;
    }
}
