package quire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class MergingTest {

    private static final Reference SCOPUS = Reference.builder().id("s1").type(ReferenceType.ARTICLE)
            .title("EFFECTS OF &#946;-BLOCKERS ON MORTALITY").authors(List.of(Person.of("Muller", "H.")))
            .authorsTruncated(true).issued(IssuedDate.ofYear(2020)).venue("J Am Med Assoc").volume("12")
            .pages("123-9").doi("10.1000/x").keyword("Beta blockers").tag("to read")
            .field("screeningLabel", "include")
            .provenance(Provenance.of("scopus.ris", "ris", 3, 20).fromDatabase("Scopus")).build();
    private static final Reference PUBMED = Reference.builder().id("p1").type(ReferenceType.ARTICLE)
            .title("Effects of β-blockers on mortality")
            .authors(List.of(Person.of("Müller", "Hans"), Person.of("Smith", "Jane")))
            .issued(IssuedDate.ofMonth(2020, 5)).venue("Journal of the American Medical Association")
            .pages("123-129").pmid("123456").abstractText("We studied beta blockers.").keyword("beta blockers")
            .keyword("mortality").field("pmcid", "PMC1")
            .provenance(Provenance.of("pubmed.nbib", "medline", 0, 1).fromDatabase("PubMed")).build();

    @Test
    void theSurvivorTakesTheBestOfEachField() {
        Reference merged = Merging.merge(List.of(SCOPUS, PUBMED));
        assertEquals("s1", merged.id());
        assertEquals("Effects of β-blockers on mortality", merged.title(), "mixed case, no entities");
        assertEquals(PUBMED.authors(), merged.authors(), "the full list with full names");
        assertEquals(false, merged.authorsTruncated());
        assertEquals(IssuedDate.ofMonth(2020, 5), merged.issued().orElseThrow(), "the more precise date");
        assertEquals("Journal of the American Medical Association", merged.venue().orElseThrow());
        assertEquals("J Am Med Assoc", merged.field("venueAbbreviation").orElseThrow());
        assertEquals("123-129", merged.pages().orElseThrow());
        assertEquals("10.1000/x", merged.doi().orElseThrow());
        assertEquals("123456", merged.pmid().orElseThrow());
        assertEquals("12", merged.volume().orElseThrow());
        assertEquals(List.of("Beta blockers", "mortality"), merged.keywords());
        assertEquals(List.of("to read"), merged.tags());
        assertEquals("include", merged.field("screeningLabel").orElseThrow());
        assertEquals("PMC1", merged.field("pmcid").orElseThrow());
        assertEquals(List.of(SCOPUS.provenance().get(0), PUBMED.provenance().get(0)), merged.provenance());
    }

    @Test
    void mergingCopiesOfOneRecordChangesOnlyTheProvenance() {
        Reference again = PUBMED.toBuilder().id("p2")
                .provenance(List.of(Provenance.of("pubmed (1).nbib", "medline", 0, 1))).build();
        Reference merged = Merging.merge(List.of(PUBMED, again));
        assertEquals(PUBMED.toBuilder().provenance(List.of(PUBMED.provenance().get(0), again.provenance().get(0)))
                .build(), merged);
    }
}
