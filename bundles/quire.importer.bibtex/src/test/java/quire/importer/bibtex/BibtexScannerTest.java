package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportProblem.Severity;

class BibtexScannerTest {

    private final List<ImportProblem> problems = new ArrayList<>();

    private List<RawEntry> scan(String text) {
        return scan(new StringReader(text));
    }

    private List<RawEntry> scan(Reader reader) {
        try {
            BibtexScanner scanner = new BibtexScanner(reader, "t.bib", problems::add, key -> true);
            List<RawEntry> entries = new ArrayList<>();
            RawEntry entry;
            while ((entry = scanner.next()) != null) {
                entries.add(entry);
            }
            return entries;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private RawEntry only(String text) {
        List<RawEntry> entries = scan(text);
        assertEquals(1, entries.size(), () -> "entries: " + entries + " problems: " + problems);
        assertEquals(List.of(), problems);
        return entries.getFirst();
    }

    private List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    @Test
    void readsTypeKeyAndFieldsIgnoringCase() {
        RawEntry e = only("@ARTICLE{Smith2020,\n  TiTle = {A Title},\n  YEAR = 2020\n}\n");
        assertEquals("article", e.type());
        assertEquals("Smith2020", e.key());
        assertEquals(Optional.of("A Title"), e.value("title"));
        assertEquals(Optional.of("2020"), e.value("year"));
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertEquals(0, e.position());
    }

    @Test
    void stringMacrosConcatenationAndMonths() {
        RawEntry e = only("""
                @String{ACM = "Association for Computing Machinery"}
                @string(pre = {Proc. of } )
                @inproceedings{k,
                  booktitle = pre # "the " # acm # { Conference},
                  month = mar, publisher = ACM,
                  note = "a {"}quoted{"} brace"
                }
                """);
        assertEquals(Optional.of("Proc. of the Association for Computing Machinery Conference"),
                e.value("booktitle"));
        assertEquals(Optional.of("March"), e.value("month"));
        assertEquals(Optional.of("Association for Computing Machinery"), e.value("publisher"));
        assertEquals(Optional.of("a {\"}quoted{\"} brace"), e.value("note"));
    }

    @Test
    void macroDefinedLaterOrNeverIsAWarningAndKeepsItsName() {
        List<RawEntry> entries = scan("@misc{k, journal = jgr}\n");
        assertEquals(Optional.of("jgr"), entries.getFirst().value("journal"));
        assertEquals(1, problems.size());
        ImportProblem warning = problems.getFirst();
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(1, warning.line());
        assertEquals(20, warning.column());
        assertTrue(warning.message().contains("jgr"), warning.message());
    }

    @Test
    void roundParenthesesDelimitAnEntry() {
        RawEntry e = only("@techreport(McDermott:72,\nauthor =\t{Drew (D.) McDermott},\nyear = 1972\n)\n");
        assertEquals("McDermott:72", e.key());
        assertEquals(Optional.of("Drew (D.) McDermott"), e.value("author"));
        assertEquals(Optional.of("1972"), e.value("year"));
    }

    @Test
    void nestedBracesAreKeptAndWhiteSpaceCollapsed() {
        RawEntry e = only("@book{k, title = {The {\\sc {CONNIVER}}\n\t  Manual}  }");
        assertEquals(Optional.of("The {\\sc {CONNIVER}} Manual"), e.value("title"));
    }

    @Test
    void commentsPreamblesAndFreeTextAreIgnored() {
        List<RawEntry> entries = scan("""
                % This file was created with JabRef 2.10.
                Some free text, even an email: someone@example.org
                @Comment{jabref-meta: groupsversion:3;}
                @PREAMBLE{ "\\newcommand{\\noopsort}[1]{}" # "\\makeatletter" }
                @comment this line is a comment too
                @article{a, title = {A}}
                sdjfdsbhfuwefwiuqhfer}}}
                @article{b, title = {B},}
                """);
        assertEquals(List.of("a", "b"), entries.stream().map(RawEntry::key).toList());
        assertEquals(List.of(0, 1), entries.stream().map(RawEntry::position).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void percentInsideAValueIsText() {
        assertEquals(Optional.of("about 50% of 100\\% cases"), only("@misc{k, abstract = {about 50% of 100\\% cases}}")
                .value("abstract"));
    }

    @Test
    void missingKeyIsAnErrorWithLineAndColumn() {
        List<RawEntry> entries = scan("@article{a, title={A}}\n@article{\n  title = {No key},\n}\n@article{c, title={C}}\n");
        assertEquals(List.of("a", "c"), entries.stream().map(RawEntry::key).toList());
        assertEquals(1, errors().size());
        ImportProblem error = errors().getFirst();
        assertEquals(3, error.line());
        assertEquals(3, error.column());
        assertTrue(error.message().contains("no citation key"), error.message());
    }

    @Test
    void unbalancedBraceIsReportedWhereItOpensAndReadingResumesAtTheNextEntry() {
        List<RawEntry> entries = scan("""
                @article{a, title = {A}}
                @article{broken,
                  title = {The {\\sc CONNIVER Reference Manual},
                  year = 1972
                }
                @article{c, title = {C}}
                """);
        assertEquals(List.of("a", "c"), entries.stream().map(RawEntry::key).toList());
        assertEquals(1, errors().size(), problems::toString);
        ImportProblem error = errors().getFirst();
        // the brace of {\\sc is closed by the one meant for the value, so the value's own brace is the one left open
        assertEquals(3, error.line());
        assertEquals(11, error.column());
        assertTrue(error.message().startsWith("unbalanced braces"), error.message());
        assertTrue(error.message().contains("line 4"), error.message());
    }

    @Test
    void unclosedEntryIsReportedAtItsStart() {
        List<RawEntry> entries = scan("@article{a, title = {A},\n\n@article{b, title = {B}}\n");
        assertEquals(List.of("b"), entries.stream().map(RawEntry::key).toList());
        ImportProblem error = errors().getFirst();
        assertEquals(1, error.line());
        assertEquals(1, error.column());
        assertTrue(error.message().contains("@article{a is not closed"), error.message());
    }

    @Test
    void endOfFileInsideAValueIsAnError() {
        List<RawEntry> entries = scan("@article{a, title = {A}}\n@article{b, title = {B");
        assertEquals(List.of("a"), entries.stream().map(RawEntry::key).toList());
        assertEquals(2, errors().getFirst().line());
        assertEquals(21, errors().getFirst().column());
    }

    @Test
    void garbageWhereAFieldShouldBeResynchronisesAtTheNextLineStartingWithAt() {
        List<RawEntry> entries = scan("@article{a, title = {A}, {bad} = 1, year = 2}\nnot an @entry{here\n"
                + "  @book{b, title = {B}}\n");
        assertEquals(List.of("b"), entries.stream().map(RawEntry::key).toList());
        assertEquals(1, errors().size());
        assertEquals(1, errors().getFirst().line());
        assertEquals(26, errors().getFirst().column());
    }

    @Test
    void missingCommaBetweenFieldsIsOnlyAWarning() {
        List<RawEntry> entries = scan("@article{a,\n title = {A}\n year = 2020\n}");
        assertEquals(Optional.of("2020"), entries.getFirst().value("year"));
        assertEquals(1, problems.size());
        assertEquals(Severity.WARNING, problems.getFirst().severity());
        assertEquals(3, problems.getFirst().line());
    }

    @Test
    void duplicateFieldKeepsTheFirstWithAWarning() {
        List<RawEntry> entries = scan("@article{a, title = {First}, Title = {Second}}");
        assertEquals(Optional.of("First"), entries.getFirst().value("title"));
        assertEquals(Severity.WARNING, problems.getFirst().severity());
    }

    @Test
    void skimmedEntriesOnlyGiveCrossrefAndXdata() throws IOException {
        BibtexScanner scanner = new BibtexScanner(new StringReader(
                "@inproceedings{p, title = {Paper}, crossref = {proc}}\n@proceedings{proc, title = {Volume}}"),
                "t.bib", problems::add, key -> key.equals("proc"));
        RawEntry paper = scanner.next();
        RawEntry volume = scanner.next();
        assertEquals(List.of("crossref"), paper.fields().stream().map(RawEntry.Field::name).toList());
        assertEquals(Optional.of("Volume"), volume.value("title"));
    }

    @Test
    void valuesAcrossBufferBoundariesAreWhole() {
        String title = "x".repeat(70_000) + " {y} " + "z".repeat(70_000);
        RawEntry e = only("@misc{k, title = {" + title + "}}");
        assertEquals(Optional.of(title), e.value("title"));
    }

    @Test
    void readsFromAReaderThatGivesOneCharacterAtATime() {
        String text = "@article{a, title = {A {B} C}, year = 2020}\n@article{b,\n title = \"Q\"}\n";
        Reader trickle = new Reader() {
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (at >= text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(at++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        List<RawEntry> entries = scan(trickle);
        assertEquals(List.of("a", "b"), entries.stream().map(RawEntry::key).toList());
        assertEquals(Optional.of("A {B} C"), entries.getFirst().value("title"));
        assertEquals(Optional.of("Q"), entries.get(1).value("title"));
        assertEquals(2, entries.get(1).line());
    }
}
