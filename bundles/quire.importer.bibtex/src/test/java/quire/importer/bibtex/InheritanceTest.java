package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportProblem.Severity;
import quire.api.model.IssuedDate;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class InheritanceTest {

    private static final String PROCEEDINGS = """
            @proceedings{icml2020,
              title = {Proceedings of the 37th {ICML}},
              editor = {Daumé, Hal},
              publisher = {PMLR},
              year = {2020}, month = jul,
              doi = {10.5555/volume},
              series = {PMLR}
            }
            """;

    private static final String PAPER = """
            @inproceedings{paper,
              author = {Doe, Jane},
              title = {A Paper},
              pages = {1--10},
              crossref = {ICML2020}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void parentAfterChildAsBibtexWantsIt() {
        check(Bib.read(dir, "after.bib", PAPER + PROCEEDINGS), 0);
    }

    @Test
    void parentBeforeChildAsBiblatexAllows() {
        check(Bib.read(dir, "before.bib", PROCEEDINGS + PAPER), 1);
    }

    private static void check(CollectingSink sink, int paperIndex) {
        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.references.size());
        Reference paper = sink.references.get(paperIndex);
        assertEquals("A Paper", paper.title());
        assertEquals(ReferenceType.CONFERENCE_PAPER, paper.type());
        // the parent's title is the child's booktitle, and so its venue
        assertEquals(Optional.of("Proceedings of the 37th ICML"), paper.venue());
        assertEquals(Optional.of(IssuedDate.ofMonth(2020, 7)), paper.issued());
        assertEquals(Optional.of("PMLR"), paper.field("publisher"));
        assertEquals(Optional.of("PMLR"), paper.field("series"));
        assertEquals(Optional.of("Daumé, Hal"), paper.field("editor"));
        assertEquals(Optional.of("1-10"), paper.pages());
        assertEquals(Optional.of("ICML2020"), paper.field("crossref"));
        // the volume's DOI is the volume's: inheriting it would make every paper a duplicate of the others
        assertEquals(Optional.empty(), paper.doi());
        Reference volume = sink.references.get(1 - paperIndex);
        assertEquals(ReferenceType.BOOK, volume.type());
        assertEquals(Optional.of("10.5555/volume"), volume.doi());
    }

    @Test
    void xdataEntriesLendFieldsAndAreNotReferences() {
        CollectingSink sink = Bib.read(dir, "xdata.bib", """
                @article{a, title = {A}, xdata = {acm, y2019}}
                @xdata{acm, publisher = {ACM}, location = {New York}, journaltitle = {CACM}}
                @xdata{y2019, year = {2019}}
                @article{b, title = {B}, journaltitle = {Own}, xdata = {acm}}
                """);
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("A", "B"), sink.references.stream().map(Reference::title).toList());
        Reference a = sink.references.getFirst();
        assertEquals(Optional.of("CACM"), a.venue());
        assertEquals(Optional.of(IssuedDate.ofYear(2019)), a.issued());
        assertEquals(Optional.of("New York"), a.field("location"));
        assertEquals(Optional.of("Own"), sink.references.get(1).venue());
        assertEquals(List.of(0, 3), sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
    }

    @Test
    void chainedCrossrefsAndArticlesInPeriodicals() {
        CollectingSink sink = Bib.read(dir, "chain.bib", """
                @article{art, title = {Art}, crossref = {issue}}
                @periodical{issue, title = {Journal of Tests}, crossref = {series}}
                @misc{series, publisher = {Series Press}, year = 1999}
                """);
        assertEquals(List.of(), sink.problems);
        Reference art = sink.references.getFirst();
        assertEquals(Optional.of("Journal of Tests"), art.venue());
        assertEquals(Optional.of("Series Press"), art.field("publisher"));
        assertEquals(Optional.of(IssuedDate.ofYear(1999)), art.issued());
    }

    @Test
    void missingParentOrCycleIsAWarningAndTheEntryIsKept() {
        CollectingSink sink = Bib.read(dir, "missing.bib", """
                @inproceedings{a, title = {A}, crossref = {nowhere}}
                @inproceedings{b, title = {B}, crossref = {c}}
                @proceedings{c, title = {C}, crossref = {b}}
                """);
        assertEquals(3, sink.references.size());
        assertEquals(List.of(), sink.errors());
        assertTrue(sink.warnings().getFirst().message().contains("nowhere"));
        assertEquals(1, sink.warnings().getFirst().line());
        assertEquals(Optional.of("C"), sink.references.get(1).venue());
        assertTrue(sink.warnings().size() >= 2, sink.warnings()::toString);
        assertEquals(Severity.WARNING, sink.warnings().get(1).severity());
    }
}
