package quire.importer.csljson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class CslItemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Provenance AT = Provenance.of("x.json", "csl-json", 3, 7);

    private static CslItem read(String json) throws Exception {
        return CslItem.read(JSON.readTree(json.replace('\'', '"')), AT);
    }

    private static Reference reference(String json) throws Exception {
        CslItem item = read(json);
        assertEquals(Optional.empty(), item.error());
        return item.reference().orElseThrow();
    }

    @Test
    void namesWithParticlesSuffixesAndLiterals() throws Exception {
        Reference r = reference("{'title': 'T', 'author': ["
                + "{'family': 'Gogh', 'given': 'Vincent', 'non-dropping-particle': 'van'},"
                + "{'family': 'La Fontaine', 'given': 'Jean', 'dropping-particle': 'de'},"
                + "{'family': 'Alembert', 'given': 'Jean', 'non-dropping-particle': 'd\\u2019'},"
                + "{'family': 'King', 'given': 'Martin Luther', 'suffix': 'Jr.'},"
                + "{'literal': 'World Health Organization'},"
                + "{'given': 'Plato'}]}");
        assertEquals(List.of(Person.of("van Gogh", "Vincent"), Person.of("de La Fontaine", "Jean"),
                Person.of("d\u2019Alembert", "Jean"), Person.of("King Jr.", "Martin Luther"),
                Person.institution("World Health Organization"), Person.of("", "Plato")), r.authors());
        assertFalse(r.authorsTruncated());
    }

    @Test
    void etAlTruncatesAndEmptyNamesAreDroppedWithAWarning() throws Exception {
        CslItem item = read("{'title': 'T', 'author': [{'family': 'Doe', 'given': 'J.'}, {}, {'literal': 'et al.'}]}");
        Reference r = item.reference().orElseThrow();
        assertEquals(List.of(Person.of("Doe", "J.")), r.authors());
        assertTrue(r.authorsTruncated());
        assertEquals(List.of("1 of the authors had no name; dropped them"), item.warnings());
        assertTrue(reference("{'title': 'T', 'author': [{'family': 'others'}]}").authorsTruncated());
    }

    @ParameterizedTest
    @CsvSource({
            "article-journal, ARTICLE", "article, ARTICLE", "article-newspaper, ARTICLE",
            "paper-conference, CONFERENCE_PAPER", "chapter, CHAPTER", "book, BOOK", "thesis, THESIS",
            "report, REPORT", "webpage, WEBPAGE", "post-weblog, WEBPAGE", "dataset, DATASET",
            "software, SOFTWARE", "manuscript, OTHER", "legal_case, OTHER", "no-such-type, OTHER"})
    void types(String cslType, ReferenceType expected) throws Exception {
        Reference r = reference("{'title': 'T', 'type': '" + cslType + "'}");
        assertEquals(expected, r.type());
        assertEquals(Optional.of(cslType), r.field("cslType"));
    }

    @Test
    void missingTypeIsOther() throws Exception {
        assertEquals(ReferenceType.OTHER, reference("{'title': 'T'}").type());
    }

    @Test
    void preprints() throws Exception {
        // Zotero 6+ exports its preprint items as "article" with the arXiv id in "number"
        Reference zotero = reference("{'type': 'article', 'title': 'T', 'number': 'arXiv:2101.00001',"
                + " 'publisher': 'arXiv', 'DOI': '10.48550/arXiv.2101.00001'}");
        assertEquals(ReferenceType.PREPRINT, zotero.type());
        assertEquals(Optional.of("2101.00001"), zotero.arxivId());
        assertEquals(Optional.of("arXiv"), zotero.venue(), "the repository is the venue of a preprint");
        assertEquals(ReferenceType.PREPRINT, reference("{'type': 'article', 'title': 'T', 'genre': 'Preprint',"
                + " 'publisher': 'Research Square'}").type());
        assertEquals(ReferenceType.PREPRINT, reference("{'type': 'article', 'title': 'T', 'publisher': 'bioRxiv'}").type());
        // Google Scholar's BibTeX, converted: a journal article "in" arXiv
        assertEquals(ReferenceType.PREPRINT, reference("{'type': 'article-journal', 'title': 'T',"
                + " 'container-title': 'arXiv preprint arXiv:2101.00001'}").type());
        // a published article whose note mentions its arXiv version stays an article
        assertEquals(ReferenceType.ARTICLE, reference("{'type': 'article-journal', 'title': 'T',"
                + " 'container-title': 'Nature', 'note': 'arXiv: 2101.00001', 'source': 'arXiv.org'}").type());
    }

    @Test
    void identifiersFromTheirVariables() throws Exception {
        Reference r = reference("{'title': 'T', 'DOI': 'https://doi.org/10.1000/ABC', 'PMID': '0012345',"
                + " 'PMCID': 'PMC99', 'URL': 'https://example.org/x', 'ISSN': '1234-5678', 'ISBN': '978-3-16-148410-0'}");
        assertEquals(Optional.of("10.1000/abc"), r.doi());
        assertEquals(Optional.of("12345"), r.pmid());
        assertEquals(Optional.of("PMC99"), r.field("pmcid"));
        assertEquals(Optional.of("https://example.org/x"), r.url());
        assertEquals(Optional.of("1234-5678"), r.field("issn"));
        assertEquals(Optional.of("978-3-16-148410-0"), r.field("isbn"));
        assertEquals(Optional.of("10.1000/abc"), reference("{'title': 'T', 'doi': '10.1000/abc'}").doi(), "any case");
    }

    @Test
    void identifiersFromZoteroNote() throws Exception {
        Reference r = reference("{'title': 'T', 'note': 'PMID: 31234567\\nPMCID: PMC6543210\\n"
                + "arXiv: 2101.00001\\nCitation Key: doe2021\\ntex.foo: bar'}");
        assertEquals(Optional.of("31234567"), r.pmid());
        assertEquals(Optional.of("PMC6543210"), r.field("pmcid"));
        assertEquals(Optional.of("2101.00001"), r.arxivId());
        assertEquals(Optional.of("doe2021"), r.field("citationKey"));
        assertTrue(r.field("note").orElseThrow().contains("tex.foo: bar"));
        assertEquals(Optional.of("2101.00001"),
                reference("{'title': 'T', 'note': 'arXiv:2101.00001 [cs]'}").arxivId(), "Zotero's preprint form");
        assertEquals(Optional.of("hep-th/9901001"),
                reference("{'title': 'T', 'URL': 'http://arxiv.org/abs/hep-th/9901001v1'}").arxivId());
    }

    @Test
    void badIdentifiersAreDroppedWithAWarning() throws Exception {
        CslItem item = read("{'title': 'T', 'DOI': 'not a doi', 'PMID': 'n/a'}");
        Reference r = item.reference().orElseThrow();
        assertEquals(Optional.empty(), r.doi());
        assertEquals(Optional.empty(), r.pmid());
        assertEquals(2, item.warnings().size());
        assertTrue(item.warnings().getFirst().contains("not a doi"));
    }

    @Test
    void idAndCitationKey() throws Exception {
        assertEquals(Optional.of("smith2019a"), reference("{'title': 'T', 'id': 'smith2019a'}").field("citationKey"));
        Reference bbt = reference("{'title': 'T', 'id': 'http://zotero.org/users/1/items/ABCD2345',"
                + " 'citationKey': 'smith2019'}");
        assertEquals(Optional.of("smith2019"), bbt.field("citationKey"));
        assertEquals(Optional.of("http://zotero.org/users/1/items/ABCD2345"), bbt.field("cslId"));
        for (String id : new String[] {"ITEM-1", "ABCD2345", "12345/ABCD2345", "42"}) {
            Reference r = reference("{'title': 'T', 'id': '" + id + "'}");
            assertEquals(Optional.of(id), r.field("cslId"));
            assertEquals(Optional.empty(), r.field("citationKey"), id + " is not a BibTeX key");
        }
        assertEquals(Optional.of("7"), reference("{'title': 'T', 'id': 7}").field("cslId"));
    }

    @Test
    void venueVolumeIssuePagesAbstractKeywords() throws Exception {
        Reference r = reference("{'title': 'T', 'container-title': 'Journal of Tests', 'container-title-short':"
                + " 'J. Tests', 'volume': 12, 'issue': '3', 'page': '101-109', 'abstract': 'An abstract.',"
                + " 'keyword': 'screening, machine learning; reviews,,', 'publisher': 'ACME',"
                + " 'publisher-place': 'Berlin', 'archive': 'Some Archive', 'archive_location': 'Box 3'}");
        assertEquals(Optional.of("Journal of Tests"), r.venue());
        assertEquals(Optional.of("J. Tests"), r.field("venueAbbreviation"));
        assertEquals(Optional.of("12"), r.volume());
        assertEquals(Optional.of("3"), r.issue());
        assertEquals(Optional.of("101-109"), r.pages());
        assertEquals(Optional.of("An abstract."), r.abstractText());
        assertEquals(List.of("screening", "machine learning", "reviews"), r.keywords());
        assertEquals(Optional.of("ACME"), r.field("publisher"));
        assertEquals(Optional.of("Berlin"), r.field("publisherPlace"));
        assertEquals(Optional.of("Some Archive"), r.field("archive"));
        assertEquals(Optional.of("Box 3"), r.field("archiveLocation"));
        assertEquals(Optional.of("J. Tests"),
                reference("{'title': 'T', 'journalAbbreviation': 'J. Tests'}").field("venueAbbreviation"));
    }

    @Test
    void conferencePaperWithoutContainerTakesTheEvent() throws Exception {
        Reference r = reference("{'type': 'paper-conference', 'title': 'T', 'event-title': 'ACL 2024'}");
        assertEquals(Optional.of("ACL 2024"), r.venue());
        assertEquals(Optional.of("ACL 2024"), r.field("eventTitle"));
    }

    @Test
    void otherVariablesAreKeptInFields() throws Exception {
        Reference r = reference("{'title': 'T', 'editor': [{'family': 'Roe', 'given': 'R.'}, {'literal': 'ACME'}],"
                + " 'accessed': {'date-parts': [[2020, 1, 2]]}, 'language': 'en', 'custom': {'a': 1}, 'empty': ' '}");
        assertEquals(Optional.of("Roe, R.; ACME"), r.field("editor"));
        assertEquals(Optional.of("2020-01-02"), r.field("accessed"));
        assertEquals(Optional.of("en"), r.field("language"));
        assertFalse(r.field("custom").isPresent());
        assertFalse(r.field("empty").isPresent());
    }

    @Test
    void databaseFromZoteroLibraryCatalog() throws Exception {
        assertEquals(Optional.of("PubMed"), reference("{'title': 'T', 'source': 'PubMed'}").provenance().getFirst().database());
        assertEquals(Optional.of("Scopus"), reference("{'title': 'T', 'source': 'Scopus'}").provenance().getFirst().database());
        assertEquals(Optional.of("arXiv"), reference("{'title': 'T', 'source': 'arXiv.org'}").provenance().getFirst().database());
        Reference crossref = reference("{'title': 'T', 'source': 'DOI.org (Crossref)'}");
        assertEquals(Optional.empty(), crossref.provenance().getFirst().database());
        assertEquals(Optional.of("DOI.org (Crossref)"), crossref.field("source"));
        assertEquals(3, crossref.provenance().getFirst().position());
        assertEquals(7, crossref.provenance().getFirst().line());
    }

    @Test
    void issuedProblemsAreWarningsAndTheLiteralIsKept() throws Exception {
        CslItem item = read("{'title': 'T', 'issued': {'literal': 'Michaelmas term, 13th cent.'}}");
        Reference r = item.reference().orElseThrow();
        assertEquals(Optional.empty(), r.issued());
        assertEquals(Optional.of("Michaelmas term, 13th cent."), r.field("issuedLiteral"));
        assertEquals(1, item.warnings().size());
        assertTrue(item.warnings().getFirst().startsWith("issued: "));
        Reference raw = reference("{'title': 'T', 'issued': {'raw': '2019-03-05'}}");
        assertEquals(Optional.of(IssuedDate.ofDay(2019, 3, 5)), raw.issued());
        assertFalse(raw.field("issuedLiteral").isPresent());
    }

    @Test
    void noTitleAndNoIdentifierIsAnError() throws Exception {
        CslItem item = read("{'type': 'book', 'author': [{'family': 'Doe'}]}");
        assertEquals(Optional.empty(), item.reference());
        assertTrue(item.error().orElseThrow().contains("no title and no identifier"));
    }

    @Test
    void noTitleButAnIdentifierIsKeptWithAWarning() throws Exception {
        CslItem item = read("{'type': 'article-journal', 'DOI': '10.1000/xyz'}");
        assertEquals(Optional.of("10.1000/xyz"), item.reference().orElseThrow().doi());
        assertEquals(List.of("the item has no title; kept it for its identifier"), item.warnings());
    }

    @Test
    void notAnObjectIsAnError() throws Exception {
        assertEquals(Optional.of("the item is a number, not an object; skipped it"), read("42").error());
        assertEquals(Optional.of("the item is a list, not an object; skipped it"), read("[]").error());
    }

    @Test
    void fieldNames() {
        assertEquals("publisherPlace", CslItem.fieldName("publisher-place"));
        assertEquals("archiveLocation", CslItem.fieldName("archive_location"));
        assertEquals("pmcid", CslItem.fieldName("PMCID"));
        assertEquals("journalAbbreviation", CslItem.fieldName("journalAbbreviation"));
        assertEquals("numberOfPages", CslItem.fieldName("number-of-pages"));
    }
}
