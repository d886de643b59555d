package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;

class BibtexDatesTest {

    @Test
    void biblatexDatesKeepTheirPrecision() {
        assertEquals(Optional.of(IssuedDate.ofYear(2021)), BibtexDates.fromDate("2021"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2021, 3)), BibtexDates.fromDate("2021-03"));
        assertEquals(Optional.of(IssuedDate.ofDay(2021, 3, 5)), BibtexDates.fromDate("2021-03-05"));
        assertEquals(Optional.of(IssuedDate.ofDay(2021, 3, 5)), BibtexDates.fromDate("2021-03-05T10:00:00Z"));
    }

    @Test
    void rangesGiveTheirStart() {
        assertEquals(Optional.of(IssuedDate.ofMonth(2021, 3)), BibtexDates.fromDate("2021-03/2021-04"));
        assertEquals(Optional.of(IssuedDate.ofYear(1997)), BibtexDates.fromDate("1997/"));
        assertEquals(Optional.of(IssuedDate.ofYear(2004)), BibtexDates.fromDate("../2004"));
    }

    @Test
    void edtfMarksAndSeasons() {
        assertEquals(Optional.of(IssuedDate.ofYear(1984)), BibtexDates.fromDate("1984?"));
        assertEquals(Optional.of(IssuedDate.ofMonth(1984, 6)), BibtexDates.fromDate("1984-06~"));
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), BibtexDates.fromDate("2001-22"));
        assertEquals(Optional.of(IssuedDate.ofYear(-44)), BibtexDates.fromDate("-0044"));
    }

    @Test
    void unreadableDatesAreEmpty() {
        assertEquals(Optional.empty(), BibtexDates.fromDate("spring 2020"));
        assertEquals(Optional.empty(), BibtexDates.fromDate("2021-02-30"));
        assertEquals(Optional.empty(), BibtexDates.fromDate("0000"));
    }

    @Test
    void yearMonthAndDay() {
        assertEquals(Optional.of(IssuedDate.ofMonth(2013, 3)), BibtexDates.fromParts("2013", "March", ""));
        assertEquals(Optional.of(IssuedDate.ofMonth(2013, 3)), BibtexDates.fromParts("2013", "mar", ""));
        assertEquals(Optional.of(IssuedDate.ofMonth(2016, 2)), BibtexDates.fromParts("2016", "Feb.", ""));
        assertEquals(Optional.of(IssuedDate.ofMonth(2010, 1)), BibtexDates.fromParts("2010", "1", ""));
        assertEquals(Optional.of(IssuedDate.ofMonth(2010, 11)), BibtexDates.fromParts("2010", "11", ""));
        assertEquals(Optional.of(IssuedDate.ofDay(2010, 9, 15)), BibtexDates.fromParts("2010", "Sept 15", ""));
        assertEquals(Optional.of(IssuedDate.ofDay(2010, 9, 15)), BibtexDates.fromParts("2010", "15 September", ""));
        assertEquals(Optional.of(IssuedDate.ofDay(2010, 9, 15)), BibtexDates.fromParts("2010", "sep", "15"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2010, 2)), BibtexDates.fromParts("2010", "feb", "30"));
        assertEquals(Optional.of(IssuedDate.ofYear(2010)), BibtexDates.fromParts("2010", "Spring", ""));
        assertEquals(Optional.of(IssuedDate.ofYear(2010)), BibtexDates.fromParts("2010", "13", ""));
        // BCE, as biblatex writes it
        assertEquals(Optional.of(IssuedDate.ofMonth(-100, 3)), BibtexDates.fromParts("-100", "mar", ""));
        assertEquals(Optional.empty(), BibtexDates.fromParts("-", "mar", ""));
    }

    @Test
    void yearsWithSuffixesAndNonYears() {
        assertEquals(Optional.of(2009), BibtexDates.year("2009a"));
        assertEquals(Optional.of(1999), BibtexDates.year("1999--2000"));
        assertEquals(Optional.empty(), BibtexDates.year("in press"));
        assertEquals(Optional.empty(), BibtexDates.year("n.d."));
        assertEquals(Optional.empty(), BibtexDates.fromParts("forthcoming", "may", ""));
    }
}
