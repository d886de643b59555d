package quire.ui.citations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class CitationColumnTest {

    private static final Person SIMHI = Person.of("Simhi", "Adi");
    private static final Person BAREZ = Person.of("Barez", "Fazl");
    private static final Person TUTEK = Person.of("Tutek", "Martin");
    private static final Person BELINKOV = Person.of("Belinkov", "Yonatan");

    @Test
    void columnsInDisplayOrder() {
        assertEquals(List.of("Key", "Authors", "Year", "Title", "Venue", "Type", "Decision", "Tags"),
                java.util.Arrays.stream(CitationColumn.values()).map(CitationColumn::header).toList());
    }

    @Test
    void oneAuthorIsTheFamilyName() {
        assertEquals("Simhi", CitationColumn.authors(List.of(SIMHI), false));
    }

    @Test
    void upToThreeAuthorsAreAllNamed() {
        assertEquals("Simhi, Barez", CitationColumn.authors(List.of(SIMHI, BAREZ), false));
        assertEquals("Simhi, Barez, Tutek", CitationColumn.authors(List.of(SIMHI, BAREZ, TUTEK), false));
    }

    @Test
    void moreThanThreeAuthorsEndInEtAl() {
        assertEquals("Simhi, Barez, Tutek et al.",
                CitationColumn.authors(List.of(SIMHI, BAREZ, TUTEK, BELINKOV), false));
    }

    @Test
    void aTruncatedListEndsInEtAlEvenWhenShort() {
        assertEquals("Simhi, Barez, Tutek et al.", CitationColumn.authors(List.of(SIMHI, BAREZ, TUTEK), true));
        assertEquals("Simhi et al.", CitationColumn.authors(List.of(SIMHI), true));
    }

    @Test
    void noAuthorsIsEmpty() {
        assertEquals("", CitationColumn.authors(List.of(), false));
        assertEquals("", CitationColumn.authors(List.of(), true));
    }

    @Test
    void institutionsKeepTheirWholeName() {
        Person who = Person.institution("World Health Organization");
        assertEquals("World Health Organization", CitationColumn.authors(List.of(who), false));
        assertEquals("World Health Organization, Simhi",
                CitationColumn.authors(List.of(who, SIMHI), false));
    }

    @Test
    void aPersonWithOnlyAGivenNameIsShownByIt() {
        assertEquals("Plato", CitationColumn.authors(List.of(new Person("", "Plato", false)), false));
    }

    @Test
    void particlesStayWithTheFamilyName() {
        assertEquals("van der Berg", CitationColumn.authors(List.of(Person.of("van der Berg", "Anna")), false));
    }

    @Test
    void aFullRow() {
        Reference reference = Reference.builder()
                .id("r1")
                .type(ReferenceType.PREPRINT)
                .title("Trust Me, I'm Wrong:\n  High-Certainty Hallucinations in LLMs")
                .authors(List.of(SIMHI, BAREZ, TUTEK))
                .authorsTruncated(true)
                .issued(IssuedDate.ofDay(2025, 2, 20))
                .venue("arXiv")
                .build();
        assertArrayEquals(new String[] {"", "Simhi, Barez, Tutek et al.", "2025",
            "Trust Me, I'm Wrong: High-Certainty Hallucinations in LLMs", "arXiv", "Preprint", "Include", ""},
                CitationColumn.row(reference, java.util.Optional.of(new quire.api.review.RecordStatus("r1",
                        quire.api.review.Verdict.INCLUDE, quire.api.review.Verdict.NONE, java.util.Optional.empty(),
                        false, 1))));
    }

    @Test
    void missingFieldsAreEmptyCells() {
        Reference reference = Reference.builder().id("r2").build();
        assertEquals("", CitationColumn.AUTHORS.text(reference, java.util.Optional.empty()));
        assertEquals("", CitationColumn.YEAR.text(reference, java.util.Optional.empty()));
        assertEquals("(no title)", CitationColumn.TITLE.text(reference, java.util.Optional.empty()));
        assertEquals("", CitationColumn.VENUE.text(reference, java.util.Optional.empty()));
        assertEquals("Other", CitationColumn.TYPE.text(reference, java.util.Optional.empty()));
    }

    @Test
    void yearsBeforeTheCommonEra() {
        Reference reference = Reference.builder().id("r3").issued(IssuedDate.ofYear(-44)).build();
        assertEquals("44 BCE", CitationColumn.YEAR.text(reference, java.util.Optional.empty()));
    }

    @Test
    void theYearIgnoresMonthAndDay() {
        Reference reference = Reference.builder().id("r4").issued(IssuedDate.ofMonth(2019, 5).asInferred()).build();
        assertEquals("2019", CitationColumn.YEAR.text(reference, java.util.Optional.empty()));
    }

    @Test
    void venuesAreOneLine() {
        Reference reference = Reference.builder().id("r5").venue("Proceedings of\n the ACL").build();
        assertEquals("Proceedings of the ACL", CitationColumn.VENUE.text(reference, java.util.Optional.empty()));
    }

    @Test
    void everyTypeHasAReadableName() {
        assertEquals("Conference paper", CitationColumn.typeName(ReferenceType.CONFERENCE_PAPER));
        assertEquals("Web page", CitationColumn.typeName(ReferenceType.WEBPAGE));
        for (ReferenceType type : ReferenceType.values()) {
            String name = CitationColumn.typeName(type);
            assertEquals(Character.toUpperCase(name.charAt(0)), name.charAt(0), type + " starts with a capital");
        }
    }
}
