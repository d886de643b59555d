package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class AuthorListTest {

    private static List<Person> persons(String text) {
        return AuthorList.parse(text).persons();
    }

    @Test
    void embaseFamilyInitialsSeparatedByCommas() {
        assertEquals(List.of(Person.of("Liu", "R."), Person.of("Adler", "D.G.")), persons("Liu R., Adler D.G."));
        assertEquals(List.of(Person.of("Eloubeidi", "M.A."), Person.of("Cohn", "M."), Person.of("Cerfolio", "R.J.")),
                persons("Eloubeidi M.A., Cohn M., Cerfolio R.J."));
    }

    @Test
    void familyGivenPairsSeparatedByCommas() {
        assertEquals(List.of(Person.of("Smith", "J."), Person.of("Doe", "A.")), persons("Smith, J., Doe, A."));
        assertEquals(List.of(Person.of("van de Straete", "H. J.")), persons("van de Straete, H. J."));
        assertEquals(List.of(Person.of("Harrison", "Warren")), persons("Harrison, Warren"));
    }

    @Test
    void semicolonsAndScopusIds() {
        assertEquals(List.of(Person.of("Federico", "Salvatore"), Person.of("Grillo", "Alfio")),
                persons("Federico, Salvatore (7005432234); Grillo, Alfio (7003412388)"));
        assertEquals(List.of(Person.of("Federico", "S."), Person.of("Grillo", "A.")), persons("Federico S.; Grillo A."));
    }

    @Test
    void givenFamilyJoinedWithAnd() {
        assertEquals(List.of(Person.of("Lee", "Ann"), Person.of("Kim", "Bo"), Person.of("Roe", "Rita")),
                persons("Ann Lee, Bo Kim and Rita Roe"));
        assertEquals(List.of(Person.of("Smith", "John"), Person.of("Doe", "Jane")),
                persons("Smith, John and Doe, Jane"));
    }

    @Test
    void etAlAndNoAuthor() {
        AuthorList list = AuthorList.parse("Smith J, Doe A, et al.");
        assertEquals(List.of(Person.of("Smith", "J"), Person.of("Doe", "A")), list.persons());
        assertTrue(list.truncated());
        assertEquals(List.of(), persons("[No author name available]"));
        assertFalse(AuthorList.parse("Smith J").truncated());
        assertEquals(List.of(Person.institution("World Health Organization")), persons("World Health Organization"));
    }
}
