package quire.importer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class PersonNamesTest {

    private static Person parse(String name) {
        return PersonNames.parse(name).orElseThrow();
    }

    @Test
    void familyCommaGiven() {
        assertEquals(Person.of("Federico", "S."), parse("Federico, S."));
        assertEquals(Person.of("van de Straete", "H. J."), parse("van de Straete, H. J."));
        assertEquals(Person.of("Smith Jr.", "John"), parse("Smith, John, Jr."));
        assertEquals(Person.of("Smith Jr.", "John"), parse("Smith, Jr., John"));
        assertEquals(Person.of("Service", "Robert F."), parse("Service, Robert F."));
    }

    @Test
    void familyInitials() {
        assertEquals(Person.of("Adler", "D.G."), parse("Adler D.G."));
        assertEquals(Person.of("Shruthi", "BS"), parse("Shruthi BS"));
        assertEquals(Person.of("Vogel-Heuser", "B."), parse("Vogel-Heuser B."));
        assertEquals(Person.of("van Acker", "B."), parse("van Acker B."));
    }

    @Test
    void givenFamily() {
        assertEquals(Person.of("Harrison", "Warren"), parse("Warren Harrison"));
        assertEquals(Person.of("da Silva", "José"), parse("José da Silva"));
        assertEquals(Person.of("Smith", "J."), parse("J. Smith"));
        assertEquals(Person.of("WANG", "Y"), parse("Y WANG"));
        assertEquals(Person.of("Selvamani", ""), parse("Selvamani"));
    }

    @Test
    void institutionsStayWhole() {
        assertEquals(Person.institution("World Health Organization"), parse("World Health Organization"));
        assertEquals(Person.institution("Ministry of Health, Brazil"), parse("Ministry of Health, Brazil"));
        assertEquals(Person.institution("The COVID-19 Genomics UK Consortium"),
                parse("The COVID-19 Genomics UK Consortium"));
    }

    @Test
    void blankAndEtAl() {
        assertEquals(Optional.empty(), PersonNames.parse("  "));
        assertTrue(PersonNames.isEtAl("et al."));
        assertTrue(PersonNames.isEtAl("and others"));
        assertFalse(PersonNames.isEtAl("Etal, A."));
    }
}
