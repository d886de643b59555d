package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class MatchTest {

    private static final Reference PAPER = Reference.builder().type(ReferenceType.ARTICLE)
            .title("Hormone replacement therapy and the risk of breast cancer: a nested case–control study")
            .author(Person.of("Müller", "Hans-Peter")).author(Person.of("García Márquez", "Ana"))
            .issued(IssuedDate.ofYear(2019)).venue("Journal of Clinical Endocrinology and Metabolism")
            .volume("104").pages("1123-1129").doi("10.1210/jc.2018-01234").pmid("30123456")
            .abstractText("Background: hormone replacement therapy (HRT) has been linked to breast cancer in several "
                    + "cohorts, but the size of the risk by regimen and duration is uncertain. Methods: we nested a "
                    + "case-control study in a cohort of 120,000 women and compared current, past and never users.")
            .build();

    private static Match match(Reference a, Reference b) {
        return Match.of(new Profile(0, a), new Profile(1, b));
    }

    @Test
    void anotherDatabasesExportIsMergedAutomatically() {
        Reference copy = PAPER.toBuilder()
                .title("HORMONE REPLACEMENT THERAPY AND THE RISK OF BREAST CANCER - A NESTED CASE-CONTROL STUDY.")
                .authors(java.util.List.of(Person.of("Muller", "H.P."), Person.of("Garcia Marquez", "A.")))
                .venue("J Clin Endocrinol Metab").pages("1123-9").doi(null).pmid(null).abstractText(null)
                .issued(IssuedDate.ofYear(2020)).build();
        Match m = match(PAPER, copy);
        assertTrue(m.automatic(), m.toString());
        assertTrue(m.reasons().contains("same venue"), m.reasons().toString());
    }

    @Test
    void differentDoisAreNeverMergedAutomatically() {
        Reference conference = PAPER.toBuilder().doi("10.1109/icde.2019.00042").build();
        Match m = match(PAPER, conference);
        assertFalse(m.automatic(), m.toString());
        assertTrue(m.candidate(), "an otherwise identical record goes to the review queue: " + m);
    }

    @Test
    void anErratumIsNotItsPaper() {
        Reference erratum = PAPER.toBuilder().title("Erratum: " + PAPER.title()).doi(null).pmid(null)
                .abstractText(null).pages("2201").issued(IssuedDate.ofYear(2020)).build();
        assertFalse(match(PAPER, erratum).automatic());
    }

    @Test
    void theSecondPartIsNotTheFirst() {
        Reference part1 = PAPER.toBuilder().title(PAPER.title() + ". Part 1").doi(null).pmid(null).pages(null)
                .volume(null).build();
        Reference part2 = PAPER.toBuilder().title(PAPER.title() + ". Part 2").doi(null).pmid(null).pages(null)
                .volume(null).build();
        Match m = match(part1, part2);
        assertFalse(m.automatic(), m.toString());
        assertTrue(m.reasons().contains("numbers in the titles differ (1 vs 2)"), m.reasons().toString());
    }

    @Test
    void theSameTitleYearsApartByOthersIsAnotherPaper() {
        Reference other = PAPER.toBuilder().authors(java.util.List.of(Person.of("Smith", "J."))).doi(null)
                .pmid(null).issued(IssuedDate.ofYear(2009)).volume("94").pages("77-85").abstractText(null).build();
        assertFalse(match(PAPER, other).candidate(), match(PAPER, other).toString());
    }

    @Test
    void theSameColumnInAnotherIssueIsAnotherItem() {
        Reference letters = Reference.builder().type(ReferenceType.ARTICLE).title("Letters")
                .author(Person.of("Price", "Lynne")).issued(IssuedDate.ofYear(1981)).venue("TUGboat").volume("2")
                .pages("57-58").build();
        Reference next = letters.toBuilder().issued(IssuedDate.ofYear(1982)).volume("3").pages("57-58").build();
        Reference copy = letters.toBuilder().title("LETTERS").authors(java.util.List.of(Person.of("Price", "L.")))
                .pages("57-8").build();
        assertFalse(match(letters, next).automatic());
        assertTrue(match(letters, copy).automatic(), match(letters, copy).toString());
    }

    @Test
    void aPreprintAndItsJournalVersionWaitForAReviewer() {
        Reference preprint = PAPER.toBuilder().type(ReferenceType.PREPRINT).doi(null).pmid(null).venue("arXiv")
                .volume(null).pages(null).arxivId("1901.01234").build();
        Match m = match(PAPER, preprint);
        assertFalse(m.automatic(), m.toString());
        assertTrue(m.candidate(), m.toString());
    }
}
