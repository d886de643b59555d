package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTextTest {

    @Test
    void titlesThatExportsSpellDifferentlyFoldAlike() {
        String plain = MatchText.fold("Effects of 17β-estradiol on bone: a Randomized Trial");
        assertEquals(plain, MatchText.fold("EFFECTS OF 17&beta;-ESTRADIOL ON BONE - A RANDOMIZED TRIAL."));
        assertEquals(plain, MatchText.fold("Effects of 17&#946;-estradiol on <i>bone</i>: a randomized trial"));
        assertEquals(plain, MatchText.fold("Effects of 17beta-estradiol on bone: a randomized trial"));
        assertEquals("effects of 17beta estradiol on bone a randomized trial", plain);
    }

    @Test
    void diacriticsEntitiesAndLigaturesAreRemoved() {
        assertEquals("godel escher bach", MatchText.fold("Gödel, Escher, Bach"));
        assertEquals("godel escher bach", MatchText.fold("G&ouml;del, Escher, Bach"));
        assertEquals("strasse and the aeon of lodz", MatchText.fold("Straße & the Æon of Łódź"));
        assertEquals("crohns disease", MatchText.fold("Crohn’s disease"));
        assertEquals("crohns disease", MatchText.fold("Crohn's disease"));
        assertEquals("a and b", MatchText.fold("a &amp;amp; b"), "double-escaped entities decode too");
    }

    @Test
    void pageRangesAreReadLikeAReader() {
        assertEquals("123", MatchText.firstPage("123-9"));
        assertEquals("129", MatchText.lastPage("123-9"));
        assertEquals("129", MatchText.lastPage("123–129"));
        assertEquals("1234", MatchText.lastPage("1199-234"));
        assertEquals("e1234", MatchText.firstPage("e1234"));
        assertEquals("c3", MatchText.firstPage("Cover 3"));
        assertEquals("", MatchText.firstPage("??-??"));
        assertEquals("", MatchText.lastPage("123"));
    }

    @Test
    void journalAbbreviationsMatchTheirFullNames() {
        assertTrue(venue("Journal of the American Medical Association", "J Am Med Assoc"));
        assertTrue(venue("Journal of the American Medical Association", "JAMA"));
        assertTrue(venue("Proceedings of the National Academy of Sciences of the United States of America",
                "Proc. Natl. Acad. Sci. U. S. A."));
        assertTrue(venue("British Medical Journal", "BMJ"));
        assertTrue(venue("PLOS ONE", "PLoS One"));
        assertTrue(venue("Obstetrics & Gynecology", "Obstet Gynecol"));
        assertFalse(venue("Journal of Clinical Oncology", "J Clin Endocrinol Metab"));
        assertFalse(venue("The Lancet", "Lancet Oncology"));
        assertFalse(venue("Nature", "Science"));
    }

    private static boolean venue(String a, String b) {
        return MatchText.sameVenue(MatchText.venueWords(a), MatchText.venueWords(b));
    }

    @Test
    void titleNumbersIncludeRomanNumeralsAndDigitsInWords() {
        assertEquals(List.of("2"), MatchText.numbers(MatchText.fold("Bone loss, part II")));
        assertEquals(List.of("2"), MatchText.numbers(MatchText.fold("Bone loss, part 2")));
        assertEquals(List.of("17"), MatchText.numbers(MatchText.fold("17beta-estradiol")));
        assertEquals(List.of("11", "2", "11", "1"), MatchText.numbers(MatchText.fold("CYP11B2 / CYP11B1")));
        assertEquals(List.of(), MatchText.numbers(MatchText.fold("I think, therefore I am")));
    }

    @Test
    void similarityIsLevenshteinAndGivesUpBelowTheFloor() {
        assertEquals(1.0, MatchText.similarity("abcdefghij", "abcdefghij", 0.8));
        assertEquals(0.9, MatchText.similarity("abcdefghij", "abcdefghxj", 0.8), 1e-9);
        assertEquals(0.9, MatchText.similarity("abcdefghij", "abcdefghi", 0.8), 1e-9);
        assertEquals(0.0, MatchText.similarity("abcdefghij", "zyxwvutsrq", 0.8));
        assertEquals(1 - 2.0 / 11, MatchText.similarity("kitten sits", "sitten sitx", 0.5), 1e-9);
    }
}
