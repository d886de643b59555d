package quire.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.work.Progress;

/**
 * Indexing throughput, index size and query latency of Quire's index, against plain Lucene on the same documents
 * and queries in the same run. Not a test (surefire skips it); run it with
 *
 * <pre>
 * ./mvnw -q -o -pl bundles/quire.index test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=quire.index.SearchBenchmark -Dexec.args="1000000"
 * </pre>
 *
 * Arguments: the number of references (default 1,000,000), the number of measured queries (default 1,000), the
 * seed (default 42). At a million references it needs about 3 GB of heap (Maven's default, a quarter of the RAM, is
 * enough on an 8 GB machine; else {@code MAVEN_OPTS=-Xmx4g}) and takes minutes.
 *
 * <p><b>The corpus</b> is synthetic but shaped like a bibliographic database: words follow a Zipf law over a
 * vocabulary of about 30,000 (English function words first, then domain words, then made-up words with English
 * endings, so that the stemmer has work to do); titles of 6 to 16 words, abstracts (80% of references) of about
 * 170 words in sentences; 1 to 12 authors from lists of given and family names (Zipf); about 3,000 venues (Zipf);
 * years skewed recent; DOIs, keywords, tags, screening labels, source databases and import times.
 *
 * <p><b>Ours</b> is {@link LuceneIndex#rebuild} over an {@link InMemoryLibrary} (the service's indexing path:
 * {@link IndexSchema} documents with exact fields, doc values to sort, facets), and queries go through
 * {@link LuceneSearchService#search} (parsing, stemming at query time, an exact total, hits resolved through the
 * library; no snippets; the index's searcher spreads a query over the cores). <b>Plain Lucene</b> indexes the
 * same text in plain {@link TextField}s with {@link StandardAnalyzer} (an id stored, the year as a point), with
 * the same writer buffer, and searches with {@link IndexSearcher#search(Query, int)} for the top 20, on one
 * thread, with no total beyond what the top 20 need.
 *
 * <p>Indexing runs ours, plain, plain, ours, and compares the better run of each: these machines are shared, and
 * load from elsewhere comes and goes. CPU seconds (the process's, merges and garbage collection included) are
 * printed beside wall seconds for the same reason. The query mix has equal shares of one word, two words, a
 * phrase (two words that follow each other in a title, neither a function word), {@code author:}, a word and a
 * year range, a prefix, two words with OR, and a word with facets; words are drawn with the corpus's own Zipf
 * law, so frequent words are asked often. A warm-up runs another mix of the same kind first; then each query
 * runs on both, one after the other.
 */
public final class SearchBenchmark {

