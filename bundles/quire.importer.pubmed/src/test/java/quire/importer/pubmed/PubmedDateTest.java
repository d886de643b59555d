package quire.importer.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;

class PubmedDateTest {

    @Test
    void dayMonthAndYearPrecision() {
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofDay(2019, 3, 15), true)), PubmedDate.parse("2019 Mar 15"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2019, 3), true)), PubmedDate.parse("2019 Mar"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofYear(2019), true)), PubmedDate.parse(" 2019 "));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2019, 9), true)), PubmedDate.parse("2019 September"));
    }

    @Test
    void numericMonthsAsJabRefWritesThem() {
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofDay(2013, 6, 10), true)), PubmedDate.parse("2013 06 10"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2010, 6), true)), PubmedDate.parse("2010   06"));
    }

    @Test
    void seasonsGiveTheYearOnly() {
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofYear(2019), false)), PubmedDate.parse("2019 Spring"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofYear(2000), false)), PubmedDate.parse("2000 Winter"));
    }

    @Test
    void rangesGiveTheirStart() {
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2018, 12), false)),
                PubmedDate.parse("2018 Dec-2019 Jan"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2000, 11), false)), PubmedDate.parse("2000 Nov-Dec"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofDay(2019, 3, 15), false)),
                PubmedDate.parse("2019 Mar 15-21"));
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofYear(1998), false)), PubmedDate.parse("1998-1999"));
    }

    @Test
    void impossibleDaysFallBackToTheMonth() {
        assertEquals(Optional.of(new PubmedDate(IssuedDate.ofMonth(2019, 2), false)), PubmedDate.parse("2019 Feb 30"));
    }

    @Test
    void textWithoutAYearIsNoDate() {
        assertEquals(Optional.empty(), PubmedDate.parse("Spring"));
        assertEquals(Optional.empty(), PubmedDate.parse(""));
        assertEquals(Optional.empty(), PubmedDate.parse("0000"));
        assertEquals(Optional.empty(), PubmedDate.month("Marching"));
        assertEquals(Optional.of(9), PubmedDate.month("Sept."));
        assertEquals(Optional.empty(), PubmedDate.month("13"));
    }
}
