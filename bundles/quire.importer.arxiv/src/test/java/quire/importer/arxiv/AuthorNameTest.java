package quire.importer.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class AuthorNameTest {

    @Test
    void givenThenFamily() {
        assertEquals(Person.of("Rossi", "Maria"), AuthorName.toPerson("Maria Rossi"));
        assertEquals(Person.of("Kowalski", "A. B."), AuthorName.toPerson("A. B.  Kowalski"));
        assertEquals(Person.of("Zhi-Xuan", "Tan"), AuthorName.toPerson("Tan Zhi-Xuan"));
        assertEquals(Person.of("Plato", ""), AuthorName.toPerson("Plato"));
    }

    @Test
    void particlesAndSuffixesBelongToTheFamilyName() {
        assertEquals(Person.of("van der Berg", "Jan"), AuthorName.toPerson("Jan van der Berg"));
        assertEquals(Person.of("van Beethoven", "Ludwig"), AuthorName.toPerson("Ludwig van Beethoven"));
        assertEquals(Person.of("de la Cruz", ""), AuthorName.toPerson("de la Cruz"));
        assertEquals(Person.of("Smith Jr.", "Robert"), AuthorName.toPerson("Robert Smith Jr."));
        assertEquals(Person.of("King III", "Martin Luther"), AuthorName.toPerson("Martin Luther King III"));
        assertEquals(Person.of("Smith Jr.", "Robert"), AuthorName.toPerson("Robert Smith, Jr."));
    }

    @Test
    void commaMeansFamilyFirst() {
        assertEquals(Person.of("Lee", "Sun-Hee"), AuthorName.toPerson("Lee, Sun-Hee"));
    }

    @Test
    void collaborationsAreInstitutions() {
        assertEquals(Person.institution("ATLAS Collaboration"), AuthorName.toPerson("ATLAS Collaboration"));
        assertEquals(Person.institution("The LIGO Scientific Collaboration and the Virgo Collaboration"),
                AuthorName.toPerson("The LIGO Scientific Collaboration and the Virgo Collaboration"));
        assertEquals(Person.institution("Event Horizon Telescope Consortium"),
                AuthorName.toPerson("Event Horizon Telescope Consortium"));
    }

    @Test
    void etAl() {
        assertTrue(AuthorName.isEtAl("et al."));
        assertTrue(AuthorName.isEtAl(" Others "));
        assertFalse(AuthorName.isEtAl("Al Smith"));
    }
}
