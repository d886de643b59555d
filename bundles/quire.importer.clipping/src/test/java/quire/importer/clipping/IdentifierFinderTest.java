package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierFinderTest {

    @Test
    void doiWithTrailingPeriodIsCutAtThePeriod() {
        IdentifierFinder.Found f = IdentifierFinder.find("See doi:10.1038/s41586-021-03819-2. Then more.");
        assertEquals(List.of("10.1038/s41586-021-03819-2"), f.dois());
    }

    @Test
    void doiIsLowerCasedAndFoundInsideResolverLinks() {
        IdentifierFinder.Found f = IdentifierFinder.find("(https://doi.org/10.1145/3442188.3445922) and "
                + "DOI: 10.1016/S0140-6736(20)30183-5, cited twice: 10.1145/3442188.3445922");
        assertEquals(List.of("10.1145/3442188.3445922", "10.1016/s0140-6736(20)30183-5"), f.dois());
        assertEquals(List.of("https://doi.org/10.1145/3442188.3445922"), f.urls());
    }

    @Test
    void doiInsideQuotationMarks() {
        assertEquals(List.of("10.5555/12345678"), IdentifierFinder.find("the DOI “10.5555/12345678”.").dois());
    }

    @Test
    void arxivWithVersionLosesTheVersion() {
        IdentifierFinder.Found f = IdentifierFinder.find("arXiv:2603.29957v1 Announce Type: new; also arXiv: 2401.01234.");
        assertEquals(List.of("2603.29957", "2401.01234"), f.arxivIds());
    }

    @Test
    void arxivFromAbsAndPdfLinksAndOldStyle() {
        IdentifierFinder.Found f = IdentifierFinder.find("https://arxiv.org/abs/2212.03827v2, "
                + "http://arxiv.org/pdf/2210.01234.pdf and arXiv:hep-th/9901001v3.");
        assertEquals(List.of("2212.03827", "2210.01234", "hep-th/9901001"), f.arxivIds());
        assertEquals(List.of("https://arxiv.org/abs/2212.03827v2", "http://arxiv.org/pdf/2210.01234.pdf"), f.urls());
    }

    @Test
    void arxivIdWithTooManyDigitsIsNotOne() {
        assertEquals(List.of(), IdentifierFinder.find("arXiv:2301.123456 is not an id").arxivIds());
    }

    @Test
    void pmidWithAndWithoutColonAndFromPubmedLinks() {
        IdentifierFinder.Found f = IdentifierFinder.find("PMID: 0012345; pmid 23456789 and "
                + "https://pubmed.ncbi.nlm.nih.gov/34567890/.");
        assertEquals(List.of("12345", "23456789", "34567890"), f.pmids());
    }

    @Test
    void urlWithTrailingParenthesisFromTheSentence() {
        IdentifierFinder.Found f = IdentifierFinder.find("(code at https://github.com/openai/grok) and "
                + "https://en.wikipedia.org/wiki/Grokking_(machine_learning).");
        assertEquals(List.of("https://github.com/openai/grok", "https://en.wikipedia.org/wiki/Grokking_(machine_learning)"),
                f.urls());
    }

    @Test
    void urlEndsAtQuotesAndAngleBrackets() {
        IdentifierFinder.Found f = IdentifierFinder.find("<a href=\"https://example.org/a?b=1&c=2\">x</a> "
                + "“https://example.org/quoted”, <https://example.org/angle>");
        assertEquals(List.of("https://example.org/a?b=1&c=2", "https://example.org/quoted", "https://example.org/angle"),
                f.urls());
    }

    @Test
    void nothingInPlainProse() {
        IdentifierFinder.Found f = IdentifierFinder.find("Version 10.2 of the model improves accuracy by 4%. See "
                + "section 3.1/3.2.");
        assertTrue(f.isEmpty(), f.toString());
    }

    @Test
    void trimUrlKeepsBalancedBrackets() {
        assertEquals("https://x.org/a_(b)", IdentifierFinder.trimUrl("https://x.org/a_(b))."));
        assertEquals("https://x.org/a", IdentifierFinder.trimUrl("https://x.org/a]”"));
    }
}
