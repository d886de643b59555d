package quire.importer.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The real files of src/test/resources/fixtures, written by JabRef's and ASReview's users' tools. */
class RisFixturesTest {

    static Path fixture(String name) {
        return Path.of(System.getProperty("user.dir"), "src/test/resources/fixtures", name);
    }

    @Test
    void scopusExportInFull() throws IOException {
        CollectingSink sink = CollectingSink.read(fixture("jabref_RisImporterTestScopus.ris"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        Reference r = sink.references.getFirst();
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals("A transversely isotropic composite with a statistical distribution of spheroidal inclusions: "
                + "A geometrical approach to overall properties", r.title());
        assertEquals(List.of(Person.of("Federico", "S."), Person.of("Grillo", "A."), Person.of("Herzog", "W.")),
                r.authors());
        assertEquals(Optional.of("Journal of the Mechanics and Physics of Solids"), r.venue());
        assertEquals(Optional.of("52"), r.volume());
        assertEquals(Optional.of("10"), r.issue());
        assertEquals(Optional.of("2309-2327"), r.pages());
        assertEquals(Optional.of(IssuedDate.ofYear(2004)), r.issued());
        assertEquals(Optional.of("10.1016/j.jmps.2004.03.010"), r.doi());
        assertEquals(List.of("Composite", "Inclusions", "Statistical distribution", "Transverse isotropy"),
                r.keywords());
        assertEquals(Optional.of("Cited By :44\nExport Date: 1 April 2016"), r.field("note"));
        String addresses = r.field("addresses").orElseThrow();
        assertEquals(3, addresses.lines().count());
        assertTrue(addresses.startsWith("Dipto. di Ingegneria Industriale, Facoltà di Ingegneria"), addresses);
        assertEquals(Optional.of("Article"), r.field("typeOfWork"));
        assertTrue(r.url().orElseThrow().startsWith("http://www.scopus.com/inward/record.url?eid=2-s2.0-4544289390"));
        assertEquals(Provenance.of("jabref_RisImporterTestScopus.ris", "ris", 0, 1).fromDatabase("Scopus"),
                r.provenance().getFirst());
    }

    @Test
    void corruptedFileWithBomBlankLineAndNoType() throws IOException {
        CollectingSink sink = CollectingSink.read(fixture("jabref_RisImporterCorrupted.ris"));
        assertEquals(1, sink.references.size());
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        ImportProblem warning = sink.warnings().getFirst();
        assertEquals(2, warning.line());
        assertTrue(warning.message().contains("no TY"), warning.message());
        Reference r = sink.references.getFirst();
        assertEquals(ReferenceType.OTHER, r.type());
        assertEquals("Editorial: Open Source and Empirical Software Engineering", r.title());
        assertEquals(Optional.of("Empirical Software Engineering"), r.venue());
        assertEquals(List.of(Person.of("Harrison", "Warren")), r.authors());
        assertEquals(Optional.of(IssuedDate.ofDay(2001, 9, 1)), r.issued());
        assertEquals(Optional.of("193-194"), r.pages());
        // the DOI is only in the doi.org link
        assertEquals(Optional.of("10.1023/a:1017379030770"), r.doi());
        assertEquals(Optional.of("http://dx.doi.org/10.1023/A:1017379030770"), r.url());
        assertEquals(2, r.provenance().getFirst().line());
    }

    @Test
    void scopusExportWithContinuationLines() throws IOException {
        CollectingSink sink = CollectingSink.read(fixture("asreview_scopus_ris_issue_1099.ris"));
        assertEquals(List.of(), sink.problems);
        List<Reference> refs = sink.references;
        assertEquals(7, refs.size());
        assertEquals(List.of(ReferenceType.ARTICLE, ReferenceType.BOOK, ReferenceType.ARTICLE,
                ReferenceType.PREPRINT, ReferenceType.OTHER, ReferenceType.ARTICLE, ReferenceType.ARTICLE),
                refs.stream().map(Reference::type).toList());
        // the TY lines of the seven records
        List<Integer> starts = List.of(1, 31, 61, 80, 99, 110, 126);
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(i, refs.get(i).provenance().getFirst().position());
            assertEquals(starts.get(i), refs.get(i).provenance().getFirst().line());
            assertFalse(refs.get(i).title().isEmpty());
        }

        Reference first = refs.getFirst();
        assertEquals("Design and prototyping of directly driven outer rotor permanent magnet generator for small "
                + "scale wind turbines", first.title());
        assertEquals(5, first.authors().size());
        assertEquals(Optional.of("Advances in Electrical and Electronic Engineering"), first.venue());
        assertEquals(Optional.of("Adv. Electr. Electron. Eng."), first.field("venueAbbreviation"));
        // untagged lines belong to U3
        assertEquals(Optional.of("Cited By :9\nExport Date: 12 May 2022\nArticle"), first.field("risU3"));
        assertEquals(Optional.of("1336-1376"), first.field("issn"));
        assertEquals(Optional.of("English"), first.field("language"));
        assertEquals(Optional.of("10.15598/aeee.v16i3.2698"), first.doi());
        assertEquals(Optional.of("271-278"), first.pages());
        assertEquals(Optional.of("Scopus"), first.provenance().getFirst().database());

        Reference book = refs.get(1);
        assertEquals(Person.of("van Acker", "B."), book.authors().getFirst());
        assertEquals(Optional.of("Babur O.; Denil J.; Vogel-Heuser B."), book.field("editors"));
        assertTrue(book.field("risU3").orElseThrow().endsWith(
                "Correspondence Address: Van Acker, B.; 2020 Antwerp, Belgium; email: Bert.VanAcker@uantwerpen.be"));
        assertEquals(Optional.of("1262 CCIS"), book.volume());
        assertEquals(Optional.of("82"), book.pages());

        Reference noDatabase = refs.get(2);
        assertEquals(Person.of("van de Straete", "H. J."), noDatabase.authors().getFirst());
        assertEquals(Optional.empty(), noDatabase.provenance().getFirst().database());

        Reference preprint = refs.get(3);
        assertEquals(Optional.of("2111.09920"), preprint.arxivId());
        assertEquals(Optional.of("arXiv: Robotics"), preprint.venue());
        assertEquals(Optional.of("https://lens.org/190-777-589-117-351"), preprint.url());
        assertEquals(6, preprint.field("links").orElseThrow().lines().count());

        Reference last = refs.getLast();
        assertEquals(Optional.of("Universidad Simón Bolívar, Caracas, Venezuela\n"
                + "Departamento de Electrónica Y Circuitos, Universidad Simón Bolívar, Caracas, Venezuela\n"
                + "Departamento de Procesos Y Sistemas, Universidad Simón Bolívar, Caracas, Venezuela"),
                last.field("addresses"));
        assertEquals(Optional.of("Spanish"), last.field("language"));
    }

    @Test
    void faultyYearIsAWarningAndTheRecordIsKept() throws IOException {
        CollectingSink sink = CollectingSink.read(fixture("asreview_faulty_year.ris"));
        assertEquals(1, sink.references.size());
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.warnings().size());
        assertEquals(3, sink.warnings().getFirst().line());
        assertTrue(sink.warnings().getFirst().message().contains("PY \"10 15\""));
        Reference r = sink.references.getFirst();
        assertEquals(Optional.empty(), r.issued());
        assertEquals(List.of(), r.authors());
        assertTrue(r.title().startsWith("The Value of Radiologic Interventions and 18 F-DOPA PET"));
        assertTrue(r.abstractText().orElseThrow().endsWith("requiring surgery for this disease."));
    }

    @Test
    void fixturesAreRecognised() throws IOException {
        RisImporter importer = new RisImporter();
        for (String name : List.of("jabref_RisImporterTestScopus.ris", "jabref_RisImporterCorrupted.ris",
                "asreview_scopus_ris_issue_1099.ris", "asreview_faulty_year.ris")) {
            String text = Files.readString(fixture(name), StandardCharsets.UTF_8);
            String head = text.substring(text.startsWith("\uFEFF") ? 1 : 0, Math.min(text.length(), 8192));
            assertTrue(importer.recognises(name, head), name);
        }
    }
}
