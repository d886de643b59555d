package quire.importer.ris;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.model.Reference;

/**
 * Import throughput for RIS: generates a 100,000-record Scopus-style RIS file (seeded), then times the importer
 * over it (2 warm-ups, median of 3) and prints records/s and MB/s. Not a test (surefire runs only *Test classes):
 * <pre>
 * ./mvnw -q -o -pl bundles/quire.importer.ris test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=quire.importer.ris.RisImportBenchmark [-Dexec.args=RECORDS]
 * </pre>
 */
public final class RisImportBenchmark {

    private static final String[] WORDS = ("interpretability language model alignment safety neural network "
            + "deception evaluation benchmark transformer attention circuit feature sparse autoencoder reward "
            + "jailbreak robustness adversarial probing representation steering unlearning hallucination reasoning "
            + "agent governance risk audit fairness bias privacy screening review trial cohort outcome").split(" ");
    private static final String[] FAMILIES = {"Müller", "Barez", "Simhi", "O'Shea", "van der Berg", "García",
        "Łukasiewicz", "Nguyen", "Smith", "Zhang", "Sørensen"};
    private static final String[] GIVEN = {"Adi", "Fazl", "José", "Zoë", "Tung-Yu", "Shay B.", "Anna", "Jürgen"};

    private RisImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path file = Files.createTempFile("quire-bench", ".ris");
        try {
            generate(file, records);
            double megabytes = Files.size(file) / 1e6;
            RisImporter importer = new RisImporter();
            long[] nanos = new long[5];
            int read = 0;
            for (int run = 0; run < nanos.length; run++) {
                long start = System.nanoTime();
                read = importOnce(importer, file);
                nanos[run] = System.nanoTime() - start;
            }
            long[] timed = java.util.Arrays.copyOfRange(nanos, 2, 5);
            java.util.Arrays.sort(timed);
            double seconds = timed[1] / 1e9;
            System.out.printf("RIS import: %,d records, %.1f MB, median of 3 after 2 warm-ups%n", read, megabytes);
            System.out.printf("%-8s %10s %12s %8s%n", "parser", "seconds", "records/s", "MB/s");
            System.out.printf("%-8s %10.2f %,12.0f %8.1f%n", "ours", seconds, read / seconds, megabytes / seconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int importOnce(RisImporter importer, Path file) throws IOException {
        int[] count = new int[1];
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), new ImportSink() {
            @Override
            public void reference(Reference reference) {
                count[0]++;
            }

            @Override
            public void problem(ImportProblem problem) {
                throw new AssertionError("the generated file is valid: " + problem);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        return count[0];
    }

    private static void generate(Path file, int records) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                out.write("TY  - JOUR\r\n");
                for (int a = 1 + random.nextInt(6); a > 0; a--) {
                    out.write("AU  - " + FAMILIES[random.nextInt(FAMILIES.length)] + ", "
                            + GIVEN[random.nextInt(GIVEN.length)] + "\r\n");
                }
                out.write("TI  - " + words(random, 6 + random.nextInt(8)) + "\r\n");
                out.write("T2  - Journal of " + WORDS[random.nextInt(WORDS.length)] + "\r\n");
                out.write("PY  - " + (1990 + random.nextInt(37)) + "\r\n");
                out.write("VL  - " + (1 + random.nextInt(80)) + "\r\nIS  - " + (1 + random.nextInt(12)) + "\r\n");
                out.write("SP  - " + (1 + random.nextInt(500)) + "\r\nEP  - " + (501 + random.nextInt(400)) + "\r\n");
                out.write("DO  - 10." + (1000 + random.nextInt(9000)) + "/x" + i + "\r\n");
                out.write("AB  - " + words(random, 150 + random.nextInt(100)) + "\r\n");
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    out.write("KW  - " + WORDS[random.nextInt(WORDS.length)] + "\r\n");
                }
                out.write("DB  - Scopus\r\nER  - \r\n\r\n");
            }
        }
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
