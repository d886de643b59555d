package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The real-world files in src/test/resources/fixtures (see the README there for where they come from). */
class FixturesTest {

    static final List<String> FIXTURES = List.of("jabref_bibWithMixedContent.bib",
            "bbt_import_percent-sign-and-preamble_95_96.bib", "bbt_import_literal-names.bib",
            "bbt_import_round-paren-delimiters_871.bib", "bbt_import_math-markup_472.bib");

    @Test
    void jabrefMixedContent() {
        // JabRef's own test expects one entry: the garbage after it is a comment, not an error
        CollectingSink sink = Bib.read(Bib.fixture("jabref_bibWithMixedContent.bib"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        Reference r = sink.references.getFirst();
        assertEquals(ReferenceType.CONFERENCE_PAPER, r.type());
        assertEquals("From the Resource to the Business Process Risk Level", r.title());
        assertEquals(List.of(Person.of("Fenz", "Stefan")), r.authors());
        assertEquals(Optional.of("Proceedings of the South African Information Security Multi-Conference (SAISMC'2010)"),
                r.venue());
        assertEquals(Optional.of(IssuedDate.ofMonth(2010, 1)), r.issued());
        assertEquals(Optional.of("100-109"), r.pages());
        assertEquals(Optional.of(":Fen2010 - From the Resource to the Business Process Risk Level.pdf:PDF"),
                r.field("file"));
        assertEquals(Optional.of("fenz2010resource.pdf"), r.field("pdf"));
        assertEquals(List.of("AirSec"), r.keywords());
        assertEquals(Optional.of("Fen2010"), r.field("citationKey"));
    }

    @Test
    void percentSignAndPreamble() {
        CollectingSink sink = Bib.read(Bib.fixture("bbt_import_percent-sign-and-preamble_95_96.bib"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        Reference r = sink.references.getFirst();
        assertEquals(List.of(Person.of("Akhavan", "O."), Person.of("Tohidi", "H."), Person.of("Moshfegh", "A. Z.")),
                r.authors());
        assertEquals(Optional.of("Thin Solid Films"), r.venue());
        assertEquals(Optional.of("6700-6706"), r.pages());
        assertEquals(Optional.of("10.1016/j.tsf.2009.05.016"), r.doi());
        String abstractText = r.abstractText().orElseThrow();
        // the bare % is text, not a comment that would eat the rest of the line
        assertTrue(abstractText.contains("reduction of about 50% in a narrow wavelength range"), abstractText);
        // the file's own mojibake (a thin space encoded twice) is kept as it is: it is what the file says
        assertTrue(abstractText.endsWith("from 2.2% and 0.8\u00C2nm to 51% and 21\u00C2nm, respectively."),
                abstractText);
        assertEquals(List.of("Copper oxides", "Nanoparticles", "Sol-gel deposition", "Optical properties",
                "Band-gap energy", "Electrochromic properties"), r.keywords());
        assertEquals(7, r.provenance().getFirst().line());
        assertEquals(Optional.of("Francesco"), r.field("owner"));
    }

    @Test
    void literalNames() {
        CollectingSink sink = Bib.read(Bib.fixture("bbt_import_literal-names.bib"));
        assertEquals(List.of(), sink.problems);
        Reference r = sink.references.getFirst();
        assertEquals(20, r.authors().size());
        assertEquals(Person.of("Sasson", "Comilla"), r.authors().getFirst());
        assertEquals(Person.of("Rea", "Thomas D"), r.authors().get(14));
        assertEquals(List.of(
                Person.institution("American Heart Association Council on Quality of Care and Outcomes Research"),
                Person.institution("Emergency Cardiovascular Care Committee"),
                Person.institution("Council on Cardiopulmonary, Critical Care, Perioperative and Resuscitation"),
                Person.institution("Council on Clinical Cardiology"),
                Person.institution("Council on Cardiovascular Surgery and Anesthesia")), r.authors().subList(15, 20));
        assertEquals(Optional.of(IssuedDate.ofMonth(2013, 3)), r.issued());
        assertEquals(Optional.of("23439512"), r.pmid());
        assertEquals(Optional.of("10.1161/cir.0b013e318288b4dd"), r.doi());
        assertEquals(Optional.of("1342-1350"), r.pages());
        assertEquals(10, r.keywords().size());
        assertEquals(Optional.of("eng"), r.field("language"));
    }

    @Test
    void roundParenDelimiters() {
        CollectingSink sink = Bib.read(Bib.fixture("bbt_import_round-paren-delimiters_871.bib"));
        assertEquals(List.of(), sink.problems);
        Reference r = sink.references.getFirst();
        assertEquals(ReferenceType.REPORT, r.type());
        assertEquals("The CONNIVER Reference Manual", r.title());
        assertEquals(Optional.of("CONNIVER"), r.field("protectedWords"));
        assertEquals(List.of(Person.of("McDermott", "Drew V."), Person.of("Sussman", "Gerald J.")), r.authors());
        assertEquals(Optional.of(IssuedDate.ofMonth(1972, 5)), r.issued());
        assertEquals(Optional.of("MIT Artificial Intelligence Laboratory"), r.venue());
        assertEquals(Optional.of("McDermott:72"), r.field("citationKey"));
    }

    @Test
    void mathMarkup() {
        CollectingSink sink = Bib.read(Bib.fixture("bbt_import_math-markup_472.bib"));
        assertEquals(2, sink.references.size());
        assertEquals(List.of(), sink.errors());
        // IEEE_J_PROC comes from IEEE's IEEEabrv.bib, which this file does not include
        assertEquals(2, sink.warnings().size());
        ImportProblem warning = sink.warnings().getFirst();
        assertEquals(4, warning.line());
        assertEquals(30, warning.column());
        assertTrue(warning.message().contains("IEEE_J_PROC"));
        Reference first = sink.references.getFirst();
        assertEquals("Test Title With 100\u00A0μJ, 200 μJ Energy, and ±0.1% Accuracy, 0.2 mm² Size, and -50 dB "
                + "Attenuation", first.title());
        assertEquals(Optional.of("IEEE_J_PROC"), first.venue());
        assertEquals(Optional.of(IssuedDate.ofMonth(2016, 2)), first.issued());
        assertEquals(List.of("Keyword 1", "Keyword 2"), first.keywords());
        assertEquals(Optional.of("10.1109/jproc.2016.2526118"), first.doi());
        Reference second = sink.references.get(1);
        assertEquals("Test Title with space quad, space semi-colon, space colon, space comma, space\u00A0nbsp",
                second.title());
        assertEquals(Optional.of("Test,Title"), second.field("protectedWords"));
        assertEquals(14, second.provenance().getFirst().line());
        assertEquals(1, second.provenance().getFirst().position());
    }
}
