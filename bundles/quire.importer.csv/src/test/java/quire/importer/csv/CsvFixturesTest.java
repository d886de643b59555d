package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The real tables of src/test/resources: ASReview's Embase export and the SYNERGY data set Donners 2021. */
class CsvFixturesTest {

    static Path resource(String name) {
        return Path.of(System.getProperty("user.dir"), "src/test/resources", name);
    }

    @Test
    void embaseExport() throws IOException {
        CollectingSink sink = CollectingSink.read(resource("fixtures/asreview_embase.csv"));
        assertEquals(List.of(), sink.problems);
        List<Reference> refs = sink.references;
        assertEquals(6, refs.size());

        Reference first = refs.getFirst();
        assertEquals("Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound", first.title());
        assertEquals(List.of(Person.of("Liu", "R."), Person.of("Adler", "D.G.")), first.authors());
        assertEquals(Optional.of("Endoscopic Ultrasound"), first.venue());
        assertEquals(Optional.of(IssuedDate.ofYear(2014)), first.issued());
        assertEquals(Optional.of("3"), first.volume());
        assertEquals(Optional.of("3"), first.issue());
        assertEquals(Optional.of("152-160"), first.pages());
        // the DOI is only in the link resolver's address: id=doi:10.4103%2F2303-9027.138783
        assertEquals(Optional.of("10.4103/2303-9027.138783"), first.doi());
        assertTrue(first.url().orElseThrow().startsWith("http://sfx.library.uu.nl/utrecht?sid=EMBASE"));
        assertTrue(first.keywords().contains("gastrointestinal tract duplication cyst (diagnosis)"));
        assertTrue(first.keywords().contains("bronchogenic duplication cyst (diagnosis, surgery)"));
        assertEquals(first.keywords().size(), first.keywords().stream().distinct().count());
        assertTrue(first.field("correspondenceAddress").orElseThrow().startsWith("D.G. Adler, Department"));
        assertEquals(Provenance.of("asreview_embase.csv", "csv", 0, 2).fromDatabase("Embase"),
                first.provenance().getFirst());

        assertEquals(List.of(IssuedDate.ofYear(2014), IssuedDate.ofDay(2004, 8, 25), IssuedDate.ofDay(2019, 1, 1),
                IssuedDate.ofDay(2018, 12, 1), IssuedDate.ofDay(2011, 1, 7), IssuedDate.ofDay(2017, 3, 1)),
                refs.stream().map(r -> r.issued().orElseThrow()).toList());
        Reference third = refs.get(2);
        assertEquals(12, third.authors().size());
        assertEquals(Optional.of("54"), third.volume());
        assertEquals(Optional.empty(), third.issue());
        assertEquals(Optional.of("83-86"), third.pages());
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(i + 2, refs.get(i).provenance().getFirst().line());
            assertEquals(ReferenceType.OTHER, refs.get(i).type());
            assertTrue(refs.get(i).abstractText().isPresent());
            assertTrue(refs.get(i).doi().isPresent(), refs.get(i).title());
        }
    }

    @Test
    void synergyDonners2021() throws IOException {
        CollectingSink sink = CollectingSink.read(resource("synergy/Donners_2021.csv"));
        List<Reference> refs = sink.references;
        assertEquals(258, refs.size());
        assertEquals(15, refs.stream().filter(r -> r.field("screeningLabel").equals(Optional.of("include"))).count());
        assertEquals(243, refs.stream().filter(r -> r.field("screeningLabel").equals(Optional.of("exclude"))).count());
        assertEquals(List.of(), sink.errors());
        // one record has a DOI but no title
        assertEquals(1, sink.warnings().size());
        int untitled = refs.stream().filter(r -> r.title().isEmpty()).findFirst().orElseThrow()
                .provenance().getFirst().line();
        assertEquals(untitled, sink.warnings().getFirst().line());

        Reference first = refs.getFirst();
        assertEquals("Innovative Pharmacological Therapies for the Hemophilias Not Based on Deficient Factor "
                + "Replacement", first.title());
        assertEquals(Optional.of("10.1055/s-0036-1571310"), first.doi());
        assertEquals(Optional.of(IssuedDate.ofYear(2016)), first.issued());
        assertEquals(Optional.of("https://openalex.org/W2423293822"), first.field("openalexId"));
        assertEquals(Optional.empty(), first.provenance().getFirst().database());
        assertEquals(List.of(), first.authors());

        // row 232 spans two lines, so the row after it starts on line 235
        Reference twoLines = refs.get(231);
        assertEquals(233, twoLines.provenance().getFirst().line());
        assertTrue(twoLines.title().startsWith("The changing face of immune tolerance in"));
        assertEquals(235, refs.get(232).provenance().getFirst().line());
        assertEquals(256, refs.stream().filter(r -> r.doi().isPresent()).count());
    }

    @Test
    void fixturesAreRecognisedAsCsvNotTsv() throws IOException {
        for (String name : List.of("fixtures/asreview_embase.csv", "synergy/Donners_2021.csv")) {
            String head = Files.readString(resource(name), StandardCharsets.UTF_8).substring(0, 8192);
            assertTrue(new CsvImporter().recognises(name, head), name);
            assertTrue(!new TsvImporter().recognises(name, head), name);
        }
    }
}
