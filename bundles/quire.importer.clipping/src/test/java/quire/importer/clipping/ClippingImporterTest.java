package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Detection by content: the listing seed and the real files of other formats in {@code fixtures/} (copied byte for
 * byte from ../shared/fixtures, see the README there) are not clippings.
 */
class ClippingImporterTest {

    private final ClippingImporter importer = new ClippingImporter();

    @Test
    void describesItself() {
        assertEquals("clipping", importer.format());
        assertEquals(List.of("txt"), importer.extensions());
        assertFalse(importer.label().isBlank());
    }

    @Test
    void recognisesBothSeeds() throws IOException {
        assertTrue(importer.recognises("a.txt", SeedClippingTest.head(SeedClippingTest.SEED_7)));
        assertTrue(importer.recognises("b.txt", SeedClippingTest.head(SeedClippingTest.SEED_4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jabref_bibWithMixedContent.bib", "jabref_RisImporterTestScopus.ris",
            "jabref_MedlinePlainImporterTestMultipleEntries.txt", "jabref_NbibImporterTest.nbib",
            "jabref_MedlineImporterTestMathML.xml", "jabref_EndnoteXmlImporterTestLabelAndMultiTitle.xml",
            "asreview_embase.csv", "bbt_export_date-forms_360_811.csl.json"})
    void doesNotClaimOtherFormats(String fixture) throws IOException {
        Path file = Path.of("src/test/resources/fixtures", fixture);
        assertFalse(importer.recognises(fixture, SeedClippingTest.head(file)), fixture);
    }

    @Test
    void doesNotClaimTheListingSeed() throws IOException {
        Path listing = SeedClippingTest.SEEDS.resolve("002_b89f686bb3a49483.txt");
        assertFalse(importer.recognises("002.txt", SeedClippingTest.head(listing)));
    }

    @Test
    void needsAHeadingAndTheNewsletterStructureBelowIt() {
        assertTrue(importer.recognises("x.txt", "Sign in\nSubscribe\n\nSome Newsletter #2\nSub\nText.\n[Link]\n"));
        assertTrue(importer.recognises("x.txt", "Some Digest Issue 9\nWelcome to the 9th issue of the digest.\n"));
        assertTrue(importer.recognises("x.txt", "Some Newsletter #2\n- [Link] A bullet.\n"));
        // a heading alone, markers without a heading, a heading that is not the first text
        assertFalse(importer.recognises("x.txt", "Some Newsletter #2\nJust a note.\n"));
        assertFalse(importer.recognises("x.txt", "Notes\nSomething.\n[Link]\n"));
        assertFalse(importer.recognises("x.txt", "Intro text.\nSome Newsletter #2\n[Link]\n"));
        assertFalse(importer.recognises("x.txt", "@article{a, title={Newsletter #2}}\n[Link]\n"));
        assertFalse(importer.recognises("x.txt", "TY  - JOUR\nT1  - Newsletter #2\n[Link]\nER  - \n"));
        assertFalse(importer.recognises("x.txt", "PMID- 123\nTI  - Newsletter #2 [Link]\n"));
        assertFalse(importer.recognises("x.txt", ""));
        assertFalse(importer.recognises("x.txt", "\u0000\u0001\uFFFD#1\n[Link]"));
    }
}
