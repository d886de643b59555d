package quire.importer.csljson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.api.model.IssuedDate;

class CslDateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CslDate date(String json) throws Exception {
        return CslDate.read(JSON.readTree(json));
    }

    @Test
    void dateParts() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 5)), date("{\"date-parts\": [[2019, 3, 5]]}").start());
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 3)), date("{\"date-parts\": [[2019, 3]]}").start());
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), date("{\"date-parts\": [[2019]]}").start());
    }

    @Test
    void datePartsAsStrings() throws Exception {
        CslDate d = date("{\"date-parts\": [[\"2019\", \"3\"]]}");
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 3)), d.start());
        assertEquals(Optional.empty(), d.problem());
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 5)), date("{\"date-parts\": [[\" 2019\", \"03\", \"05\"]]}").start());
    }

    @Test
    void monthAndDayZeroMeanNotGiven() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), date("{\"date-parts\": [[2019, 0, 0]]}").start());
    }

    @Test
    void rangeKeepsTheStartAndTheEnd() throws Exception {
        CslDate d = date("{\"date-parts\": [[2019, 3], [2019, 4]]}");
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 3)), d.start());
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 4)), d.end());
        assertEquals(Optional.of("2019-03/2019-04"), d.asText());
        assertEquals(Optional.empty(), date("{\"date-parts\": [[2019, 3], [2019, 3]]}").end(), "a range of one date");
        assertEquals(Optional.empty(), date("{\"date-parts\": [[2019, 3], [0]]}").end(), "open end");
    }

    @ParameterizedTest
    @CsvSource({"1, spring", "2, summer", "3, autumn", "4, winter", "'\"Summer\"', summer", "'\"3\"', autumn"})
    void seasonKey(String season, String name) throws Exception {
        CslDate d = date("{\"date-parts\": [[2017]], \"season\": " + season + "}");
        assertEquals(Optional.of(IssuedDate.ofYear(2017)), d.start());
        assertEquals(Optional.of(name), d.season());
    }

    @ParameterizedTest
    @CsvSource({"21, spring", "22, summer", "23, autumn", "24, winter", "13, spring", "16, winter"})
    void seasonAsMonthKeepsTheYear(int month, String name) throws Exception {
        CslDate d = date("{\"date-parts\": [[2017, " + month + "]]}");
        assertEquals(Optional.of(IssuedDate.ofYear(2017)), d.start());
        assertEquals(Optional.of(name), d.season());
        assertEquals(Optional.empty(), d.problem());
    }

    @Test
    void badMonthOrDayLowersThePrecisionWithAProblem() throws Exception {
        CslDate month = date("{\"date-parts\": [[2019, 17]]}");
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), month.start());
        assertTrue(month.problem().orElseThrow().contains("no month 17"));
        CslDate day = date("{\"date-parts\": [[2019, 2, 30]]}");
        assertEquals(Optional.of(IssuedDate.ofMonth(2019, 2)), day.start());
        assertTrue(day.problem().orElseThrow().contains("2019-02-30"));
    }

    @Test
    void bceYears() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofYear(-44)), date("{\"date-parts\": [[-44]]}").start());
        assertEquals(Optional.of(IssuedDate.ofDay(-44, 3, 15)), date("{\"date-parts\": [[\"-44\", 3, 15]]}").start());
        assertEquals(Optional.of(IssuedDate.ofYear(-44)), date("{\"raw\": \"-44\"}").start());
    }

    @Test
    void circa() throws Exception {
        assertTrue(date("{\"date-parts\": [[1850]], \"circa\": true}").circa());
        assertTrue(date("{\"date-parts\": [[1850]], \"circa\": 1}").circa());
        assertTrue(date("{\"date-parts\": [[1850]], \"circa\": \"true\"}").circa());
        assertFalse(date("{\"date-parts\": [[1850]], \"circa\": false}").circa());
        assertFalse(date("{\"date-parts\": [[1850]]}").circa());
        CslDate edtf = date("{\"raw\": \"2011-05~\"}");
        assertEquals(Optional.of(IssuedDate.ofMonth(2011, 5)), edtf.start());
        assertTrue(edtf.circa());
        CslDate words = date("{\"literal\": \"ca. 1850\"}");
        assertEquals(Optional.of(IssuedDate.ofYear(1850)), words.start());
        assertTrue(words.circa());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2019-03-05 | 2019-03-05",
            "2019-3-5 | 2019-03-05",
            "2019-03 | 2019-03",
            "2019 | 2019",
            "2019/03/05 | 2019-03-05",
            "2019-03-05T10:11:12Z | 2019-03-05",
            "March 2019 | 2019-03",
            "Mar. 2019 | 2019-03",
            "5 March 2019 | 2019-03-05",
            "March 5, 2019 | 2019-03-05",
            "5th Sept 2019 | 2019-09-05",
            "2017-23 | 2017",
            "2011-05-25/2012-06-26 | 2011-05-25"})
    void rawAndLiteralText(String text, String iso) throws Exception {
        for (String key : new String[] {"raw", "literal"}) {
            CslDate d = date("{\"" + key + "\": \"" + text + "\"}");
            assertEquals(iso, d.start().orElseThrow().toString(), key + ": " + text);
            assertEquals(Optional.empty(), d.literal(), "fully read, nothing to keep");
            assertEquals(Optional.empty(), d.problem());
        }
    }

    @Test
    void rawRangeKeepsItsEndAndSeasonInText() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofDay(2012, 6, 26)), date("{\"raw\": \"2011-05-25/2012-06-26\"}").end());
        assertEquals(Optional.of("autumn"), date("{\"raw\": \"2017-23\"}").season());
        CslDate spring = date("{\"literal\": \"Spring 2019\"}");
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), spring.start());
        assertEquals(Optional.of("spring"), spring.season());
    }

    @Test
    void partlyReadableTextKeepsTheYearAndTheText() throws Exception {
        CslDate d = date("{\"literal\": \"05/03/2019\"}");
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), d.start());
        assertEquals(Optional.of("05/03/2019"), d.literal());
        assertEquals(Optional.empty(), d.problem());
    }

    @Test
    void unreadableTextIsKeptWithAProblem() throws Exception {
        CslDate d = date("{\"literal\": \"13th cent\"}");
        assertEquals(Optional.empty(), d.start());
        assertEquals(Optional.of("13th cent"), d.literal());
        assertTrue(d.problem().orElseThrow().contains("13th cent"));
    }

    @Test
    void datePartsWinOverRawAndRawStandsInForBadDateParts() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofYear(2020)), date("{\"date-parts\": [[2020]], \"raw\": \"1999\"}").start());
        assertEquals(Optional.of(IssuedDate.ofYear(1999)), date("{\"date-parts\": [[\"n.d.\"]], \"raw\": \"1999\"}").start());
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 5)), date("{\"date-parts\": [[\"2019-03-05\"]]}").start());
    }

    @Test
    void bareStringsAndNumbers() throws Exception {
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 5)), date("\"2019-03-05\"").start());
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), date("2019").start());
        assertEquals(Optional.empty(), date("{}").start());
        assertEquals(Optional.empty(), date("{}").problem());
        assertEquals(Optional.empty(), date("{\"date-parts\": [[]]}").start());
    }

    @Test
    void yearZeroIsNoDate() throws Exception {
        CslDate d = date("{\"date-parts\": [[\"0\"]]}");
        assertEquals(Optional.empty(), d.start());
        assertTrue(d.problem().isPresent());
    }
}
