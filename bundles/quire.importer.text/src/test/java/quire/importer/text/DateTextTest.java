package quire.importer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;

class DateTextTest {

    private static Optional<IssuedDate> issued(String text) {
        return DateText.parse(text).flatMap(DateText::issued);
    }

    @Test
    void risForms() {
        assertEquals(Optional.of(IssuedDate.ofDay(2001, 9, 1)), issued("2001/09/01/"));
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), issued("2001///"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2001, 9)), issued("2001/09//Spring"));
        assertEquals(Optional.of(IssuedDate.ofYear(2020)), issued("2020"));
        assertEquals(Optional.of(IssuedDate.ofDay(2005, 10, 1)), issued("2005/10/01"));
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 5, 17)), issued("2020-05-17"));
    }

    @Test
    void monthNames() {
        assertEquals(Optional.of(IssuedDate.ofMonth(2020, 1)), issued("2020 JAN"));
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 1, 15)), issued("2020 Jan 15"));
        assertEquals(Optional.of(IssuedDate.ofDay(2004, 8, 25)), issued("25 Aug 2004"));
        assertEquals(Optional.of(IssuedDate.ofDay(2011, 1, 7)), issued("January 7, 2011"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2018, 12)), issued("Dec 2018"));
        assertEquals(Optional.of(new DateText(0, 9, 15)), DateText.parse("Sept 15"));
    }

    @Test
    void neverMorePreciseThanTheText() {
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), issued("2001/13/01/"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2021, 2)), issued("2021/02/30"));
        assertEquals(Optional.empty(), issued("10 15"));
        assertEquals(Optional.empty(), issued("Spring"));
        assertEquals(Optional.empty(), DateText.parse("DEC").flatMap(DateText::issued));
    }
}
