package quire.importer.endnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class EndnoteNameTest {

    @Test
    void familyCommaGiven() {
        assertEquals(Optional.of(Person.of("Chapman", "A. G.")), EndnoteName.parse("Chapman, A. G."));
        assertEquals(Optional.of(Person.of("Ainley", "D.G.")), EndnoteName.parse(" Ainley, D.G. "));
        assertEquals(Optional.of(Person.of("Smith Jr.", "John")), EndnoteName.parse("Smith, John, Jr."));
        assertEquals(Optional.of(Person.of("van der Berg", "Anna")), EndnoteName.parse("van der Berg, Anna"));
    }

    @Test
    void aTrailingCommaKeepsACorporateNameWhole() {
        assertEquals(Optional.of(Person.institution("World Health Organization")),
                EndnoteName.parse("World Health Organization,"));
        assertEquals(Optional.of(Person.institution("Smith, Jones and Partners")),
                EndnoteName.parse("Smith, Jones and Partners,"));
    }

    @Test
    void namesWithoutAComma() {
        assertEquals(Optional.of(Person.of("Selvamani", "")), EndnoteName.parse("Selvamani"));
        assertEquals(Optional.of(Person.of("Doe", "John")), EndnoteName.parse("John Doe"));
        assertEquals(Optional.of(Person.of("van Beethoven", "Ludwig")), EndnoteName.parse("Ludwig van Beethoven"));
        assertEquals(Optional.of(Person.institution("Cochrane Heart Group")), EndnoteName.parse("Cochrane Heart Group"));
        assertEquals(Optional.empty(), EndnoteName.parse("  "));
    }

    @Test
    void etAl() {
        assertTrue(EndnoteName.isEtAl("et al."));
        assertTrue(EndnoteName.isEtAl("et al"));
        assertFalse(EndnoteName.isEtAl("Etal, A."));
    }
}
