package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;

class CitationKeysTest {

    private static Reference ref(String family, String given, int year, String title) {
        return Reference.builder().author(Person.of(family, given)).issued(IssuedDate.ofYear(year)).title(title)
                .build();
    }

    private static Reference pinned(String key, String family, int year, String title) {
        return ref(family, "A.", year, title).toBuilder().field(CitationKeys.PINNED_FIELD, key).build();
    }

    @Test
    void combinesFamilyNameYearAndFirstSignificantTitleWord() {
        assertEquals("simhi2026old", CitationKeys.generated(
                ref("Simhi", "Adi", 2026, "Old Habits Die Hard: How Conversational History Geometrically Traps LLMs")));
    }

    @Test
    void skipsStopWords() {
        assertEquals("smith2020role", CitationKeys.generated(ref("Smith", "J.", 2020, "The Role of Bias")));
        assertEquals("smith2020llms", CitationKeys.generated(ref("Smith", "J.", 2020, "How Do LLMs Reason?")));
        assertEquals("smith2020bias", CitationKeys.generated(ref("Smith", "J.", 2020, "On the Bias of Models")));
        assertEquals("smith2020fairness", CitationKeys.generated(ref("Smith", "J.", 2020, "Why Is Fairness Hard")));
        assertEquals("smith2020safe", CitationKeys.generated(ref("Smith", "J.", 2020, "Towards Safe AI")));
    }

    @Test
    void foldsTitleWordsToAsciiLettersAndDigits() {
        assertEquals("smith2023gpt4", CitationKeys.generated(ref("Smith", "J.", 2023, "GPT-4: A Report")));
        assertEquals("smith2023uber", CitationKeys.generated(ref("Smith", "J.", 2023, "\"Über\" alles")));
        // a bare number is not a significant word
        assertEquals("smith2023years", CitationKeys.generated(ref("Smith", "J.", 2023, "2023: Years of AI")));
    }

    @Test
    void foldsAccentedFamilyNamesToAscii() {
        assertEquals("muller2019deep", CitationKeys.generated(ref("Müller", "Jörg", 2019, "Deep Learning")));
        assertEquals("lukasiewicz1920logic", CitationKeys.generated(ref("Łukasiewicz", "Jan", 1920, "Logic")));
        assertEquals("godel1931formally", CitationKeys.generated(ref("Gödel", "Kurt", 1931, "Formally Undecidable")));
        assertEquals("erdos1947graph", CitationKeys.generated(ref("Erdős", "Paul", 1947, "Graph Theory")));
        assertEquals("angstrom1850optical", CitationKeys.generated(ref("Ångström", "A.", 1850, "Optical Studies")));
        assertEquals("strasser2000law", CitationKeys.generated(ref("Straßer", "B.", 2000, "Law")));
        assertEquals("orsted1820magnet", CitationKeys.generated(ref("Ørsted", "H. C.", 1820, "Magnet")));
    }

    @Test
    void keepsParticlesAndDropsGenerationalSuffixes() {
        assertEquals("vanderberg2021trials", CitationKeys.generated(ref("van der Berg", "Anna", 2021, "Trials")));
        assertEquals("oshea2021trials", CitationKeys.generated(ref("O'Shea", "D.", 2021, "Trials")));
        assertEquals("king1963letter", CitationKeys.generated(ref("King Jr.", "Martin Luther", 1963, "Letter")));
    }

    @Test
    void abbreviatesInstitutions() {
        Reference who = Reference.builder().author(Person.institution("World Health Organization"))
                .issued(IssuedDate.ofYear(2020)).title("Guidance on Masks").build();
        assertEquals("who2020guidance", CitationKeys.generated(who));
        Reference unesco = Reference.builder().author(Person.institution("UNESCO")).issued(IssuedDate.ofYear(2021))
                .title("Report").build();
        assertEquals("unesco2021report", CitationKeys.generated(unesco));
    }

    @Test
    void usesTitleWordsWithoutAuthorAndLeavesOutAMissingYear() {
        Reference noAuthor = Reference.builder().title("Old Habits Die Hard").issued(IssuedDate.ofYear(2026)).build();
        assertEquals("oldhabits2026", CitationKeys.generated(noAuthor));
        Reference noYear = Reference.builder().author(Person.of("Simhi", "Adi")).title("Old Habits").build();
        assertEquals("simhiold", CitationKeys.generated(noYear));
        assertEquals("ref", CitationKeys.generated(Reference.builder().build()));
        assertEquals("ref1999", CitationKeys.generated(Reference.builder().issued(IssuedDate.ofYear(1999)).build()));
        // a family name with no Latin letters counts as no author
        Reference cjk = Reference.builder().author(Person.of("王", "小明")).title("Deep Nets")
                .issued(IssuedDate.ofYear(2020)).build();
        assertEquals("deepnets2020", CitationKeys.generated(cjk));
    }

