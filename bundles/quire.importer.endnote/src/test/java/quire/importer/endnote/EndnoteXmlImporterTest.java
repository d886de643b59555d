package quire.importer.endnote;

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
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportProblem;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class EndnoteXmlImporterTest {

    private static final String STYLE = "<style face=\"normal\" font=\"default\" size=\"100%\">";

    @TempDir
    Path dir;

    private final EndnoteXmlImporter importer = new EndnoteXmlImporter();

    private CollectingSink read(String... records) throws IOException {
        return Imports.text(importer, dir, "library.xml", file(records));
    }

    /** One record made of {@code parts}; asserts that it was read without errors. */
    private Reference readOne(String... parts) throws IOException {
        CollectingSink sink = read(String.join("", parts));
        assertEquals(List.of(), sink.errors());
        assertEquals(1, sink.references.size());
        return sink.references.getFirst();
    }

    private static String file(String... records) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records>\n");
        for (String record : records) {
            xml.append("<record>").append(record).append("</record>\n");
        }
        return xml.append("</records></xml>\n").toString();
    }

    private static String styled(String element, String text) {
        int slash = element.indexOf('/');
        if (slash >= 0) {
            String outer = element.substring(0, slash);
            return "<" + outer + ">" + styled(element.substring(slash + 1), text) + "</" + outer + ">";
        }
        return "<" + element + ">" + STYLE + text + "</style></" + element + ">";
    }

    private static String title(String text) {
        return styled("titles/title", text);
    }

    @Test
    void describesItself() {
        assertEquals("endnote-xml", importer.format());
        assertEquals(List.of("xml"), importer.extensions());
        assertFalse(importer.label().isBlank());
    }

    @Test
    void theJabRefFixture() throws IOException {
        CollectingSink sink = Imports.run(importer, Imports.fixture("jabref_EndnoteXmlImporterTestLabelAndMultiTitle.xml"));
        assertEquals(List.of(), sink.problems);
        assertEquals(3, sink.references.size());

        Reference first = sink.references.get(0);
        assertEquals(ReferenceType.ARTICLE, first.type());
        assertEquals("An ecological basis for reforestation of submariginal lands in the Central Hardwood Region",
                first.title());
        assertEquals(List.of(Person.of("Chapman", "A. G.")), first.authors());
        assertEquals(Optional.of("Ecology"), first.venue());
        assertEquals(Optional.of("Ecology"), first.field("altTitle"));
        assertEquals(Optional.of(IssuedDate.ofMonth(1937, 1)), first.issued());
        assertEquals(Optional.of("18"), first.volume());
        assertEquals(Optional.of("1"), first.issue());
        assertEquals(Optional.of("93-105"), first.pages());
        assertEquals(Optional.of("0012-9658"), first.field("issn"));
        assertEquals(Optional.of("ISI:000200148800007"), first.field("accessionNumber"));
        assertEquals(Optional.of("some notes"), first.field("notes"));
        assertEquals(Optional.of("English"), first.field("language"));
        // "<Go to ISI>://..." is EndNote's link into Web of Science, not a web address
        assertEquals(Optional.empty(), first.url());
        assertEquals(Optional.of("<Go to ISI>://000200148800007"), first.field("urls"));
        assertEquals(List.of(Provenance.of("jabref_EndnoteXmlImporterTestLabelAndMultiTitle.xml", "endnote-xml", 0, 4)
                .fromDatabase("Web of Science")), first.provenance());

        assertEquals(ReferenceType.BOOK, sink.references.get(1).type());
        assertEquals("A survey of soil temperatures in the Chicago area", sink.references.get(1).title());

        Reference third = sink.references.get(2);
        // three style runs, the middle one in italics, each with its own spaces
        assertEquals("A demographic study of the south polar skua Catharacta maccormicki at Cape Crozier", third.title());
        assertEquals(List.of(Person.of("Ainley", "D.G."), Person.of("Ribic", "C.A."), Person.of("Wodd", "R.C.")),
                third.authors());
        assertEquals(Optional.of("Journal of Animal Ecology"), third.venue());
        assertEquals(Optional.of(IssuedDate.ofYear(1990)), third.issued());
        assertEquals(Optional.of("B4"), third.field("label"));
        assertEquals(List.of("B4"), third.tags());
        assertEquals(Optional.empty(), third.provenance().getFirst().database());
        assertEquals(174, third.provenance().getFirst().line());
    }

    @Test
    void styleRunsAreJoinedAsWritten() throws IOException {
        Reference r = read(styled("ref-type", "17").replace("<ref-type>", "<ref-type name=\"Journal Article\">")
                + "<titles><title>" + STYLE + "Growth of </style><style face=\"italic\" font=\"default\" size=\"100%\">"
                + "E. coli</style>" + STYLE + " in CO</style><style face=\"subscript\">2</style></title></titles>")
                .references.getFirst();
        assertEquals("Growth of E. coli in CO2", r.title());
    }

    @Test
    void textWithoutStyleRunsIsReadToo() throws IOException {
        Reference r = read("<titles><title>Plain   title\n  on two lines</title></titles>").references.getFirst();
        assertEquals("Plain title on two lines", r.title());
    }

    @Test
    void identifiersLinksAndKeywords() throws IOException {
        Reference r = readOne(title("T"), styled("electronic-resource-num", "https://doi.org/10.1000/ABC"),
                "<urls><related-urls><url>" + STYLE + "https://example.org/paper</style></url>"
                        + "<url>" + STYLE + "https://example.org/mirror</style></url></related-urls>"
                        + "<pdf-urls><url>internal-pdf://1234/paper.pdf</url></pdf-urls></urls>",
                "<keywords>" + styled("keyword", "Humans") + styled("keyword", "a; b\rc") + "</keywords>");
        assertEquals(Optional.of("10.1000/abc"), r.doi());
        assertEquals(Optional.of("https://example.org/paper"), r.url());
        assertEquals(Optional.of("https://example.org/mirror"), r.field("urls"));
        assertEquals(Optional.of("internal-pdf://1234/paper.pdf"), r.field("pdfUrls"));
        assertEquals(List.of("Humans", "a", "b", "c"), r.keywords());
    }

    @Test
    void aDoiInALinkWhenThereIsNoElectronicResourceNumber() throws IOException {
        Reference r = readOne(title("T"), styled("electronic-resource-num", "ARTN e0123"),
                "<urls><related-urls><url>https://doi.org/10.1371/journal.pone.0123</url></related-urls></urls>");
        assertEquals(Optional.of("10.1371/journal.pone.0123"), r.doi());
        assertEquals(Optional.of("ARTN e0123"), r.field("electronicResourceNumber"));
    }

    @Test
    void theRemoteDatabaseIsTheProvenanceDatabase() throws IOException {
        CollectingSink sink = read(
                title("From PubMed") + styled("accession-num", "31000001") + styled("remote-database-name", "PubMed")
                        + styled("remote-database-provider", "NLM"),
                title("From Scopus") + styled("remote-database-provider", "Scopus"),
                title("From WoS") + styled("accession-num", "WOS:000123456700001"),
                title("From nowhere"));
        List<Reference> refs = sink.references;
        assertEquals(List.of(Optional.of("PubMed"), Optional.of("Scopus"), Optional.of("Web of Science"), Optional.empty()),
                refs.stream().map(r -> r.provenance().getFirst().database()).toList());
        assertEquals(Optional.of("31000001"), refs.get(0).pmid());
        assertEquals(Optional.empty(), refs.get(2).pmid());
    }

    @Test
    void labelsThatReadAsAListBecomeTags() throws IOException {
        CollectingSink sink = read(title("A") + styled("label", "included; full text"),
                title("B") + styled("label", "Read again after the meeting: the sample size looks too small to me"));
        assertEquals(List.of("included", "full text"), sink.references.get(0).tags());
        assertEquals(List.of(), sink.references.get(1).tags());
        assertEquals(Optional.of("Read again after the meeting: the sample size looks too small to me"),
                sink.references.get(1).field("label"));
    }

    @Test
    void peopleTypesAndDates() throws IOException {
        Reference r = readOne("<ref-type>5</ref-type>", title("A chapter"),
                "<contributors><authors>" + styled("author", "World Health Organization,") + styled("author", "Doe, J.")
                        + styled("author", "et al.") + "</authors><secondary-authors>" + styled("author", "Ed, A.")
                        + "</secondary-authors></contributors>",
                styled("titles/secondary-title", "The Book"),
                "<dates>" + styled("year", "2001") + "<pub-dates>" + styled("date", "Spring") + "</pub-dates></dates>",
                styled("abstract", "First paragraph.\rSecond   paragraph."));
        assertEquals(ReferenceType.CHAPTER, r.type());
        assertEquals(List.of(Person.institution("World Health Organization"), Person.of("Doe", "J.")), r.authors());
        assertTrue(r.authorsTruncated());
        assertEquals(Optional.of("Ed, A."), r.field("editors"));
        assertEquals(Optional.of("The Book"), r.venue());
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), r.issued());
        assertEquals(Optional.of("2001 Spring"), r.field("dateText"));
        assertEquals(Optional.of("First paragraph.\nSecond paragraph."), r.abstractText());
    }

    @Test
    void aRecordWithoutYearIsKeptWithAWarning() throws IOException {
        CollectingSink sink = read(title("T") + "<dates>" + styled("year", "In press") + "</dates>");
        assertEquals(Optional.empty(), sink.references.getFirst().issued());
        assertEquals(Optional.of("In press"), sink.references.getFirst().field("dateText"));
        assertEquals(1, sink.warnings().size());
    }

    @Test
    void anEmptyRecordInTheMiddleIsReportedWithItsLineAndTheOthersKept() throws IOException {
        CollectingSink sink = read(title("First"), styled("rec-number", "2") + "<titles><title></title></titles>",
                title("Third"));
        assertEquals(List.of("First", "Third"), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        assertEquals(3, sink.errors().getFirst().line());
        assertEquals(2, sink.references.get(1).provenance().getFirst().position());
    }

    @Test
    void aRecordWithoutTitleButWithAuthorsIsKeptWithAWarning() throws IOException {
        CollectingSink sink = read("<contributors><authors>" + styled("author", "Doe, J.") + "</authors></contributors>");
        assertEquals(1, sink.references.size());
        assertEquals(List.of(2), sink.warnings().stream().map(ImportProblem::line).toList());
    }

    @Test
    void malformedXmlStopsWithAnErrorWhereItIsAndKeepsWhatCameBefore() throws IOException {
        String xml = file(title("First"), title("Second"), "<titles><title>Broken</titel></titles>", title("Never"));
        CollectingSink sink = Imports.text(importer, dir, "broken.xml", xml);
        assertEquals(List.of("First", "Second"), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        assertEquals(4, sink.errors().getFirst().line());
        assertTrue(sink.errors().getFirst().column() > 0);
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET", StandardCharsets.UTF_8);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<xml><records><record><titles><title>Leak &xxe;</title></titles></record></records></xml>\n";
        CollectingSink sink = Imports.text(importer, dir, "xxe.xml", xml);
        assertTrue(sink.references.stream().noneMatch(r -> r.title().contains("SECRET")));
        assertEquals(1, sink.errors().size());
        assertTrue(sink.errors().getFirst().message().contains("does not read DTDs"), sink.errors().toString());
    }

    @Test
    void anotherXmlSchemaIsAnError() throws IOException {
        CollectingSink sink = Imports.text(importer, dir, "pubmed.xml",
                "<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>\n");
        assertEquals(List.of(), sink.references);
        assertEquals(List.of(2), sink.errors().stream().map(ImportProblem::line).toList());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = dir.resolve("three.xml");
        Files.writeString(file, file(title("A"), title("B"), title("C")), StandardCharsets.UTF_8);
        CollectingSink sink = Imports.run(importer, file, 2);
        assertEquals(List.of("A", "B"), sink.references.stream().map(Reference::title).toList());
    }

    @Test
    void recognisesEndnoteXmlOnly() {
        assertTrue(importer.recognises("x.xml",
                Imports.head(Imports.fixture("jabref_EndnoteXmlImporterTestLabelAndMultiTitle.xml"))));
        assertTrue(importer.recognises("export.txt", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><xml><records><record>"
                + "<database name=\"My.enl\">My.enl</database>"));
        assertFalse(importer.recognises("x.xml", "<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle>"));
        assertFalse(importer.recognises("x.xml", "<?xml version=\"1.0\"?>\n<records><record>no xml root</record>"));
        assertFalse(importer.recognises("x.ris", "TY  - JOUR\nTI  - Records of a record\nER  - \n"));
        assertFalse(importer.recognises("x.nbib", "PMID- 1\nTI  - <records> and <record>\n"));
        assertFalse(importer.recognises("x.json", "[{\"title\": \"<xml><records>\"}]"));
        assertFalse(importer.recognises("x.bib", "@article{a, title={T}}"));
        assertFalse(importer.recognises("x.xml", ""));
    }
}
