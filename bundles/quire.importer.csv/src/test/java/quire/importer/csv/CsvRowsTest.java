package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static List<CsvRows.Row> rows(String text, char delimiter) throws IOException {
        CsvRows rows = new CsvRows(new StringReader(text), delimiter, 1);
        List<CsvRows.Row> all = new ArrayList<>();
        for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
            all.add(row);
        }
        return all;
    }

    @Test
    void quotedDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvRows.Row> rows = rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n", ',');
        assertEquals(3, rows.size());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), rows.get(1).cells());
        assertEquals(2, rows.get(1).line());
        assertEquals(2, rows.get(1).lines());
        assertEquals(4, rows.get(2).line());
        assertEquals(List.of("last", "", ""), rows.get(2).cells());
    }

    @Test
    void lineBreaksOfEveryKindAndNoBreakAtTheEnd() throws IOException {
        List<CsvRows.Row> rows = rows("a;b\rc;d\ne;f", ';');
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")),
                rows.stream().map(CsvRows.Row::cells).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(CsvRows.Row::line).toList());
    }

    @Test
    void quotesInsideUnquotedFieldsAreCharacters() throws IOException {
        List<CsvRows.Row> rows = rows("5\" disk\t\"quoted\"tail\n", '\t');
        assertEquals(List.of("5\" disk", "quoted" + "tail"), rows.getFirst().cells());
    }

    @Test
    void unclosedQuoteIsBrokenAndReadingResumesOnTheNextLine() throws IOException {
        CsvRows rows = new CsvRows(new StringReader("h1,h2\n\"open,x\nb,c\nd,e\n"), ',', 1);
        assertEquals(List.of("h1", "h2"), rows.next().cells());
        CsvRows.Row broken = rows.next();
        assertTrue(broken.broken());
        assertTrue(broken.unterminated());
        assertEquals(2, broken.line());
        rows.resumeAfterFirstLine(broken);
        CsvRows.Row b = rows.next();
        assertEquals(List.of("b", "c"), b.cells());
        assertEquals(3, b.line());
        CsvRows.Row d = rows.next();
        assertEquals(List.of("d", "e"), d.cells());
        assertEquals(4, d.line());
        assertNull(rows.next());
    }

    @Test
    void replayComesBeforeTheRestOfTheInput() throws IOException {
        CsvRows rows = new CsvRows(new StringReader("c,d\n"), ',', 2);
        rows.replay("a,b\n", 1);
        CsvRows.Row first = rows.next();
        assertEquals(List.of("a", "b"), first.cells());
        assertEquals(1, first.line());
        assertFalse(first.broken());
        assertEquals(2, rows.next().line());
    }
}
