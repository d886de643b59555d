package quire.importer.endnote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;

class EndnoteDateTest {

    @Test
    void yearAndPublicationDate() {
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofYear(1990), true)), EndnoteDate.parse("1990", null));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofMonth(1937, 1), true)), EndnoteDate.parse("1937", "Jan"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofDay(2019, 3, 15), true)),
                EndnoteDate.parse("2019", "Mar 15"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofDay(2019, 3, 15), true)),
                EndnoteDate.parse("2019", "15 March 2019"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofDay(2019, 3, 15), true)),
                EndnoteDate.parse(null, "2019/03/15"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofMonth(2019, 3), true)), EndnoteDate.parse("2019", "2019-03"));
    }

    @Test
    void whatIsNotUnderstoodMakesItInexact() {
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofYear(2001), false)), EndnoteDate.parse("2001", "Spring"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofMonth(2001, 1), false)),
                EndnoteDate.parse("2001", "Jan-Feb"));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofYear(2019), false)), EndnoteDate.parse("2019a", null));
        assertEquals(Optional.of(new EndnoteDate(IssuedDate.ofMonth(2019, 2), false)),
                EndnoteDate.parse("2019", "2019-02-30"));
    }

    @Test
    void noYearNoDate() {
        assertEquals(Optional.empty(), EndnoteDate.parse("In press", null));
        assertEquals(Optional.empty(), EndnoteDate.parse(null, "March"));
        assertEquals(Optional.empty(), EndnoteDate.parse("", ""));
    }
}
