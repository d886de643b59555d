package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static List<CsvTable.Row> read(String text) throws Exception {
        return CsvTable.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        List<CsvTable.Row> rows = read("\uFEFFtitle,abstract,label_included\r\n"
                + "\"A, B\",\"He said \"\"no\"\"\nand left\",1\r\n"
                + "plain,,0\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("title", "abstract", "label_included"), rows.get(0).fields());
        assertEquals(List.of("A, B", "He said \"no\"\nand left", "1"), rows.get(1).fields());
        assertEquals(List.of("plain", "", "0"), rows.get(2).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line(), "the record after a two-line field starts on line 4");
    }

    @Test
    void lastRecordWithoutLineBreakAndBlankLines() throws Exception {
        List<CsvTable.Row> rows = read("a,b\n\nc,\"d\"");
        assertEquals(2, rows.size());
        assertEquals(List.of("c", "d"), rows.get(1).fields());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void unclosedQuoteIsReportedWithTheLineItStartsOn() {
        CsvTable.FormatException e = assertThrows(CsvTable.FormatException.class,
                () -> read("a,b\nx,\"never closed\n\nmore"));
        assertEquals(2, e.line);
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        CsvTable.FormatException e = assertThrows(CsvTable.FormatException.class, () -> read("a,b\n\"x\"y,1\n"));
        assertEquals(2, e.line);
    }
}
