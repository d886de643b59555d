package quire.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import quire.api.export.CitationKeyGenerator;
import quire.api.importing.Importer;
import quire.api.model.Reference;
import quire.export.bibtex.SampleReferences;
import quire.export.bibtex.TortureReferences;

/**
 * Acceptance 4: export, import the file with the real BibTeX importer, export again: the two files are the same,
 * byte for byte, in both formats, and every reference comes back with its key. Run on the varied and torture sets,
 * the seeds and every fixture, as read by the importers that are built.
 */
class RoundTripTest {

    @TempDir
    Path dir;

    /** The sets to send round, by name. */
    static List<Corpus> corpora() throws IOException {
        List<Corpus> corpora = new ArrayList<>();
        corpora.add(Corpus.imported("varied", SampleReferences.varied()));
        corpora.add(Corpus.imported("torture", TortureReferences.all()));
        corpora.add(Corpus.imported("random", SampleReferences.random(20260517L, 300)));
        for (Path file : Corpus.files()) {
            corpora.add(Corpus.read(file));
        }
        return corpora;
    }

    @TestFactory
    Stream<DynamicTest> exportImportExportIsByteIdentical() throws IOException {
        Importer bibtex = InstalledImporters.format("bibtex").orElseThrow(() -> new AssertionError(
                "the BibTeX importer (quire.importer.bibtex) is not on the test class path"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus corpus : corpora()) {
            for (String format : List.of("bibtex", "biblatex")) {
                tests.add(DynamicTest.dynamicTest(corpus.name() + " as " + format, () -> {
                    corpus.assumeReadable();
                    MemoryLibrary library = MemoryLibrary.of(corpus.references());
                    String first = RealExports.export(RealExports.service(library), format);

                    Path file = dir.resolve(corpus.name().replaceAll("[^A-Za-z0-9.]", "_") + "-" + format + ".bib");
                    Files.writeString(file, first, StandardCharsets.UTF_8);
                    // read back weeks later: what the file says, not the day of reading, must decide the output
                    List<Reference> imported = InstalledImporters.read(bibtex, file,
                            InstalledImporters.IMPORTED_AT.plus(java.time.Duration.ofDays(40)));
                    assertEquals(library.size(), imported.size(), "every entry read back");
                    List<String> keysBefore = library.references().stream()
                            .map(r -> r.field(CitationKeyGenerator.FIELD).orElseThrow()).toList();
                    List<String> keysAfter = imported.stream()
                            .map(r -> r.field(CitationKeyGenerator.FIELD).orElse("")).toList();
                    assertEquals(RealExports.keys(first), keysAfter, "every key read back");
                    assertEquals(keysBefore.size(), keysAfter.size());

                    MemoryLibrary again = MemoryLibrary.of(imported);
                    LibraryExportService second = RealExports.service(again);
                    String secondExport = RealExports.export(second, format);
                    assertSameText(first, secondExport);
                    if (corpus.name().startsWith("seeds/") || corpus.name().equals("varied")) {
                        assertSameReferences(library.references(), imported, format);
                    }
                    assertEquals(0, again.commits, "no key given: the keys came back from the file");
                }));
            }
        }
        return tests.stream();
    }

    /**
     * What a reference says comes back from the file: title, authors, date, venue details, identifiers, abstract and
     * keywords, as text (the BibTeX file has no place for Quire's own fields, and ASCII has none for every letter).
     */
    private static void assertSameReferences(List<Reference> before, List<Reference> after, String format) {
        // biblatex for pdflatex drops the accents pdflatex cannot set (Vietnamese tones); BibTeX keeps them all
        java.util.function.UnaryOperator<String> plain = format.equals("biblatex")
                ? t -> java.text.Normalizer.normalize(plain(t), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                : RoundTripTest::plain;
        for (int i = 0; i < before.size(); i++) {
            Reference a = before.get(i);
            Reference b = after.get(i);
            String where = format + " " + a.field(CitationKeyGenerator.FIELD).orElse("?") + ": ";
            assertEquals(plain.apply(a.title()), plain.apply(b.title()), where + "title");
            assertEquals(a.authors().stream().map(p -> plain.apply(p.displayName())).toList(),
                    b.authors().stream().map(p -> plain.apply(p.displayName())).toList(), where + "authors");
            assertEquals(a.authorsTruncated(), b.authorsTruncated(), where + "et al.");
            assertEquals(a.issued().map(d -> d.toString()), b.issued().map(d -> d.toString()), where + "date");
            assertEquals(a.volume(), b.volume(), where + "volume");
            assertEquals(a.issue(), b.issue(), where + "issue");
            assertEquals(a.pages().map(p -> p.replaceAll("[-\u2013]+", "-")), b.pages(), where + "pages");
            assertEquals(a.doi(), b.doi(), where + "doi");
            assertEquals(a.arxivId(), b.arxivId(), where + "arXiv id");
            if (a.url().map(u -> u.chars().allMatch(c -> c > 0x20 && c < 0x7F)).orElse(true)) {
                assertEquals(a.url(), b.url(), where + "url"); // else written percent-encoded, as URLs are
            }
            assertEquals(a.abstractText().map(plain), b.abstractText().map(plain),
                    where + "abstract");
            assertEquals(a.keywords(), b.keywords(), where + "keywords");
        }
    }

    /**
     * Text as both formats keep it: typographic quotes and dashes as TeX writes them ({@code --} is an en dash,
     * {@code ''} a closing double quote), white space collapsed, what pdflatex cannot set as the placeholder.
     */
    private static String plain(String text) {
        return text.replaceAll("[\u201C\u201D]|''|``", "\"").replace('\u2019', '\'').replace('\u2018', '`')
                .replaceAll("[\u2013\u2014]|-{2,3}", "-").replaceAll("\\s+", " ")
                // scripts and emoji pdflatex cannot set are written as ?
                .replaceAll("[\\x{3000}-\\x{10FFFF}]", "?").strip();
    }

    /** Equal texts, or the first line that differs, around where it differs. */
    static void assertSameText(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                int at = 0;
                while (at < Math.min(a[i].length(), b[i].length()) && a[i].charAt(at) == b[i].charAt(at)) {
                    at++;
                }
                fail("line " + (i + 1) + " differs at column " + at + ":\n first: " + clip(a[i], at)
                        + "\nsecond: " + clip(b[i], at) + "\n(entry: " + entryAt(a, i) + ")");
            }
        }
        fail("the second export has " + b.length + " lines, the first " + a.length);
    }

    private static String entryAt(String[] lines, int index) {
        for (int i = index; i >= 0; i--) {
            if (lines[i].startsWith("@")) {
                return lines[i];
            }
        }
        return "?";
    }

    private static String clip(String line, int at) {
        int from = Math.max(0, at - 80);
        int to = Math.min(line.length(), at + 80);
        return (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : "");
    }
}
