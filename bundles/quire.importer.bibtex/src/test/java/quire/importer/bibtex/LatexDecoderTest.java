package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LatexDecoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '¤', value = {
        "{\\\"o}|ö", "\\\"{o}|ö", "\\\"o|ö", "\\\" o|ö", "{\\'e}|é", "\\'{e}|é", "\\`a|à", "\\^{o}|ô", "\\~n|ñ",
        "\\={a}|ā", "\\.{z}|ż", "\\u{g}|ğ", "\\v{s}|š", "\\v s|š", "{\\v{S}}|Š", "\\H{o}|ő", "\\c{c}|ç",
        "\\c c|ç", "{\\c{S}}|Ş", "\\k{a}|ą", "\\d{s}|ṣ", "\\r{a}|å", "\\'{\\i}|í", "\\'\\i|í", "{\\'\\i}|í",
        "\\\"{\\i}|ï", "{\\i}|ı", "{\\ss}|ß", "Gro\\ss e|Große", "Gro{\\ss}e|Große", "\\o|ø", "{\\O}stergaard|Østergaard",
        "\\l|ł", "{\\L}ukasz|Łukasz", "\\ae{}r|ær", "{\\AE}|Æ", "\\oe|œ", "{\\aa}|å", "\\AA|Å",
        "M{\\\"u}ller|Müller", "Schr\\\"odinger|Schrödinger", "Dvo{\\v{r}}{\\'a}k|Dvořák", "\\t{oo}|o͡o",
    })
    void accentsAndSpecialLetters(String latex, String text) {
        assertEquals(text, LatexDecoder.decode(latex));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '¤', value = {
        "A \\& B|A & B", "50\\%|50%", "\\$5|$5", "snake\\_case|snake_case", "\\#1|#1",
        "1--2|1–2", "yes---no|yes—no", "a-b|a-b", "1\\textendash 2|1–2", "a\\textemdash b|a—b",
        "``quoted''|“quoted”", "`single'|‘single'", "it's|it's",
        "\\emph{Drosophila} genes|Drosophila genes", "\\textbf{Bold} and \\textit{it}|Bold and it",
        "The {\\sc CONNIVER} Manual|The CONNIVER Manual", "{\\em Deep} learning|Deep learning",
        "\\url{https://x.org/a_b}|https://x.org/a_b", "\\href{https://x.org}{the site}|the site",
        "a \\\\ b|a b", "\\LaTeX{} rocks|LaTeX rocks", "\\noopsort{a}Zed|Zed", "Caf\\'e\\,bar|Café bar",
        "\\foo|foo", "\\unknown{kept}|kept", "{\\relax Th}e|The", "  spaced \t out  |spaced out",
    })
    void escapesDashesQuotesAndCommands(String latex, String text) {
        assertEquals(text, LatexDecoder.decode(latex));
    }

    @Test
    void stackedAccentsKeepTheOrderTheyWereWrittenIn() {
        // Vietnamese: circumflex first, then acute; each mark goes after the marks already on the letter
        assertEquals("\u1EA5", LatexDecoder.decode("\\'{\\^{a}}"));
        String threeMarks = LatexDecoder.decode("\\~{\\'{\\\"{x}}}");
        assertEquals("x\u0308\u0301\u0303", java.text.Normalizer.normalize(threeMarks, java.text.Normalizer.Form.NFD));
    }

    @Test
    void tieIsANoBreakSpace() {
        assertEquals("D.\u00A0E. Knuth", LatexDecoder.decode("D.~E. Knuth"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '¤', value = {
        "$\\alpha$-helix|α-helix", "$\\beta$ and $\\Gamma$|β and Γ", "$\\pm$0.1\\%|±0.1%",
        "$x^2$|x²", "0.2\\,mm$^2$|0.2 mm²", "$H_2O$|H₂O", "$x^{10}$|x¹⁰", "$x^{ab}$|x^ab",
        "$O(n \\log n)$|O(n log n)", "$\\leq 5$|≤ 5", "$\\mathbb{R}^n$|ℝⁿ", "$\\frac{1}{2}$|1/2",
        "$\\sqrt{2}$|√2", "$\\ell_1$|ℓ₁", "$-$50\\,d{B}|-50 dB", "200\\,{\\mbox{$\\mu$}}{J}|200 μJ",
        "$\\mathcal{O}(1)$|O(1)", "\\(a+b\\)|a+b", "$a \\to b$|a → b", "$f'$|f′", "$$E=mc^2$$|E=mc²",
    })
    void simpleMathBecomesText(String latex, String text) {
        assertEquals(text, LatexDecoder.decode(latex));
    }

    @Test
    void titleReportsBraceProtectedWords() {
        Set<String> words = new LinkedHashSet<>();
        String title = LatexDecoder.decodeTitle("{T}est of {NASA} and {Deep Learning} on {\\\"O}l, {\\sc CONNIVER}, "
                + "{\\mbox{$\\mu$}}m, \\emph{Drosophila} in M\\\"{u}nchen {NLP}-based", words);
        assertEquals("Test of NASA and Deep Learning on Öl, CONNIVER, μm, Drosophila in München NLP-based", title);
        assertEquals(List.of("Test", "NASA", "Deep Learning", "CONNIVER", "Drosophila", "NLP"), List.copyOf(words));
    }

    @Test
    void wholeTitleInDoubleBracesIsOneProtectedPhrase() {
        Set<String> words = new LinkedHashSet<>();
        assertEquals("All Protected Here", LatexDecoder.decodeTitle("{All Protected Here}", words));
        assertEquals(Set.of("All Protected Here"), words);
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "A plain title: with punctuation, 50% and single-hyphens; isn't it?";
        assertEquals(plain, LatexDecoder.decode(plain));
        Set<String> words = new LinkedHashSet<>();
        assertEquals(plain, LatexDecoder.decodeTitle(plain, words));
        assertEquals(Set.of(), words);
    }

    @Test
    void verbatimOnlyUndoesEscapes() {
        assertEquals("https://example.org/a_b%20c?x=1&y=2", LatexDecoder.verbatim("https://example.org/a\\_b\\%20c?x=1\\&y=2"));
        assertEquals("10.1000/xyz--1", LatexDecoder.verbatim("{10.1000/xyz--1}"));
        assertEquals("https://x.org/~me", LatexDecoder.verbatim("\\url{https://x.org/\\~me}"));
    }

    @Test
    void unbalancedOrTrailingMarkupDoesNotFail() {
        assertEquals("a b", LatexDecoder.decode("a} b"));
        assertEquals("x\\", LatexDecoder.decode("x\\"));
        assertEquals("¨", LatexDecoder.decode("\\\"{}"));
        assertEquals("open", LatexDecoder.decode("{open"));
    }
}
