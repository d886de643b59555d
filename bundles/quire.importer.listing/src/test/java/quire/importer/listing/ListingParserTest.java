package quire.importer.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Reference;

class ListingParserTest {

    private static final String RECORD_A = """
            93.1CLMay 17Code
            First TitleAdi Simhi, Fazl Barez et al.
            Abstract A.
            """;
    private static final String RECORD_B = """
            CYApr 16, 2023
            Second TitleOndrej Bohdal
            Abstract B.
            """;

    @Test
    void corruptedHeaderInTheSeedCostsOnlyItsRecord() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SeedListingTest.SEED, StandardCharsets.UTF_8));
        int bad = 3 * 20; // 0-based index of record 20's header, so line 61
        String original = lines.get(bad);
        lines.set(bad, "CL May Seventeenth"); // no longer a header
        CollectingSink sink = parse(String.join("\n", lines), 2025);

        assertEquals(49, sink.references.size());
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(bad + 1, error.line());
        assertEquals("002.txt", error.file());
        assertTrue(error.message().startsWith("line 1 of a record should be [score]CATEGORY Month Day[, Year]"
                + "[Code]"), error.message());
        assertTrue(error.message().contains("found: \"CL May Seventeenth\""), error.message());
        assertTrue(error.message().contains("skipped lines 61-63"), error.message());
        // The records on either side are intact and their lines are right.
        Reference before = sink.references.get(19);
        Reference after = sink.references.get(20);
        assertEquals(3 * 19 + 1, before.provenance().getFirst().line());
        assertEquals(3 * 21 + 1, after.provenance().getFirst().line());
        assertEquals(lines.get(3 * 19 + 2), before.abstractText().orElseThrow());
        assertEquals(lines.get(3 * 21 + 2), after.abstractText().orElseThrow());
        assertFalse(original.isBlank());
    }

    @Test
    void headerFollowedByHeaderIsAnErrorAndTheNextRecordIsKept() throws IOException {
        CollectingSink sink = parse("LGOct 3, 2023\n" + RECORD_B, 2025);
        assertEquals(1, sink.references.size());
        assertEquals("Second Title", sink.references.getFirst().title());
        assertEquals(1, sink.errors().size());
        assertEquals(1, sink.errors().getFirst().line());
        assertTrue(sink.errors().getFirst().message().contains("no title and authors line"));
    }

    @Test
    void headerAtTheEndOfTheFileIsAnError() throws IOException {
        CollectingSink sink = parse(RECORD_A + "\nLGOct 3, 2023\n", 2025);
        assertEquals(1, sink.references.size());
        assertEquals(List.of(5), sink.errors().stream().map(ImportProblem::line).toList());
    }

    @Test
    void missingAbstractIsAWarningAndTheRecordIsKept() throws IOException {
        CollectingSink sink = parse("""
                AIMar 8
                No AbstractChangyi Li
                """ + RECORD_B + "LGMay 1\nLast One Without AbstractAnn Lee\n", 2025);
        assertEquals(3, sink.references.size());
        assertEquals(Optional.empty(), sink.references.get(0).abstractText());
        assertEquals(Optional.of("Abstract B."), sink.references.get(1).abstractText());
        assertEquals(Optional.empty(), sink.references.get(2).abstractText());
        assertEquals(List.of(), sink.errors());
        assertEquals(List.of(2, 7), sink.warnings().stream().map(ImportProblem::line).toList());
    }

    @Test
    void garbageAtTheStartAndEndIsReportedOnce() throws IOException {
        CollectingSink sink = parse("Some preamble\nmore preamble\n\n" + RECORD_A + "trailing junk\nmore junk\n",
                2025);
        assertEquals(1, sink.references.size());
        assertEquals(List.of(1, 7), sink.errors().stream().map(ImportProblem::line).toList());
        assertTrue(sink.errors().get(0).message().endsWith("skipped lines 1-2 up to the next record header"));
        assertTrue(sink.errors().get(1).message().endsWith("skipped lines 7-8 up to the end of the file"));
    }

    @Test
    void unknownCategoryIsKeptWithAWarning() throws IOException {
        CollectingSink sink = parse("XYMay 2\nA TitleAnn Lee\nAbstract.\n", 2025);
        assertEquals(Optional.of("XY"), sink.references.getFirst().field("arxivCategory"));
        assertEquals(1, sink.warnings().size());
        assertTrue(sink.warnings().getFirst().message().contains("unknown category code XY"));
        assertEquals(1, sink.warnings().getFirst().line());
    }

    @Test
    void impossibleDayKeepsTheMonth() throws IOException {
        CollectingSink sink = parse("LGFeb 29\nA TitleAnn Lee\nAbstract.\n", 2025);
        assertEquals(Optional.of(IssuedDate.ofMonth(2025, 2).asInferred()), sink.references.getFirst().issued());
        assertEquals(1, sink.warnings().size());
        assertTrue(sink.warnings().getFirst().message().contains("no day Feb 29 in 2025"));
        // In a leap year the same line is a day.
        CollectingSink leap = parse("LGFeb 29\nA TitleAnn Lee\nAbstract.\n", 2024);
        assertEquals(Optional.of(IssuedDate.ofDay(2024, 2, 29).asInferred()), leap.references.getFirst().issued());
    }

    @Test
    void unsplittableBylineIsKeptAsTheTitle() throws IOException {
        CollectingSink sink = parse("LGMay 2\nno authors on this line at all\nAbstract.\n", 2025);
        Reference r = sink.references.getFirst();
        assertEquals("no authors on this line at all", r.title());
        assertEquals(List.of(), r.authors());
        assertEquals(Optional.of("Abstract."), r.abstractText());
        assertEquals(2, sink.warnings().getFirst().line());
    }

    @Test
    void crlfBomAndBlankLines() throws IOException {
        String text = "\uFEFF" + (RECORD_A + "\n\n" + RECORD_B).replace("\n", "\r\n");
        CollectingSink sink = parse(text, 2025);
        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.references.size());
        assertEquals("First Title", sink.references.get(0).title());
        assertEquals(Optional.of("93.1"), sink.references.get(0).field("relevance"));
        assertEquals(Optional.of("Abstract A."), sink.references.get(0).abstractText());
        assertEquals(6, sink.references.get(1).provenance().getFirst().line());
        assertEquals(1, sink.references.get(1).provenance().getFirst().position());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        CollectingSink sink = new CollectingSink(1);
        new ListingParser("x.txt", 2025).parse(new BufferedReader(new StringReader(RECORD_A + RECORD_B)), sink);
        assertEquals(1, sink.references.size());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void headers() {
        RecordHeader h = RecordHeader.parse("93.1CLMay 17Code").orElseThrow();
        assertEquals(new RecordHeader(Optional.of("93.1"), "CL", 5, 17, java.util.OptionalInt.empty(), true), h);
        RecordHeader full = RecordHeader.parse("CYApr 16, 2023").orElseThrow();
        assertEquals(java.util.OptionalInt.of(2023), full.year());
        assertFalse(full.code());
        assertTrue(RecordHeader.parse("CLDec 4, 2024Code").orElseThrow().code());
        for (String notHeader : List.of("", "CL", "May 17", "clMay 17", "CLMay", "CLMay 17, 0000", "CLMai 17",
                "CLMay 17 extra", "TY  - JOUR", "@article{key,", "Abstract.")) {
            assertTrue(RecordHeader.parse(notHeader).isEmpty(), notHeader);
        }
    }

    private static CollectingSink parse(String text, int year) throws IOException {
        CollectingSink sink = new CollectingSink();
        new ListingParser("002.txt", year).parse(new BufferedReader(new StringReader(text)), sink);
        return sink;
    }
}
