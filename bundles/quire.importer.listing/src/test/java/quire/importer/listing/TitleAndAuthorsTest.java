package quire.importer.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

/** Synthetic bylines for the cases the seed does not have (or has only once). */
class TitleAndAuthorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # line                                                    | title                        | first author
            Research at Google DeepMindJohn Smith, Ann Lee             | Research at Google DeepMind  | John Smith
            Scaling LLMsAdi Simhi                                      | Scaling LLMs                 | Adi Simhi
            Benchmarks from MLCommonsShaona Ghosh                       | Benchmarks from MLCommons    | Shaona Ghosh
            Reward Hacking in ModelsMonte MacDiarmid, Fazl Barez       | Reward Hacking in Models     | Monte MacDiarmid
            Reward Hacking in ModelsMacDiarmid                         | Reward Hacking in Models     | MacDiarmid
            Basketball AnalyticsDeAndre Jordan, LeBron James           | Basketball Analytics         | DeAndre Jordan
            A Study of PromptsTung-Yu Wu                               | A Study of Prompts           | Tung-Yu Wu
            Value BenchmarksDenny O'Shea, Aman Gupta                   | Value Benchmarks             | Denny O'Shea
            Language ModelsO'Neil Jones                                | Language Models              | O'Neil Jones
            Training in PyTorchJ. Smith                                | Training in PyTorch          | J. Smith
            Deep Learning on the MacAda Lovelace                       | Deep Learning on the Mac     | Ada Lovelace
            Steering GPT-4Ludwig van Beethoven                         | Steering GPT-4               | Ludwig van Beethoven
            What Is Alignment (AA)?Jean-Pierre Dupont                  | What Is Alignment (AA)?      | Jean-Pierre Dupont
            On McDonald's MenusRonald McDonald                         | On McDonald's Menus          | Ronald McDonald
            Typesetting with LaTeXDonald E. Knuth                      | Typesetting with LaTeX       | Donald E. Knuth
            A Survey of the iPhoneSteve Jobs                           | A Survey of the iPhone       | Steve Jobs
            Reasoning in ZürichÉmile Bühler, Zoë Åberg                 | Reasoning in Zürich          | Émile Bühler
            """)
    void findsWhereTheTitleEnds(String line, String title, String firstAuthor) {
        TitleAndAuthors split = TitleAndAuthors.split(line).orElseThrow();
        assertEquals(title, split.title());
        assertEquals(firstAuthor, split.authors().getFirst().displayName());
    }

    @Test
    void commasInTheTitleStayInTheTitle() {
        TitleAndAuthors split = TitleAndAuthors.split(
                "Trust Me, I'm Wrong, Says Alice: A StudyAdi Simhi, Itay Itzhak et al.").orElseThrow();
        assertEquals("Trust Me, I'm Wrong, Says Alice: A Study", split.title());
        assertEquals(List.of(Person.of("Simhi", "Adi"), Person.of("Itzhak", "Itay")), split.authors());
        assertTrue(split.truncated());
    }

    @Test
    void aTitleEndingInNamesIsNotTakenForAuthors() {
        TitleAndAuthors split = TitleAndAuthors.split("Letters to Alice, BobJohn Smith").orElseThrow();
        assertEquals("Letters to Alice, Bob", split.title());
        assertEquals(List.of(Person.of("Smith", "John")), split.authors());
    }

    @Test
    void affiliationsAreSetOff() {
        TitleAndAuthors split = TitleAndAuthors.split("Open ProblemsFazl Barez, Tingchen Fu et al. · deepmind, mit")
                .orElseThrow();
        assertEquals("Open Problems", split.title());
        assertEquals(2, split.authors().size());
        assertTrue(split.truncated());
        assertEquals(Optional.of("deepmind, mit"), split.affiliations());
    }

    @Test
    void aDotInTheTitleIsNotTakenForAffiliations() {
        TitleAndAuthors split = TitleAndAuthors.split("Lists · Sets and Bags of WordsAnn Lee").orElseThrow();
        assertEquals("Lists · Sets and Bags of Words", split.title());
        assertEquals(Optional.empty(), split.affiliations());
        assertFalse(split.truncated());
    }

    @Test
    void aSuffixSetOffByACommaStaysWithItsName() {
        TitleAndAuthors split = TitleAndAuthors.split("Dreams of EqualityMartin Luther King, Jr., Ann Lee")
                .orElseThrow();
        assertEquals("Dreams of Equality", split.title());
        assertEquals(List.of(Person.of("King Jr.", "Martin Luther"), Person.of("Lee", "Ann")), split.authors());
    }

    @Test
    void spacingIsNormalised() {
        TitleAndAuthors split = TitleAndAuthors.split("  Wide\u00A0 TitleAnn  Lee,  Bo Chen  et al. ").orElseThrow();
        assertEquals("Wide Title", split.title());
        assertEquals(List.of(Person.of("Lee", "Ann"), Person.of("Chen", "Bo")), split.authors());
        assertTrue(split.truncated());
    }

    @Test
    void noSplitWithoutAName() {
        assertEquals(Optional.empty(), TitleAndAuthors.split("all lower case, no names here"));
        assertEquals(Optional.empty(), TitleAndAuthors.split("A Title With No Authors"));
        assertEquals(Optional.empty(), TitleAndAuthors.split(""));
    }
}
