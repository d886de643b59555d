package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class NameListTest {

    private static List<Person> people(String raw) {
        return NameList.parse(raw).people();
    }

    @Test
    void familyCommaGiven() {
        assertEquals(List.of(Person.of("Sasson", "Comilla"), Person.of("Abella", "Benjamin S")),
                people("Sasson, Comilla and Abella, Benjamin S"));
    }

    @Test
    void givenFamily() {
        assertEquals(List.of(Person.of("Fenz", "Stefan"), Person.of("Sussman", "Gerald J.")),
                people("Stefan Fenz and Gerald J. Sussman"));
    }

    @Test
    void vonPartStaysWithTheFamilyName() {
        assertEquals(List.of(Person.of("van der Berg", "Anna"), Person.of("de la Fontaine", "Jean"),
                Person.of("von Neumann", "John")),
                people("Anna van der Berg and de la Fontaine, Jean and John von Neumann"));
    }

    @Test
    void juniorPartIsASuffixOfTheFamilyName() {
        assertEquals(List.of(Person.of("King Jr.", "Martin Luther"), Person.of("van Beethoven III", "Ludwig")),
                people("King, Jr., Martin Luther and van Beethoven, III, Ludwig"));
    }

    @Test
    void bracedWholeNameIsAnInstitutionEvenWithAndOrCommas() {
        NameList names = NameList.parse("{World Health Organization} and "
                + "{Council on Cardiopulmonary, Critical Care, Perioperative and Resuscitation} and Doe, J.");
        assertEquals(List.of(Person.institution("World Health Organization"),
                Person.institution("Council on Cardiopulmonary, Critical Care, Perioperative and Resuscitation"),
                Person.of("Doe", "J.")), names.people());
        assertFalse(names.truncated());
    }

    @Test
    void bracedFamilyNameIsNotSplit() {
        assertEquals(List.of(Person.of("de la Cruz", "Maria"), Person.of("Barnes and Noble", "")),
                people("Maria {de la Cruz} and {Barnes and Noble},"));
    }

    @Test
    void andOthersTruncates() {
        NameList names = NameList.parse("Doe, John and Roe, Jane and others");
        assertTrue(names.truncated());
        assertEquals(2, names.people().size());
    }

    @Test
    void latexIsDecodedAfterTheStructureIsFound() {
        assertEquals(List.of(Person.of("Müller", "Jörg"), Person.of("Østergaard", "Søren"),
                Person.of("Dvořák", "Antonín"), Person.of("García", "María José"), Person.of("Knuth", "D. E.")),
                people("M{\\\"u}ller, J{\\\"o}rg and S{\\o}ren {\\O}stergaard and Anton{\\'\\i}n Dvo\\v{r}{\\'a}k"
                        + " and Garc{\\'\\i}a, Mar{\\'\\i}a Jos\\'e and D.~E. Knuth"));
    }

    @Test
    void lowerCaseSpecialCharacterStartsAVonPart() {
        // {\"o} is a special character: its letter decides the case, as in BibTeX
        assertEquals(List.of(Person.of("öber Alles", "Hans")),
                people("Hans {\\\"o}ber Alles"));
        // another braced group has no case: {van} is not a von part
        assertEquals(List.of(Person.of("Gogh", "Vincent van")),
                people("Vincent {van} Gogh"));
    }

    @Test
    void separatorsAreCaseInsensitiveAndOnlyWholeWords() {
        assertEquals(List.of(Person.of("Anderson", "Sandra"), Person.of("Brand", "Andy")),
                people("Sandra Anderson AND Andy Brand"));
    }

    @Test
    void formatWritesBibtexNamesBack() {
        assertEquals("Doe, Jane and {World Health Organization} and Plato and others",
                NameList.parse("Jane Doe and {World Health Organization} and Plato and others").format());
    }
}
