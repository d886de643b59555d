package quire.importer.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quire.api.model.Person;

class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Adi Simhi", "Philip H. S. Torr", "Tan Zhi-Xuan", "Denny O'Shea", "Shay B. Cohen",
            "Monte MacDiarmid", "Ludwig van Beethoven", "Jan van der Berg", "Martin Luther King Jr.", "J. Smith",
            "Tony T Wang", "Felice Dell'Orletta", "Plato", "Émile Bühler", "Narmeen Fatimah Oozeer"})
    void plausibleNames(String name) {
        assertTrue(PersonName.isPlausible(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Jr.", "van Beethoven", "LLMsAdi Simhi", "DeepMindJohn Smith", "John S.",
            "AI Systems of ConcernKayla Matteucci", "Ms Hallucinate with Certainty", "Trust me",
            "One Two Three Four Five", "GPT-4 Smith", "Adi Simhi et al."})
    void notNames(String text) {
        assertFalse(PersonName.isPlausible(text), text);
    }

    @Test
    void splitsFamilyAndGivenNames() {
        assertEquals(Person.of("Torr", "Philip H. S."), PersonName.toPerson("Philip H. S. Torr"));
        assertEquals(Person.of("Zhi-Xuan", "Tan"), PersonName.toPerson("Tan Zhi-Xuan"));
        assertEquals(Person.of("van der Berg", "Jan"), PersonName.toPerson("Jan van der Berg"));
        assertEquals(Person.of("King Jr.", "Martin Luther"), PersonName.toPerson("Martin Luther King Jr."));
        assertEquals(Person.of("Plato", ""), PersonName.toPerson("Plato"));
        assertEquals(Person.of("de la Cruz", ""), PersonName.toPerson("de la Cruz"));
    }
}
