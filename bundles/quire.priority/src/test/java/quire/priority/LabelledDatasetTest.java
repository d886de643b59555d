package quire.priority;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetTest {

    @TempDir
    Path dir;

    @Test
    void badLabelsAreReportedWithFileAndLineAndTheOtherRecordsKept() throws IOException {
        Path file = dir.resolve("review.csv");
        Files.writeString(file, "id,title,abstract,label_included\n"
                + "1,Exercise and mood,\"Trial of\nexercise\",1\n"
                + "2,Yoga,Abstract,maybe\n"
                + "3,Diet,Abstract,0\n"
                + "4,Sleep,Abstract,0,extra\n");
        LabelledDataset data = LabelledDataset.read(file);
        assertEquals("review", data.name());
        assertEquals(List.of("Exercise and mood Trial of\nexercise", "Diet Abstract"), data.texts());
        assertArrayEquals(new boolean[] {true, false}, data.included());
        assertEquals(2, data.problems().size());
        assertEquals("review.csv:4: label_included is 'maybe', not 0 or 1; record skipped", data.problems().get(0));
        assertTrue(data.problems().get(1).startsWith("review.csv:6: 5 fields, the header has 4"));
    }

    @Test
    void missingLabelColumnIsAnError() throws IOException {
        Path file = dir.resolve("nolabel.csv");
        Files.writeString(file, "title,abstract\nA,B\n");
        IOException e = assertThrows(IOException.class, () -> LabelledDataset.read(file));
        assertTrue(e.getMessage().contains("nolabel.csv:1: no label_included column"), e.getMessage());
    }

    @Test
    void onlyOneClassIsAnError() throws IOException {
        Path file = dir.resolve("one.csv");
        Files.writeString(file, "title,label_included\nA,0\nB,0\n");
        IOException e = assertThrows(IOException.class, () -> LabelledDataset.read(file));
        assertTrue(e.getMessage().contains("0 of 2 included"), e.getMessage());
    }
}
