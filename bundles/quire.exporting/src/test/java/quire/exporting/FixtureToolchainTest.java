package quire.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import quire.api.export.CitationKeyGenerator;
import quire.api.model.Reference;
import quire.export.bibtex.TexToolchain;

/**
 * Acceptance 1: the seeds and every fixture, read by the importers that are built and exported by the export service
 * as {@code bibtex} and as {@code biblatex}, pass bibtex with plain.bst, biber with biblatex, and pdflatex, with no
 * error and no warning beyond the toolchain's allow-list. Keys an imported BibTeX file pins are kept.
 */
class FixtureToolchainTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> seedsAndFixturesPassTheRealTools() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Corpus.files()) {
            Corpus corpus = Corpus.read(file);
            for (String format : List.of("bibtex", "biblatex")) {
                tests.add(DynamicTest.dynamicTest(corpus.name() + " as " + format, () -> {
                    corpus.assumeReadable();
                    MemoryLibrary library = MemoryLibrary.of(corpus.references());
                    String bib = RealExports.export(RealExports.service(library), format);
                    List<String> keys = RealExports.keys(bib);
                    assertEquals(library.size(), keys.size(), "one entry per reference");
                    assertEquals(keys.size(), keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().count(),
                            "keys unique: " + keys);
                    if (corpus.importer().filter("bibtex"::equals).isPresent()) {
                        assertPinnedKeysKept(corpus.references(), keys);
                    }
                    Path work = Files.createDirectories(dir.resolve(format));
                    if (format.equals("bibtex")) {
                        // real files lack fields their entry type needs, which plain.bst rightly warns about
                        new TexToolchain(work).bibtex(bib, keys, true);
                    } else {
                        new TexToolchain(work).biber(bib, keys);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Every key the file gave is the key of its entry in the export, as far as it is a usable key. */
    private static void assertPinnedKeysKept(List<Reference> read, List<String> exported) {
        for (int i = 0; i < read.size(); i++) {
            String pinned = read.get(i).field(CitationKeyGenerator.FIELD).orElse("");
            if (pinned.matches("[A-Za-z0-9_:.+/-]+")) {
                assertTrue(exported.get(i).equals(pinned) || exported.get(i).startsWith(pinned),
                        "the file's key " + pinned + " became " + exported.get(i));
            }
        }
    }
}
