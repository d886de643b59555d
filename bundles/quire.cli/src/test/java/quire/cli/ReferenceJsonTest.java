package quire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class ReferenceJsonTest {

    @Test
    void hasTheContractFieldsWithNullsForWhatIsUnknown() {
        Reference reference = Reference.builder().id("abc").type(ReferenceType.PREPRINT).title("T")
                .author(Person.of("Simhi", "Adi")).issued(IssuedDate.ofDay(2026, 5, 17).asInferred())
                .arxivId("2605.01234").build();
        JsonNode json = ReferenceJson.of(reference);
        assertEquals("abc", json.get("id").asText());
        assertEquals("preprint", json.get("type").asText());
        assertEquals("Simhi", json.get("authors").get(0).get("family").asText());
        assertEquals("Adi", json.get("authors").get(0).get("given").asText());
        assertEquals(2026, json.get("year").asInt());
        assertEquals("2026-05-17", json.get("issued").asText());
        assertTrue(json.get("issuedInferred").asBoolean());
        assertTrue(json.get("doi").isNull());
        assertEquals("2605.01234", json.get("arxiv").asText());
        assertTrue(json.get("abstract").isNull());
    }

    @Test
    void textLinesAbbreviateLongAuthorLists() {
        Reference reference = Reference.builder().id("x").title("T").author(Person.of("A", "a"))
                .author(Person.of("B", "b")).authorsTruncated(true).build();
        assertEquals("x  ----  A, B et al.  T", ReferenceText.line(reference));
    }
}
