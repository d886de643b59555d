package quire.dedup;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The pairs of records worth comparing, found without comparing every pair: records sharing a DOI, PMID, arXiv id
 * or normalised title; records whose titles share a MinHash band (locality-sensitive hashing over title words,
 * so titles with a typo or a changed word meet); and neighbours when titles are sorted (a title missing its
 * subtitle sorts beside the full one). Each pass sorts packed keys, so the cost grows as n log n.
 */
final class Blocking {

    /** Record indices are packed into 24 bits beside the key. */
    static final int MAX_RECORDS = (1 << 24) - 1;
    static final int ROWS = 4;
    static final int BANDS = 20;
    static final int HASHES = ROWS * BANDS;
    /** Records per bucket compared all with all; in a bigger bucket each record meets its next neighbours only. */
    private static final int BUCKET_ALL_PAIRS = 40;
    private static final int WINDOW = 8;
    private static final int SORTED_WINDOW = 3;

    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eed_dedbL);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1;
            ADDENDS[i] = random.nextLong();
        }
    }

    private Blocking() {
    }

    /** Words too common in titles to tell papers apart. */
    private static final java.util.Set<String> STOPWORDS = java.util.Set.of("a", "an", "the", "of", "in", "on", "and",
            "or", "for", "to", "with", "by", "from", "at", "as", "is", "are", "its", "their", "vs", "versus");

    /**
     * MinHash signature of a title's words (stopwords left out): a typo or a changed word leaves most of them, and
     * hashing some ten words instead of a hundred 4-grams keeps 100,000 records within a second. Null for titles
     * of fewer than three such words, which the exact and sorted passes cover.
     */
    static int[] signature(String folded) {
        long[] words = new long[32];
        int n = 0;
        int start = 0;
        for (int i = 0; i <= folded.length(); i++) {
            if (i == folded.length() || folded.charAt(i) == ' ') {
                if (i > start && n < words.length) {
                    String word = folded.substring(start, i);
                    if (!STOPWORDS.contains(word)) {
                        long h = 0xcbf29ce484222325L;
                        for (int c = start; c < i; c++) {
                            h = (h ^ folded.charAt(c)) * 0x100000001b3L;
                        }
                        h ^= h >>> 33;
                        h *= 0xff51afd7ed558ccdL;
                        h ^= h >>> 33;
                        words[n++] = h;
                    }
                }
                start = i + 1;
            }
        }
        if (n < 3) {
            return null;
        }
        int[] signature = new int[HASHES];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (int w = 0; w < n; w++) {
            long word = words[w];
            for (int k = 0; k < HASHES; k++) {
                int h = (int) ((word * MULTIPLIERS[k] + ADDENDS[k]) >>> 33);
                if (h < signature[k]) {
                    signature[k] = h;
                }
            }
        }
        return signature;
    }

    /** The share of equal signature values: an estimate of the Jaccard similarity of the titles' words. */
    static double estimate(int[] a, int[] b) {
        if (a == null || b == null) {
            return 0;
        }
        int same = 0;
        for (int k = 0; k < HASHES; k++) {
            if (a[k] == b[k]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Candidate pairs as {@code (low << 32) | high} record indices, sorted, each once. */
    static long[] candidates(Profile[] profiles, int[][] signatures) {
        int n = profiles.length;
        PairList pairs = new PairList();
        // exact keys: one pass for all, the kind mixed into the hash
        long[] keys = new long[n * 5];
        int k = 0;
        for (Profile p : profiles) {
            if (!p.doi.isEmpty()) {
                keys[k++] = pack(hash("doi:" + p.doi), p.index);
            }
            if (!p.pmid.isEmpty()) {
                keys[k++] = pack(hash("pmid:" + p.pmid), p.index);
            }
            if (!p.arxiv.isEmpty()) {
                keys[k++] = pack(hash("arxiv:" + p.arxiv), p.index);
            }
            if (!p.compact.isEmpty()) {
                keys[k++] = pack(hash("title:" + p.compact), p.index);
            }
            // where it was printed: a short title ("Letters", "CDC TeX") has few words to meet by
            if (!p.volume.isEmpty() && !p.firstPage.isEmpty()) {
                keys[k++] = pack(hash("at:" + p.volume + "|" + p.firstPage), p.index);
            }
        }
        runs(Arrays.copyOf(keys, k), pairs, profiles);
        // MinHash bands
        long[] band = new long[n];
        for (int b = 0; b < BANDS; b++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                int[] s = signatures[i];
                if (s == null) {
                    continue;
                }
                long h = 0x9e3779b97f4a7c15L * (b + 1);
                for (int r = 0; r < ROWS; r++) {
                    h = (h ^ s[b * ROWS + r]) * 0x100000001b3L;
                    h ^= h >>> 29;
                }
                band[m++] = pack(h, i);
            }
            runs(Arrays.copyOf(band, m), pairs, profiles);
        }
        // sorted neighbourhood on the title
        Integer[] order = IntStream.range(0, n).filter(i -> profiles[i].compact.length() >= 10).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> profiles[i].compact));
        for (int i = 0; i < order.length; i++) {
            for (int j = i + 1; j < order.length && j <= i + SORTED_WINDOW; j++) {
                pairs.add(order[i], order[j]);
            }
        }
        return pairs.sortedUnique();
    }

    /** A 40-bit key and a 24-bit record index in one long, so that sorting groups records by key. */
    private static long pack(long hash, int index) {
        return (hash & 0xFF_FFFF_FFFFL) << 24 | index;
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 31;
        return h * 0x94d049bb133111ebL;
    }

    /**
     * Pairs within each run of equal keys. A big run (every "Editorial", every "Letters" of a journal) is sorted by
     * year, volume, first page and first author, and each record meets its next neighbours in that order only.
     */
    private static void runs(long[] packed, PairList pairs, Profile[] profiles) {
        Arrays.sort(packed);
        int start = 0;
        for (int i = 1; i <= packed.length; i++) {
            if (i == packed.length || (packed[i] >>> 24) != (packed[start] >>> 24)) {
                int size = i - start;
                if (size <= BUCKET_ALL_PAIRS) {
                    for (int x = start; x < i; x++) {
                        for (int y = x + 1; y < i; y++) {
                            pairs.add((int) (packed[x] & 0xFFFFFF), (int) (packed[y] & 0xFFFFFF));
                        }
                    }
                } else {
                    Integer[] run = new Integer[size];
                    for (int x = 0; x < size; x++) {
                        run[x] = (int) (packed[start + x] & 0xFFFFFF);
                    }
                    Arrays.sort(run, NEIGHBOURS.apply(profiles));
                    for (int x = 0; x < size; x++) {
                        for (int y = x + 1; y < size && y <= x + WINDOW; y++) {
                            pairs.add(run[x], run[y]);
                        }
                    }
                }
                start = i;
            }
        }
    }

    private static final java.util.function.Function<Profile[], Comparator<Integer>> NEIGHBOURS = profiles ->
            Comparator.<Integer>comparingInt(i -> profiles[i].year)
                    .thenComparing(i -> profiles[i].volume)
                    .thenComparing(i -> profiles[i].firstPage)
                    .thenComparing(i -> profiles[i].firstFamily)
                    .thenComparing(i -> profiles[i].compact);

    /** A growable list of pairs packed in longs. */
    private static final class PairList {
        private long[] pairs = new long[1024];
        private int size;

        void add(int a, int b) {
            if (a == b) {
                return;
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        }

        long[] sortedUnique() {
            long[] sorted = Arrays.copyOf(pairs, size);
            Arrays.parallelSort(sorted);
            int unique = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[unique++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, unique);
        }
    }
}