    private static final int TOP = 20;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int references = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Path root = Files.createTempDirectory("quire-bench");
        try {
            new SearchBenchmark().run(references, queries, seed, root);
        } finally {
            deleteRecursively(root);
        }
    }

    private void run(int count, int queryCount, long seed, Path root) throws Exception {
        System.out.printf(Locale.ROOT, "SearchBenchmark: %,d references, %,d queries, seed %d, %d cores, heap %d MB,"
                + " Java %s%n", count, queryCount, seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        Corpus corpus = new Corpus(seed);
        long started = System.nanoTime();
        List<Reference> references = corpus.references(count);
        long textBytes = references.stream().mapToLong(SearchBenchmark::textLength).sum();
        System.out.printf(Locale.ROOT, "corpus generated in %.1f s: %.0f MB of text, %.0f words a reference%n",
                seconds(started), textBytes / 1e6, textBytes / 6.5 / count);

        // warm-up: the JIT compiles both indexing paths before either is measured
        int warm = Math.min(count, 20_000);
        indexOurs(new InMemoryLibrary(root.resolve("warm-ours")), references.subList(0, warm));
        indexPlain(root.resolve("warm-plain/index"), references.subList(0, warm));
        deleteRecursively(root.resolve("warm-ours"));
        deleteRecursively(root.resolve("warm-plain"));

        // ours, plain, plain, ours: load from other processes that rises or falls during the run weighs on both
        // alike; each is reported, and the better run of each is compared
        System.out.println();
        System.out.println("indexing           refs/s     MB/s   seconds   CPU seconds   refs/CPU s   index MB");
        InMemoryLibrary library = null;
        double[] ours = null;
        double[] plainRun = null;
        long oursSize = 0;
        long plainSize = 0;
        String[] order = {"ours", "plain", "plain", "ours"};
        for (int run = 0; run < order.length; run++) {
            double[] times;
            long size;
            if (order[run].equals("ours")) {
                if (library != null) {
                    deleteRecursively(library.workspace());
                }
                library = new InMemoryLibrary(root.resolve("ours-" + run));
                times = indexOurs(library, references);
                size = committedSize(library.workspace().resolve("index"));
                oursSize = size;
                ours = better(ours, times);
            } else {
                Path path = root.resolve("plain-" + run + "/index");
                times = indexPlain(path, references);
                size = committedSize(path);
                plainSize = size;
                if (run == 1) {
                    deleteRecursively(path.getParent());
                }
                plainRun = better(plainRun, times);
            }
            printIndexing(order[run] + " (" + (run + 1) + ")", count, textBytes, times, size);
        }
        printIndexing("ours, best", count, textBytes, ours, oursSize);
        printIndexing("plain, best", count, textBytes, plainRun, plainSize);
        System.out.printf(Locale.ROOT, "ours / plain   %10.2f %8s %9.2f %13.2f %12.2f %10.2f%n",
                plainRun[0] / ours[0], "", ours[0] / plainRun[0], ours[1] / plainRun[1], plainRun[1] / ours[1],
                (double) oursSize / plainSize);
        System.out.println("(throughput ratio: plain's time over ours; CPU seconds are the whole process's, merges"
                + " included, and leave out time spent waiting for a core that other processes hold)");
        Path plainIndex = root.resolve("plain-2/index");

        List<QuerySpec> mix = corpus.queries(queryCount, references, seed * 17 + 3);
        // the warm-up runs other queries of the same mix, so that no cache holds the measured ones
        List<QuerySpec> warmUp = corpus.queries(queryCount, references, seed * 13 + 5);
        LuceneSearchService service = new LuceneSearchService(library);
        try (Directory plainDirectory = FSDirectory.open(plainIndex);
                DirectoryReader plainReader = DirectoryReader.open(plainDirectory);
                Analyzer plainAnalyzer = new StandardAnalyzer()) {
            IndexSearcher plain = new IndexSearcher(plainReader);
            List<Query> plainQueries = new ArrayList<>();
            for (QuerySpec spec : mix) {
                plainQueries.add(spec.plain(plainAnalyzer));
            }
            // warm-up: JIT, page cache, the facet view of the reader
            for (QuerySpec spec : warmUp) {
                service.search(spec.request());
                plain.search(spec.plain(plainAnalyzer), TOP);
            }
            Map<Kind, List<long[]>> timings = new EnumMap<>(Kind.class);
            long hitsOurs = 0;
            long hitsPlain = 0;
            for (int i = 0; i < mix.size(); i++) {
                QuerySpec spec = mix.get(i);
                long t0 = System.nanoTime();
                SearchResult result = service.search(spec.request());
                long t1 = System.nanoTime();
                int plainHits = plain.search(plainQueries.get(i), TOP).scoreDocs.length;
                long t2 = System.nanoTime();
                hitsOurs += result.hits().size();
                hitsPlain += plainHits;
                timings.computeIfAbsent(spec.kind(), k -> new ArrayList<>()).add(new long[] {t1 - t0, t2 - t1});
            }
            System.out.println();
            System.out.println("query latency (ms)    n   ours p50  ours p99  plain p50  plain p99   p50 x   p99 x");
            List<long[]> all = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<long[]> times = timings.getOrDefault(kind, List.of());
                if (!times.isEmpty()) {
                    printRow(kind.label, times);
                    all.addAll(times);
                }
            }
            printRow("all", all);
            System.out.printf(Locale.ROOT, "hits returned: ours %,d, plain %,d (top %d of each query)%n", hitsOurs,
                    hitsPlain, TOP);

            // snippets are made only when asked for; what they cost on top of a word query
            List<Long> snippets = new ArrayList<>();
            for (QuerySpec spec : mix) {
                if (spec.kind() == Kind.WORD) {
                    long t0 = System.nanoTime();
                    service.search(spec.request().withHighlights());
                    snippets.add(System.nanoTime() - t0);
                }
            }
            long[] highlighted = snippets.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "one word with snippets (not in the mix): p50 %.2f ms, p99 %.2f ms%n",
                    percentile(highlighted, 50) / 1e6, percentile(highlighted, 99) / 1e6);
        } finally {
            service.close();
        }
    }

    private static double[] better(double[] best, double[] run) {
        return best == null || run[0] < best[0] ? run : best;
    }

    private static void printIndexing(String label, int count, long textBytes, double[] times, long size) {
        System.out.printf(Locale.ROOT, "%-14s %10.0f %8.1f %9.1f %13.1f %12.0f %10.1f%n", label, count / times[0],
                textBytes / 1e6 / times[0], times[0], times[1], count / times[1], size / 1e6);
    }

    private static void printRow(String label, List<long[]> times) {
        long[] ours = times.stream().mapToLong(t -> t[0]).sorted().toArray();
        long[] plain = times.stream().mapToLong(t -> t[1]).sorted().toArray();
        double o50 = percentile(ours, 50) / 1e6;
        double o99 = percentile(ours, 99) / 1e6;
        double p50 = percentile(plain, 50) / 1e6;
        double p99 = percentile(plain, 99) / 1e6;
        System.out.printf(Locale.ROOT, "%-18s %4d %10.2f %9.2f %10.2f %10.2f %7.2f %7.2f%n", label, times.size(),
                o50, o99, p50, p99, o50 / p50, o99 / p99);
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // --- indexing -----------------------------------------------------------------------------------------------

    /**
     * Our indexing path: the library's references into {@link IndexSchema} documents, then a commit. Wall and
     * process CPU seconds.
     */
    private static double[] indexOurs(InMemoryLibrary library, List<Reference> references) throws IOException {
        library.store(references);
        try (LuceneIndex index = LuceneIndex.open(library.workspace().resolve("index"))) {
            System.gc();
            long cpu = cpuNanos();
            long started = System.nanoTime();
            index.rebuild(library, Progress.NONE);
            return new double[] {seconds(started), (cpuNanos() - cpu) / 1e9};
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Plain Lucene: the same text in plain fields, standard analysis, the same writer buffer, then a commit. */
    private static double[] indexPlain(Path path, List<Reference> references) throws IOException {
        Files.createDirectories(path);
        try (Directory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                        .setRAMBufferSizeMB(LuceneIndex.RAM_BUFFER_MB))) {
            System.gc();
            long cpu = cpuNanos();
            long started = System.nanoTime();
            for (Reference reference : references) {
                writer.addDocument(plainDocument(reference));
            }
            writer.commit();
            return new double[] {seconds(started), (cpuNanos() - cpu) / 1e9};
        }
    }

    static Document plainDocument(Reference reference) {
        Document doc = new Document();
        doc.add(new StringField("id", reference.id(), Field.Store.YES));
        doc.add(new TextField("title", reference.title(), Field.Store.NO));
        reference.abstractText().ifPresent(text -> doc.add(new TextField("abstract", text, Field.Store.NO)));
        for (Person author : reference.authors()) {
            doc.add(new TextField("authors", author.displayName(), Field.Store.NO));
        }
        for (String keyword : reference.keywords()) {
            doc.add(new TextField("keywords", keyword, Field.Store.NO));
        }
        reference.venue().ifPresent(venue -> doc.add(new TextField("venue", venue, Field.Store.NO)));
        reference.year().ifPresent(year -> doc.add(new IntPoint("year", year)));
        return doc;
    }

    /** The size of the files of the last commit (not of merges still running). */
    private static long committedSize(Path index) throws IOException {
        long size = 0;
        try (Directory directory = FSDirectory.open(index)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            for (String file : commit.files(true)) {
                size += directory.fileLength(file);
            }
            System.out.printf(Locale.ROOT, "  (%s: %d segments)%n", index.getParent().getFileName(), commit.size());
        }
        return size;
    }

    private static long textLength(Reference r) {
        long length = r.title().length() + r.abstractText().map(String::length).orElse(0)
                + r.venue().map(String::length).orElse(0);
        for (Person author : r.authors()) {
            length += author.displayName().length() + 1;
        }
        for (String keyword : r.keywords()) {
            length += keyword.length() + 1;
        }
        return length;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // --- queries ------------------------------------------------------------------------------------------------

    /** The kinds of query in the mix, in equal shares. */
    enum Kind {
        WORD("one word"),
        TWO_WORDS("two words (AND)"),
        PHRASE("phrase"),
        AUTHOR("author:"),
        YEAR_RANGE("word + year range"),
        PREFIX("prefix*"),
        OR("word OR word"),
        FACETS("word + facets");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One query of the mix: in Quire's language, and the same for plain Lucene's classic parser over the same
     * fields (the year range as a point query).
     */
    record QuerySpec(Kind kind, String ours, String plainText, int[] years) {

        SearchRequest request() {
            SearchRequest request = SearchRequest.of(ours, TOP);
            return kind == Kind.FACETS ? request.withFacets() : request;
        }

        Query plain(Analyzer analyzer) throws ParseException {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(
                    new String[] {"title", "abstract", "authors", "keywords", "venue"}, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            Query text = parser.parse(plainText);
            if (years == null) {
                return text;
            }
            return new BooleanQuery.Builder()
                    .add(text, BooleanClause.Occur.MUST)
                    .add(IntPoint.newRangeQuery("year", years[0], years[1]), BooleanClause.Occur.FILTER)
                    .build();
        }
    }

    // --- the corpus ---------------------------------------------------------------------------------------------

    /** Seeded, so every run indexes and queries the same references. */
    static final class Corpus {

        private static final String[] FUNCTION_WORDS = ("the of and in a to for with on we is that by this are"
                + " as from an our be which at these using can it results than show based two or between not"
                + " more also has have been was its their both such into new over while under however when"
                + " each all other only most well used through different high large first can than after").split(" ");

        private static final String[] DOMAIN_WORDS = ("model models learning data network networks method methods"
                + " analysis system systems approach performance neural training deep language task tasks"
                + " algorithm algorithms problem problems results study information framework time patients"
                + " clinical review systematic evidence treatment effect effects health risk outcomes quality"
                + " trial trials control design evaluation accuracy prediction classification detection image"
                + " images features feature representation representations structure function energy optimization"
                + " distribution inference estimation signal process processing graph knowledge reasoning"
                + " interpretability interpretable robustness robust generalization transfer adaptation attention"
                + " transformer transformers reinforcement policy agent agents reward safety alignment language"
                + " semantic segmentation recognition speech text generation generative adversarial diffusion"
                + " sparse autoencoder autoencoders circuit circuits mechanism mechanisms population cohort"
                + " randomized intervention interventions therapy disease cancer cell cells protein gene genes"
                + " expression molecular chemical material materials temperature pressure flow dynamics control"
                + " measurement measurements sensor sensors wireless communication security privacy federated"
                + " distributed parallel computing hardware memory efficient efficiency scalable scaling benchmark"
                + " benchmarks dataset datasets survey challenges applications application theory theoretical"
                + " empirical experimental experiments simulation simulations statistical bayesian probabilistic"
                + " uncertainty causal causality regression clustering embedding embeddings retrieval search"
                + " ranking recommendation users user social media education students teachers learning").split(" ");

        private static final String[] SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga"
                + " ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so"
                + " su ta te ti to tu va ve vi vo za ze zi tra tre tri pro pre cor con ver ter man min mol").split(" ");

        private static final String[] ENDINGS = {"", "", "", "s", "ing", "ed", "ation", "ations", "ity", "ive",
            "al", "ally", "ization", "able", "ability", "er", "ers", "ism"};

        private static final String[] GIVEN = ("James Mary John Patricia Robert Jennifer Michael Linda David"
                + " Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Wei Li Jing"
                + " Yan Hui Min Xin Lei Jun Yu Hiroshi Yuki Akira Kenji Sakura Ahmed Fatima Mohamed Aisha Omar"
                + " Priya Rahul Anil Sunita Ravi Anna Maria Elena Sofia Luca Marco Giulia Pierre Marie Jean Claire"
                + " Hans Klaus Petra Lars Ingrid Olga Ivan Dmitri Natasha Sergei Carlos Ana Jose Lucia Miguel"
                + " Kevin Hoagy Fazl Nelson Chris Yann Yoshua Geoffrey Ashish Noam Niki Jared Sam Tom").split(" ");

        private static final String[] FAMILY = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu"
                + " Guo He Lin Gao Luo Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez"
                + " Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Tanaka Suzuki Takahashi Watanabe Ito Yamamoto"
                + " Nakamura Kobayashi Kato Sato Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Rossi"
                + " Russo Ferrari Esposito Bianchi Romano Colombo Martin Bernard Dubois Thomas Robert Richard"
                + " Petit Durand Kumar Singh Sharma Gupta Patel Shah Reddy Rao Das Nguyen Tran Le Pham Hoang"
                + " Ivanov Smirnov Kuznetsov Popov Silva Santos Oliveira Souza Pereira Costa Gödel Müller Øster"
                + " Barez Olah Elhage Cunningham Kaplan Vaswani LeCun Bengio Hinton Turing").split(" ");

        private static final String[] VENUE_FORMS = {"Journal of %s %s", "%s %s Letters",
            "Proceedings of the International Conference on %s %s", "IEEE Transactions on %s %s",
            "International Journal of %s %s", "Annals of %s %s", "%s %s Review", "Workshop on %s %s"};

        private static final ReferenceType[] TYPES = {ReferenceType.ARTICLE, ReferenceType.CONFERENCE_PAPER,
            ReferenceType.PREPRINT, ReferenceType.CHAPTER, ReferenceType.REPORT, ReferenceType.THESIS,
            ReferenceType.BOOK};
        private static final double[] TYPE_SHARES = {0.55, 0.25, 0.12, 0.03, 0.02, 0.02, 0.01};

        private static final String[] DATABASES = {"Scopus", "PubMed", "Web of Science", "IEEE Xplore",
            "ACM Digital Library", "Embase"};
        private static final String[] FORMATS = {"ris", "bibtex", "pubmed", "csv", "endnote"};
        private static final String[] TAGS = {"include", "to-read", "background", "method", "duplicate?"};

        private final long seed;
        private final String[] words;
        private final Zipf wordRanks;
        /** Query words: the vocabulary without its function words, Zipf too (frequent topics asked often). */
        private final Zipf queryRanks;
        private final String[] families;
        private final Zipf familyRanks;
        private final Zipf givenRanks;
        private final String[] venues;
        private final Zipf venueRanks;

        Corpus(long seed) {
            this.seed = seed;
            SplittableRandom random = new SplittableRandom(seed);
            List<String> vocabulary = new ArrayList<>(Arrays.asList(FUNCTION_WORDS));
            vocabulary.addAll(Arrays.asList(DOMAIN_WORDS));
            java.util.Set<String> seen = new java.util.HashSet<>(vocabulary);
            while (vocabulary.size() < 30_000) {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + random.nextInt(3);
                for (int s = 0; s < syllables; s++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                word.append(ENDINGS[random.nextInt(ENDINGS.length)]);
                if (seen.add(word.toString())) {
                    vocabulary.add(word.toString());
                }
            }
            this.words = vocabulary.toArray(String[]::new);
            this.wordRanks = new Zipf(words.length, 1.0);
            this.queryRanks = new Zipf(words.length - FUNCTION_WORDS.length, 1.0);

            List<String> familyNames = new ArrayList<>(Arrays.asList(FAMILY));
            java.util.Set<String> seenFamilies = new java.util.HashSet<>(familyNames);
            while (familyNames.size() < 20_000) {
                String name = capitalise(SYLLABLES[random.nextInt(SYLLABLES.length)]
                        + SYLLABLES[random.nextInt(SYLLABLES.length)]
                        + (random.nextBoolean() ? SYLLABLES[random.nextInt(SYLLABLES.length)] : "")
                        + new String[] {"", "son", "ski", "ez", "i", "ov", "er", "berg", "ton"}[random.nextInt(9)]);
                if (seenFamilies.add(name)) {
                    familyNames.add(name);
                }
            }
            this.families = familyNames.toArray(String[]::new);
            this.familyRanks = new Zipf(families.length, 0.9);
            this.givenRanks = new Zipf(GIVEN.length, 0.7);

            this.venues = new String[3_000];
            for (int v = 0; v < venues.length; v++) {
                String form = VENUE_FORMS[random.nextInt(VENUE_FORMS.length)];
                venues[v] = String.format(Locale.ROOT, form,
                        capitalise(DOMAIN_WORDS[random.nextInt(DOMAIN_WORDS.length)]),
                        capitalise(words[FUNCTION_WORDS.length + random.nextInt(5_000)]));
            }
            this.venueRanks = new Zipf(venues.length, 1.1);
        }

        List<Reference> references(int count) {
            List<Reference> references = new ArrayList<>(count);
            SplittableRandom random = new SplittableRandom(seed * 31 + 7);
            java.time.Instant imported = java.time.Instant.parse("2026-01-05T09:00:00Z");
            for (int i = 0; i < count; i++) {
                references.add(reference(i, random, imported.plusSeconds(i / 500 * 60L)));
            }
            return references;
        }

        private Reference reference(int i, SplittableRandom random, java.time.Instant imported) {
            ReferenceType type = pick(TYPES, TYPE_SHARES, random);
            Reference.Builder builder = Reference.builder()
                    .id(String.format(Locale.ROOT, "r%07d", i))
                    .type(type)
                    .title(sentence(random, 6 + random.nextInt(11), true));
            if (random.nextDouble() < 0.8) {
                StringBuilder text = new StringBuilder();
                int length = (int) Math.max(40, Math.min(400, 170 + random.nextGaussian() * 50));
                while (length > 0) {
                    int sentence = Math.min(length, 12 + random.nextInt(18));
                    if (!text.isEmpty()) {
                        text.append(' ');
                    }
                    text.append(sentence(random, sentence, false)).append('.');
                    length -= sentence;
                }
                builder.abstractText(text.toString());
            }
            int authors = 1 + (int) Math.min(11, -Math.log(1 - random.nextDouble()) * 3.5);
            for (int a = 0; a < authors; a++) {
                builder.author(Person.of(families[familyRanks.next(random)], GIVEN[givenRanks.next(random)]));
            }
            int age = (int) Math.min(60, -Math.log(1 - random.nextDouble()) * 7);
            builder.issued(IssuedDate.ofYear(2025 - age));
            if (type == ReferenceType.PREPRINT) {
                builder.venue("arXiv");
            } else if (random.nextDouble() < 0.95) {
                builder.venue(venues[venueRanks.next(random)]);
            }
            if (random.nextDouble() < 0.7) {
                builder.doi(String.format(Locale.ROOT, "10.%d/%08x", 1000 + random.nextInt(9000),
                        random.nextInt() & 0x7fffffff));
            }
            if (random.nextDouble() < 0.4) {
                int keywords = 3 + random.nextInt(4);
                for (int k = 0; k < keywords; k++) {
                    builder.keyword(words[FUNCTION_WORDS.length + queryRanks.next(random)]);
                }
            }
            if (random.nextDouble() < 0.05) {
                builder.tag(TAGS[random.nextInt(TAGS.length)]);
            }
            if (random.nextDouble() < 0.1) {
                builder.field("screeningLabel", random.nextDouble() < 0.3 ? "include" : "exclude");
            }
            Provenance provenance = Provenance.of("search-" + (i / 10_000) + ".ris",
                    FORMATS[random.nextInt(FORMATS.length)], i % 10_000, 1 + (i % 10_000) * 12);
            if (random.nextDouble() < 0.7) {
                provenance = provenance.fromDatabase(DATABASES[random.nextInt(DATABASES.length)]);
            }
            builder.provenance(provenance.imported("", imported));
            return builder.build();
        }

        private String sentence(SplittableRandom random, int length, boolean title) {
            StringBuilder text = new StringBuilder(length * 8);
            for (int w = 0; w < length; w++) {
                String word = words[wordRanks.next(random)];
                if (w > 0) {
                    text.append(' ');
                }
                text.append(title || w == 0 ? capitalise(word) : word);
            }
            return text.toString();
        }

        /** The query mix: equal shares of each kind, words drawn from the corpus's own distribution. */
        List<QuerySpec> queries(int count, List<Reference> references, long querySeed) {
            SplittableRandom random = new SplittableRandom(querySeed);
            List<QuerySpec> mix = new ArrayList<>(count);
            Kind[] kinds = Kind.values();
            for (int q = 0; q < count; q++) {
                Kind kind = kinds[q % kinds.length];
                String w1 = queryWord(random);
                String w2 = queryWord(random);
                mix.add(switch (kind) {
                    case WORD, FACETS -> new QuerySpec(kind, w1, w1, null);
                    case TWO_WORDS -> new QuerySpec(kind, w1 + " " + w2, w1 + " " + w2, null);
                    case OR -> new QuerySpec(kind, w1 + " OR " + w2, w1 + " OR " + w2, null);
                    case PHRASE -> {
                        String phrase = "\"" + titleBigram(references, random) + "\"";
                        yield new QuerySpec(kind, phrase, phrase, null);
                    }
                    case AUTHOR -> {
                        String family = families[familyRanks.next(random)];
                        yield new QuerySpec(kind, "author:" + family, "authors:" + family, null);
                    }
                    case YEAR_RANGE -> {
                        int from = 2000 + random.nextInt(22);
                        int to = from + random.nextInt(5);
                        yield new QuerySpec(kind, w1 + " year:" + from + ".." + to, w1, new int[] {from, to});
                    }
                    case PREFIX -> {
                        String word = w1;
                        while (word.length() < 7) {
                            word = queryWord(random);
                        }
                        String prefix = word.substring(0, 5) + "*";
                        yield new QuerySpec(kind, prefix, prefix, null);
                    }
                });
            }
            return mix;
        }

        /**
         * Two words that follow each other in some title, neither of them a function word: what a reviewer puts
         * in quotes ("sparse autoencoders"), not "of the".
         */
        private static String titleBigram(List<Reference> references, SplittableRandom random) {
            java.util.Set<String> function = new java.util.HashSet<>(Arrays.asList(FUNCTION_WORDS));
            while (true) {
                String[] title = references.get(random.nextInt(references.size())).title().split(" ");
                int at = random.nextInt(title.length - 1);
                if (!function.contains(title[at].toLowerCase(Locale.ROOT))
                        && !function.contains(title[at + 1].toLowerCase(Locale.ROOT))) {
                    return title[at] + " " + title[at + 1];
                }
            }
        }

        private String queryWord(SplittableRandom random) {
            return words[FUNCTION_WORDS.length + queryRanks.next(random)];
        }

        private static <T> T pick(T[] values, double[] shares, SplittableRandom random) {
            double r = random.nextDouble();
            for (int i = 0; i < values.length; i++) {
                r -= shares[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        private static String capitalise(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
        }
    }
}