    @Test
    void suffixesEveryCollidingKeyInInputOrder() {
        List<Reference> refs = List.of(
                ref("Barez", "Fazl", 2023, "Understanding Addition"),
                ref("Smith", "J.", 2020, "Unique"),
                ref("Barez", "Fazl", 2023, "Understanding Subtraction"),
                ref("Barez", "F.", 2023, "Understanding Division"));
        assertEquals(List.of("barez2023understandinga", "smith2020unique", "barez2023understandingb",
                "barez2023understandingc"), CitationKeys.assign(refs));
    }

    @Test
    void skipsSuffixesThatAnotherKeyAlreadyHas() {
        List<Reference> refs = List.of(
                ref("X", "A.", 2020, ""), // x2020
                ref("X", "A.", 2020, "A"), // a is a stop word: x2020 again
                ref("X", "A.", 2020, "Ab")); // x2020ab, bare
        assertEquals(List.of("x2020a", "x2020b", "x2020ab"), CitationKeys.assign(refs));
        List<Reference> clash = List.of(
                ref("X", "A.", 2020, "B"), // x2020b, unique, stays bare
                ref("X", "A.", 2020, ""),
                ref("X", "A.", 2020, ""));
        assertEquals(List.of("x2020b", "x2020a", "x2020c"), CitationKeys.assign(clash));
    }

    @Test
    void continuesSuffixesPastZ() {
        assertEquals("a", CitationKeys.suffix(0));
        assertEquals("z", CitationKeys.suffix(25));
        assertEquals("aa", CitationKeys.suffix(26));
        assertEquals("ab", CitationKeys.suffix(27));
        assertEquals("zz", CitationKeys.suffix(701));
        assertEquals("aaa", CitationKeys.suffix(702));
        List<Reference> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(ref("Lee", "K.", 2024, "Survey"));
        }
        List<String> keys = CitationKeys.assign(many);
        assertEquals(60, new HashSet<>(keys).size());
        assertEquals("lee2024surveyz", keys.get(25));
        assertEquals("lee2024surveyaa", keys.get(26));
    }

    @Test
    void keepsPinnedKeysAndSuffixesGeneratedKeysThatClash() {
        List<Reference> refs = List.of(
                ref("Simhi", "Adi", 2026, "Old Habits"),
                pinned("simhi2026old", "Other", 2000, "Something"),
                pinned("MyFavourite", "Smith", 2020, "Anything"));
        assertEquals(List.of("simhi2026olda", "simhi2026old", "MyFavourite"), CitationKeys.assign(refs));
    }

    @Test
    void suffixesARepeatedPinnedKeyAfterTheFirst() {
        List<Reference> refs = List.of(
                pinned("Smith2020", "Smith", 2020, "One"),
                pinned("smith2020", "Smith", 2020, "Two"));
        assertEquals(List.of("Smith2020", "smith2020a"), CitationKeys.assign(refs));
    }

    @Test
    void comparesKeysIgnoringCaseAsBibtexDoes() {
        List<Reference> refs = List.of(
                pinned("SMITH2020ONE", "Smith", 2020, "One"),
                ref("Smith", "J.", 2020, "One"));
        assertEquals(List.of("SMITH2020ONE", "smith2020onea"), CitationKeys.assign(refs));
    }

    @Test
    void reducesPinnedKeysToSafeCharacters() {
        assertEquals("Muller:2020_x-y", CitationKeys.pinned(
                pinned("Mül ler:2020{_x}-y,\\", "A", 2020, "T")).orElseThrow());
        assertEquals("Muller2020", CitationKeys.pinned(pinned("Müller 2020", "A", 2020, "T")).orElseThrow());
        // nothing usable left: the key is generated
        assertEquals(List.of("smith2020title"), CitationKeys.assign(List.of(pinned("{}\\,", "Smith", 2020, "Title"))));
    }

    @Test
    void givesTheSameKeysForTheSameInput() {
        List<Reference> refs = new ArrayList<>();
        String[] families = {"Lee", "Müller", "Lee", "van Dam", "Lee", "Muller"};
        for (int i = 0; i < families.length; i++) {
            refs.add(ref(families[i], "A.", 2020 + i % 2, i % 3 == 0 ? "Deep Learning" : "Deep Nets"));
        }
        List<String> first = CitationKeys.assign(refs);
        assertEquals(first, CitationKeys.assign(List.copyOf(refs)));
        Set<String> folded = new HashSet<>();
        first.forEach(k -> folded.add(k.toLowerCase(Locale.ROOT)));
        assertEquals(refs.size(), folded.size());
    }
}
