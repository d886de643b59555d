package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatexEncoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = 0, value = {
        "& => \\&",
        "% => \\%",
        "$ => \\$",
        "# => \\#",
        "_ => \\_",
        "{ => {\\textbraceleft}",
        "} => {\\textbraceright}",
        "~ => {\\textasciitilde}",
        "^ => {\\textasciicircum}",
        "\\ => {\\textbackslash}",
        "< => {\\textless}",
        "> => {\\textgreater}",
        "| => {\\textbar}",
    })
    void escapesEveryAsciiSpecial(String input, String expected) {
        assertEquals(expected, LatexEncoder.text(input));
        assertEquals("a" + expected + "b", LatexEncoder.text("a" + input + "b"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("Fairness in AI: a survey (2023), pp. 1-2; 50/50 \"quoted\" it's @home!",
                LatexEncoder.text("Fairness in AI: a survey (2023), pp. 1-2; 50/50 \"quoted\" it's @home!"));
    }

    @Test
    void escapesSpecialsInContext() {
        assertEquals("R\\&D costs 5\\% of \\$100 for item \\#3 in file\\_name",
                LatexEncoder.text("R&D costs 5% of $100 for item #3 in file_name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\\input{/etc/passwd}",
        "\\write18{rm -rf ~}",
        "\\immediate\\write18{touch pwned}",
        "\\def\\title{owned}",
        "\\catcode`\\^^M=13",
        "^^5cinput{/etc/passwd}",
        "\\csname input\\endcsname{/etc/passwd}",
        "\\end{document}",
        "}} \\input{x} {{",
        "$\\input{x}$",
        "\\\\input",
    })
    void makesInjectedCommandsInert(String attack) {
        String encoded = LatexEncoder.text(attack);
        LatexChecks.assertSafe(attack, encoded);
        for (String command : new String[] {"input", "write", "def", "catcode", "csname", "end", "immediate"}) {
            assertFalse(encoded.contains("\\" + command), "\\" + command + " survived in " + encoded);
        }
        LatexChecks.assertSafe(attack, LatexEncoder.title(attack));
    }

    @Test
    void writesABackslashAsTextbackslash() {
        assertEquals("{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}",
                LatexEncoder.text("\\input{/etc/passwd}"));
        assertEquals("{\\textbackslash}write18{\\textbraceleft}rm{\\textbraceright}",
                LatexEncoder.text("\\write18{rm}"));
        assertEquals("{\\textasciicircum}{\\textasciicircum}5cinput", LatexEncoder.text("^^5cinput"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = 0, value = {
        "Gödel|G{\\\"o}del",
        "Erdős|Erd{\\H{o}}s",
        "Łukasiewicz|{\\L}ukasiewicz",
        "Ångström|{\\AA}ngstr{\\\"o}m",
        "naïve|na{\\\"\\i}ve",
        "São Paulo|S{\\~a}o Paulo",
        "Müller|M{\\\"u}ller",
        "Straße|Stra{\\ss}e",
        "Søren Kierkegaard|S{\\o}ren Kierkegaard",
        "François|Fran{\\c{c}}ois",
        "Dvořák|Dvo{\\v{r}}{\\'a}k",
        "Ærøskøbing|{\\AE}r{\\o}sk{\\o}bing",
        "Œuvre|{\\OE}uvre",
        "José Martí|Jos{\\'e} Mart{\\'\\i}",
        "Crème brûlée|Cr{\\`e}me br{\\^u}l{\\'e}e",
        "Çelik|{\\c{C}}elik",
        "Ğüneş|{\\u{G}}{\\\"u}ne{\\c{s}}",
        "İstanbul|{\\.I}stanbul",
        "Żółć|{\\.Z}{\\'o}{\\l}{\\'c}",
        "Ștefan|{\\c{S}}tefan",
        "Nguyễn|Nguy{\\~{\\^e}}n",
        "ǖ|{\\={\\\"u}}",
        "Hà Nội|H{\\`a} N{\\^{\\d{o}}}i",
        "Ḇ|{\\b{B}}",
    })
    void encodesAccentedLetters(String input, String expected) {
        assertEquals(expected, LatexEncoder.text(input));
        LatexChecks.assertSafe(input, LatexEncoder.text(input));
    }

    @Test
    void composesDecomposedInput() {
        assertEquals("G{\\\"o}del", LatexEncoder.text("Go\u0308del"));
        assertEquals("{\\'x}", LatexEncoder.text("x\u0301")); // no precomposed letter exists
    }

    @Test
    void replacesLettersWithoutAnOt1Form() {
        // \k, \dh and \th exist only in T1, and would stop pdflatex in a default document.
        assertEquals("Wa{\\l}esa", LatexEncoder.text("Wałęsa"));
        assertEquals("Gudmundsd{\\'o}ttir", LatexEncoder.text("Guðmundsdóttir"));
        assertEquals("Thorn", LatexEncoder.text("Þorn"));
    }

    @Test
    void turnsTypographyIntoTexLigatures() {
        assertEquals("``Hello'' --- `world' -- pages 1--2",
                LatexEncoder.text("“Hello” — ‘world’ – pages 1–2"));
        assertEquals("don't", LatexEncoder.text("don’t"));
        assertEquals("wait{\\ldots} what", LatexEncoder.text("wait… what"));
        assertEquals("-5", LatexEncoder.text("−5"));
        assertEquals("``guillemets''", LatexEncoder.text("«guillemets»"));
    }

    @Test
    void setsSymbolsAndGreekInMath() {
        assertEquals("{$\\beta$}-blockers", LatexEncoder.text("β-blockers"));
        assertEquals("NF-{$\\kappa$}B", LatexEncoder.text("NF-κB"));
        assertEquals("37{\\textdegree}C, p {$\\leq$} 0.05, 3{$\\times$}3, m{$^2$}",
                LatexEncoder.text("37°C, p ≤ 0.05, 3×3, m²"));
        assertEquals("{$\\Delta$}G and {$\\Omega$}", LatexEncoder.text("ΔG and Ω"));
        assertEquals("{\\textcopyright} 2024 ACME{\\texttrademark}, 5 {\\texteuro}",
                LatexEncoder.text("© 2024 ACME™, 5 €"));
    }

    @Test
    void replacesWhatCannotBeEncodedWithAsciiPlaceholders() {
        assertEquals("??", LatexEncoder.text("中文"));
        assertEquals("smile ?", LatexEncoder.text("smile 😀"));
        assertEquals("? family", LatexEncoder.text("👩‍👩‍👧 family")); // one emoji joined by ZWJs
        assertEquals("?", LatexEncoder.text("\uE000")); // private use
        assertEquals("?", LatexEncoder.text("\uD800")); // lone surrogate
        assertEquals("??", LatexEncoder.text("한국"));
    }

    @Test
    void usesCompatibilityFormsBeforeGivingUp() {
        assertEquals("efficient", LatexEncoder.text("eﬃcient"));
        assertEquals("Full width", LatexEncoder.text("Ｆｕｌｌ width"));
    }

    @Test
    void normalisesWhiteSpaceAndDropsControlCharacters() {
        assertEquals("a b c", LatexEncoder.text("  a \n\t b\r\n\u2003c  "));
        assertEquals("abc", LatexEncoder.text("a\u0000b\u0007\u200Bc\u00AD"));
        assertEquals("GPT~4", LatexEncoder.text("GPT\u00A04"));
        assertEquals("", LatexEncoder.text(" \n "));
    }

    @Test
    void protectsCapitalisedWordsInTitles() {
        assertEquals("Old Habits Die Hard: How Conversational History Geometrically Traps {LLMs}",
                LatexEncoder.title("Old Habits Die Hard: How Conversational History Geometrically Traps LLMs"));
        assertEquals("Evaluating {GPT-4} on {MLCommons} benchmarks",
                LatexEncoder.title("Evaluating GPT-4 on MLCommons benchmarks"));
        assertEquals("{PMIC}: Improving Multi-Agent Reinforcement Learning",
                LatexEncoder.title("PMIC: Improving Multi-Agent Reinforcement Learning"));
        assertEquals("Fairness in {AI} and Its Long-Term Implications",
                LatexEncoder.title("Fairness in AI and Its Long-Term Implications"));
        assertEquals("{iPhone} use and {mRNA} vaccines", LatexEncoder.title("iPhone use and mRNA vaccines"));
    }

    @Test
    void judgesHyphenatedWordsPartByPart() {
        // Title case capitalises each part of a compound; sentence case may lower them.
        assertEquals("Full-Stack Alignment: Co-Aligning {AI} with {LLM-based} {COVID-19} {NF-{$\\kappa$}B} Models",
                LatexEncoder.title("Full-Stack Alignment: Co-Aligning AI with LLM-based COVID-19 NF-κB Models"));
        assertEquals("{O'Brien} and {McDonald}", LatexEncoder.title("O'Brien and McDonald"));
    }

    @Test
    void neverBracesTheWholeTitle() {
        String title = LatexEncoder.title("A Plain Title In Title Case");
        assertEquals("A Plain Title In Title Case", title);
        assertFalse(title.startsWith("{"));
    }

    @Test
    void protectsOnlyTheWordNotItsPunctuation() {
        assertEquals("Large language models ({LLMs}), briefly",
                LatexEncoder.title("Large language models (LLMs), briefly"));
        assertEquals("``{GPT-4}''?", LatexEncoder.title("“GPT-4”?"));
    }

    @Test
    void protectsSingleCapitalsExceptTheFirstWord() {
        assertEquals("A Trial of Vitamin {D} in Type {A} Patients",
                LatexEncoder.title("A Trial of Vitamin D in Type A Patients"));
        assertEquals("Vitamin {D3} and {B12}", LatexEncoder.title("Vitamin D3 and B12"));
    }

    @Test
    void protectsAccentedAndEscapedWords() {
        assertEquals("{{\\\"U}BER} and {\\\"U}ber", LatexEncoder.title("ÜBER and Über"));
        assertEquals("{R\\&D} spending", LatexEncoder.title("R&D spending"));
        assertEquals("{NF-{$\\kappa$}B} signalling", LatexEncoder.title("NF-κB signalling"));
    }

    @Test
    void keepsUrlsUsableAndInert() {
        assertEquals("https://example.org/a_b?x=1&y=2#frag~home",
                LatexEncoder.url("https://example.org/a_b?x=1&y=2#frag~home"));
        assertEquals("https://x.org/%5Cinput%7B/etc/passwd%7D", LatexEncoder.url("https://x.org/\\input{/etc/passwd}"));
        assertEquals("https://x.org/a%20b%20c", LatexEncoder.url("https://x.org/a b%20c"));
        assertEquals("https://x.org/100%25", LatexEncoder.url("https://x.org/100%"));
        assertEquals("https://x.org/%5E%5E5cinput", LatexEncoder.url("https://x.org/^^5cinput"));
        assertEquals("https://x.org/caf%C3%A9", LatexEncoder.url("https://x.org/café"));
        assertEquals("10.1002/(SICI)1097-4636(199603)31:3%3C385::AID-JBM13%3E3.0.CO;2-M",
                LatexEncoder.url("10.1002/(SICI)1097-4636(199603)31:3<385::AID-JBM13>3.0.CO;2-M"));
    }

    private static final LatexEncoder.Encoding UTF8_PDFLATEX = LatexEncoder.Encoding.UTF8_PDFLATEX;

    @Test
    void keepsLettersPdflatexSetsAsUtf8ForBiblatex() {
        assertEquals("Gödel, Erdős, Łukasiewicz, Ångström, Straße, Søren, François, Dvořák, Çelik, İstanbul",
                LatexEncoder.text("Gödel, Erdős, Łukasiewicz, Ångström, Straße, Søren, François, Dvořák, Çelik, "
                        + "İstanbul", UTF8_PDFLATEX));
        assertEquals("Gödel", LatexEncoder.text("Go\u0308del", UTF8_PDFLATEX));
    }

    @Test
    void dropsOnlyTheAccentsPdflatexCannotSet() {
        // biber would turn a LaTeX accent back into the letter, which pdflatex cannot set either
        assertEquals("Nguyên Thi Hà", LatexEncoder.text("Nguyễn Thị Hà", UTF8_PDFLATEX));
        assertEquals("Wałesa, Gudmundsdóttir, Doković", LatexEncoder.text("Wałęsa, Guðmundsdóttir, Đoković",
                UTF8_PDFLATEX));
        assertEquals("??, ?", LatexEncoder.text("中文, 😀", UTF8_PDFLATEX));
    }

    @Test
    void writesSymbolsForBiblatexAsPdflatexSetsThem() {
        assertEquals("37 °C ± 2, 3 × 3, € £ © ™ ², {$\\leq$} {$\\beta$}",
                LatexEncoder.text("37 °C ± 2, 3 × 3, € £ © ™ ², ≤ β", UTF8_PDFLATEX));
        // biber reads \textless back as <, which the default fonts print as an inverted exclamation mark
        assertEquals("a {$<$} b {$>$} c {$|$} d", LatexEncoder.text("a < b > c | d", UTF8_PDFLATEX));
        // dashes and quotes as TeX ligatures in every encoding, as importers read them back
        assertEquals("``a'' -- `b' ---", LatexEncoder.text("“a” – ‘b’ —", UTF8_PDFLATEX));
        assertEquals("``a'' --", LatexEncoder.text("“a” –", LatexEncoder.Encoding.UTF8));
    }

    @Test
    void escapesEveryAsciiSpecialForBiblatexToo() {
        assertEquals("R\\&D 5\\% \\$1 \\#2 a\\_b {\\textbackslash}x{\\textbraceleft}y{\\textbraceright} "
                + "{\\textasciitilde}{\\textasciicircum}", LatexEncoder.text("R&D 5% $1 #2 a_b \\x{y} ~^",
                        UTF8_PDFLATEX));
    }

    @Test
    void keepsEveryScriptInFullUtf8() {
        assertEquals("王小明 Иванов 😀 ễ ≤", LatexEncoder.text("王小明 Иванов 😀 ễ ≤", LatexEncoder.Encoding.UTF8));
    }

    @Test
    void writesNamePartsThatBiberCanTakeInitialsFrom() {
        // biber removes letter commands before taking an initial; {\textbackslash} would leave a lone brace
        assertEquals("\\textbackslash{}def\\textbackslash{}x\\textbraceleft{}y\\textbraceright{}",
                LatexEncoder.namePart("\\def\\x{y}", UTF8_PDFLATEX));
        assertEquals("\\ensuremath\\beta{}-Smith", LatexEncoder.namePart("β-Smith", UTF8_PDFLATEX));
        assertEquals("family{=}X", LatexEncoder.namePart("family=X", UTF8_PDFLATEX));
        assertEquals("AT\\&T", LatexEncoder.namePart("AT&T", UTF8_PDFLATEX));
        // no-break spaces are spaces in a name
        assertEquals("Jean Paul", LatexEncoder.namePart("Jean\u00A0Paul", UTF8_PDFLATEX));
        assertEquals("Jean Paul", LatexEncoder.namePart("Jean\u00A0Paul", LatexEncoder.Encoding.ASCII));
        // classic BibTeX names are written like any text
        assertEquals("{\\textbackslash}def", LatexEncoder.namePart("\\def", LatexEncoder.Encoding.ASCII));
    }

    @Test
    void dropsSpacesAndInvisibleCharactersAtTheEnds() {
        assertEquals("a~b", LatexEncoder.text("\u00A0\u200Ba\u00A0b\u00A0 "));
        assertEquals("{\\'x}", LatexEncoder.text("\u0301x\u0301"));
    }

    @Test
    void protectsExactlyTheWordsReadFromBibtex() {
        List<String> words = List.of("NASA", "Bayesian", "GPT-4", "Way of");
        assertEquals("{NASA} and the {Bayesian} {Way of} {GPT-4}: Bayesians not, GPT-4o neither",
                LatexEncoder.title("NASA and the Bayesian Way of GPT-4: Bayesians not, GPT-4o neither",
                        LatexEncoder.Encoding.ASCII, words));
        // nothing else, even what the heuristic would protect
        assertEquals("an LLM and {NASA}", LatexEncoder.title("an LLM and NASA", LatexEncoder.Encoding.ASCII,
                List.of("NASA")));
        // a single capital starting the title needs no braces; a math letter is its own group
        assertEquals("A study of {A} and {$\\beta$}", LatexEncoder.title("A study of A and β",
                LatexEncoder.Encoding.ASCII, List.of("A", "β")));
        // the longer phrase wins; words without a letter protect nothing
        assertEquals("{New York} {New}", LatexEncoder.title("New York New", LatexEncoder.Encoding.ASCII,
                List.of("New", "New York", "}")));
    }

    @Test
    void bracesRunsOfLettersAroundAMathLetter() {
        // importers read a math group as protecting the letters next to it; braced, the run reads back the same
        assertEquals("{{$\\gamma$}{$\\delta$}} cells and {$\\beta$}-blockers",
                LatexEncoder.title("γδ cells and β-blockers"));
        assertEquals("{NF-{$\\kappa$}B}", LatexEncoder.title("NF-κB"));
    }

    @Test
    void judgesProtectionByWhatTheFileWillSay() {
        // ① is written 1, so the word reads "1LLM" and is protected as such
        assertEquals("{1LLM}", LatexEncoder.title("①LLM"));
        // a comma ends a word for protection: importers keep protected words comma-separated
        assertEquals("{AB},{CD}", LatexEncoder.title("AB,CD"));
    }

    @Test
    void writesExistingPercentEscapesInUpperCase() {
        assertEquals("10.1000/%5Cx%7B", LatexEncoder.url("10.1000/%5cx%7b"));
    }

    /** Characters that are hard for an encoder, weighted towards the dangerous ones. */
    static final String[] PIECES = {
        "\\", "{", "}", "{", "}", "$", "%", "#", "&", "_", "~", "^", "^^", "<", ">", "|", "\"", "'", "`", "@", ",",
        " ", "  ", "\n", "\t", "\u00A0", "\u2003", "\u200B", "\u00AD", "\u0000", "\u001B", "\u007F", "\u0085",
        "a", "Z", "I", "LLM", "GPT-4", "and", " and ", "0", "42",
        "é", "ö", "ß", "ø", "Ł", "Å", "ı", "ð", "þ", "đ", "ę", "ǖ", "ệ",
        "\u0301", "\u0308", "\u0328", "\u20DD", "e\u0301\u0302", "i\u0308",
        "—", "–", "“", "”", "‘", "’", "…", "«", "»", "°", "±", "€", "©", "²", "α", "Ω", "ά", "κ",
        "中", "한", "😀", "👩‍👩‍👧", "\uE000", "\uD800", "\uDC00", "ﬁ", "Ｆ", "①", "\uFFFF",
        "\\input", "\\write18", "\\def", "\\catcode", "\\csname", "\\end{document}", "\\\\",
    };

    /** Up to {@code maxPieces} random pieces of hard text. */
    static String nasty(Random random, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxPieces + 1);
        for (int i = 0; i < length; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void alwaysWritesSafeBalancedAsciiForRandomText() {
        Random random = new Random(20260517L);
        for (int run = 0; run < 5_000; run++) {
            String text = nasty(random, 12);
            LatexChecks.assertSafe(text, LatexEncoder.text(text));
            LatexChecks.assertSafe(text, LatexEncoder.title(text));
            String url = LatexEncoder.url(text);
            assertTrue(url.chars().allMatch(c -> c > 0x20 && c < 0x7F), LatexChecks.show(url));
            assertTrue(url.chars().noneMatch(c -> "\\{}^ \"<>|`".indexOf(c) >= 0), LatexChecks.show(url));
        }
    }
}
