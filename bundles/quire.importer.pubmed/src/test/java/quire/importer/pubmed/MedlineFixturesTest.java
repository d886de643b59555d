package quire.importer.pubmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The real MEDLINE files in src/test/resources/fixtures (from JabRef's test data). */
class MedlineFixturesTest {

    private final MedlineImporter importer = new MedlineImporter();

    @Test
    void nbibFromPubmed() throws IOException {
        CollectingSink sink = Imports.run(importer, Imports.fixture("jabref_NbibImporterTest.nbib"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        Reference r = sink.references.getFirst();
        assertEquals("Proteomics: A new perspective for cancer.", r.title());
        assertEquals(Optional.of("27169098"), r.pmid());
        assertEquals(Optional.of("10.4103/2277-9175.180636"), r.doi());
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals(List.of(Person.of("Shruthi", "Basavaradhya Sahukar"), Person.of("Vinodhkumar", "Palani"),
                Person.of("Selvamani", ""), Person.institution("corporater")), r.authors());
        // DA and DEP are YYYYMMDD bookkeeping dates; DP says only the year
        assertEquals(Optional.of(IssuedDate.ofYear(2016)), r.issued());
        assertEquals(Optional.of("Advanced biomedical research"), r.venue());
        assertEquals(Optional.of("Adv Biomed Res"), r.field("venueAbbreviation"));
        assertEquals(Optional.of("5"), r.volume());
        assertEquals(Optional.of("67"), r.pages());
        assertEquals(Optional.of("some things will be described Copyright 2015 Tschechlov Press."), r.abstractText());
        assertEquals(List.of("Biomarkers", "electrophoresis", "neoplasia", "spectrometry", "translation"),
                r.keywords());
        assertEquals(Optional.of("2277-9175"), r.field("issn"));
        assertEquals(Optional.of("Journal Article; Review"), r.field("publicationTypes"));
        assertEquals(Optional.of("eng"), r.field("language"));
        assertEquals(Optional.of("ABR-5-67"), r.field("pii"));
        assertEquals(Optional.of("978-3-86680-192-9"), r.field("isbn"));
        // continuation lines joined with one space
        assertTrue(r.field("affiliations").orElseThrow().startsWith("Department of Oral and Maxillofacial "
                + "Pathology and Microbiology, Vishnu Dental College, Vishnupur,"), r.field("affiliations").get());
        assertEquals(Optional.of("PubMed"), r.provenance().getFirst().database());
    }

    /**
     * JabRef's MedlinePlainImporterTest expects 7 entries from this file: 5 records that start with PMID and two
     * without one (one starting with PMC, one with PMCR), after a stray line that is skipped.
     */
    @Test
    void multipleEntriesFromJabRef() throws IOException {
        CollectingSink sink = Imports.run(importer, Imports.fixture("jabref_MedlinePlainImporterTestMultipleEntries.txt"));
        List<Reference> refs = sink.references;
        assertEquals(7, refs.size());
        assertEquals(List.of(), sink.errors());
        // the stray line, and five records without any title
        assertEquals(List.of(53, 55, 87, 91, 95, 99), sink.warnings().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(1, 55, 77, 87, 91, 95, 99),
                refs.stream().map(r -> r.provenance().getFirst().line()).toList());

        Reference first = refs.get(0);
        assertEquals(ReferenceType.ARTICLE, first.type());
        assertEquals("From danger and motherhood to health and beauty: health advice for the factory girl in early "
                + "twentieth-century Britain.", first.title());
        assertEquals(List.of(Person.of("Long", "Vicky"), Person.of("Marland", "Hilary")), first.authors());
        assertEquals(Optional.of(IssuedDate.ofYear(2009)), first.issued());
        assertEquals(Optional.of("454-81"), first.pages());
        assertEquals(Optional.of("4"), first.issue());
        assertEquals(Optional.of("0955-2359"), first.field("issn"));
        assertEquals(Optional.of("PMC4513071"), first.field("pmcid"));
        assertEquals(10, first.keywords().size());
        assertEquals("Women, Working/history/psychology", first.keywords().getLast());

        Reference conference = refs.get(1);
        assertEquals(ReferenceType.CONFERENCE_PAPER, conference.type());
        assertEquals("", conference.title());
        assertEquals(List.of(), conference.authors());
        assertEquals(Optional.of(IssuedDate.ofDay(2013, 6, 10)), conference.issued());
        assertEquals(Optional.of("Old Abstract new abstract"), conference.abstractText());
        assertEquals(Optional.of("Some Editor; Some test data"), conference.field("editors"));

        Reference book = refs.get(2);
        assertEquals(ReferenceType.BOOK, book.type());
        assertEquals("This is a Testtitle: This title should be appended: This title should also be appended. "
                + "Another append to the Title? LastTitle", book.title());
        assertEquals(Optional.of(IssuedDate.ofMonth(2010, 6)), book.issued());
        assertEquals(Optional.of("TestBookTitle"), book.field("collectionTitle"));

        assertEquals(ReferenceType.REPORT, refs.get(3).type());
        assertEquals(Optional.of("10.1016/j.cpr.2005.02.002"), refs.get(3).doi());
        assertEquals(Optional.of("Inproceedings book title"), refs.get(4).venue());
        assertEquals(List.of("Female"), refs.get(5).keywords());
        assertEquals(ReferenceType.OTHER, refs.get(6).type());
        assertEquals(List.of(Optional.of("20481061"), Optional.empty(), Optional.empty(), Optional.of("22664220"),
                Optional.of("22664238"), Optional.of("96578310"), Optional.of("45984220")),
                refs.stream().map(Reference::pmid).toList());
    }
}
