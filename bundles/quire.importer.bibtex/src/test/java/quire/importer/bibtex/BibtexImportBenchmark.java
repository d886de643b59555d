package quire.importer.bibtex;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.model.Reference;

/**
 * Measures the BibTeX importer against jbibtex 1.0.20 on the same generated file of 100,000 papers (plus their
 * 4,000 proceedings volumes, 154 MB; see {@link BibtexCorpus}). Not a test (surefire runs only {@code *Test}
 * classes): it takes a few minutes and prints a table.
 *
 * <p>Run it from the repository root (give Maven's JVM room: jbibtex keeps the whole database in memory):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx3g ./mvnw -q -o -pl bundles/quire.importer.bibtex test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=quire.importer.bibtex.BibtexImportBenchmark
 * </pre>
 *
 * An optional argument sets the number of papers ({@code -Dexec.args=20000}). Maven resolves the {@code exec}
 * prefix from the network the first time: run that once without {@code -o}.
 *
 * <p>The two do different amounts of work, and the table says so. Ours runs the whole import behind
 * {@link BibtexImporter#read}: two passes over the file (the first finds crossref parents), LaTeX decoded to
 * Unicode, names split, dates, identifiers and keywords read, a {@link Reference} built per entry and handed to a
 * counting sink; memory stays flat. jbibtex's {@link BibTeXParser#parse} (a JavaCC parser) tokenises once and
 * builds its in-memory database of entries with their unexpanded values, resolving macros and crossrefs by
 * reference; it decodes no LaTeX (that is its separate {@code LaTeXParser}) and builds no model. The
 * middle row, our {@link BibtexScanner} alone for one pass, is the like-for-like comparison with jbibtex.
 */
public final class BibtexImportBenchmark {

    private static final int WARM_UP = 2;
    private static final int ITERATIONS = 3;

    private BibtexImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("quire-bibtex-bench");
        Path file = dir.resolve("corpus.bib");
        try {
            int entries = BibtexCorpus.write(file, papers, 20240501L);
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "corpus: %,d entries, %.1f MB (%s)%n", entries, bytes / 1e6, file);

            for (int k = 0; k < WARM_UP; k++) {
                check(entries, ours(file), "ours");
                check(entries, scannerOnly(file), "scanner");
                check(entries, jbibtex(file), "jbibtex");
            }
            List<Long> oursTimes = new ArrayList<>();
            List<Long> scanTimes = new ArrayList<>();
            List<Long> theirTimes = new ArrayList<>();
            for (int k = 0; k < ITERATIONS; k++) {
                long start = System.nanoTime();
                check(entries, ours(file), "ours");
                oursTimes.add(System.nanoTime() - start);
                start = System.nanoTime();
                check(entries, scannerOnly(file), "scanner");
                scanTimes.add(System.nanoTime() - start);
                start = System.nanoTime();
                check(entries, jbibtex(file), "jbibtex");
                theirTimes.add(System.nanoTime() - start);
            }
            double ours = median(oursTimes);
            double theirs = median(theirTimes);
            System.out.printf(Locale.ROOT, "%n%-46s %10s %12s %9s%n", "parser (median of " + ITERATIONS + ", after "
                    + WARM_UP + " warm-ups)", "seconds", "records/s", "MB/s");
            row("quire BibtexImporter (2 passes, LaTeX, model)", ours, entries, bytes);
            row("quire BibtexScanner alone (1 pass, no LaTeX)", median(scanTimes), entries, bytes);
            row("jbibtex 1.0.20 BibTeXParser.parse (no LaTeX)", theirs, entries, bytes);
            System.out.printf(Locale.ROOT, "ratio ours/jbibtex (throughput): %.2f%n", theirs / ours);
            System.out.printf(Locale.ROOT, "runs (s): ours %s, jbibtex %s%n", seconds(oursTimes), seconds(theirTimes));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Imports the file through the importer; returns the number of references. */
    private static int ours(Path file) throws IOException {
        CountingSink sink = new CountingSink();
        new BibtexImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        if (sink.errors > 0) {
            throw new IllegalStateException(sink.errors + " errors in the generated corpus");
        }
        return sink.count;
    }

    /** Only our scanner's full pass, the work closest to jbibtex's: raw entries, macros expanded, no LaTeX. */
    private static int scannerOnly(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BibtexScanner scanner = new BibtexScanner(in, "corpus.bib", problem -> { }, key -> true);
            int count = 0;
            while (scanner.next() != null) {
                count++;
            }
            return count;
        }
    }

    /** Parses the file with jbibtex; returns the number of entries. */
    private static int jbibtex(Path file) throws Exception {
        BibTeXParser parser = new BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, BibTeXString string) {
                // month macros are not predefined in jbibtex; unresolved is fine here
            }

            @Override
            public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                // a parent after its child is resolved by BibTeX, not by jbibtex's one pass
            }
        };
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BibTeXDatabase database = parser.parse(in);
            return database.getEntries().size();
        }
    }

    private static void check(int expected, int actual, String who) {
        if (expected != actual) {
            throw new IllegalStateException(who + " read " + actual + " entries, expected " + expected);
        }
    }

    private static void row(String name, double nanos, int entries, long bytes) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-46s %10.2f %,12.0f %9.1f%n", name, seconds, entries / seconds,
                bytes / 1e6 / seconds);
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(List<Long> times) {
        return times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t / 1e9)).toList().toString();
    }

    /** Counts references and keeps a checksum of their titles so that nothing is optimised away. */
    private static final class CountingSink implements ImportSink {
        int count;
        int errors;
        long checksum;

        @Override
        public void reference(Reference reference) {
            count++;
            checksum += reference.title().length() + reference.authors().size();
        }

        @Override
        public void problem(ImportProblem problem) {
            if (problem.severity() == ImportProblem.Severity.ERROR) {
                errors++;
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
