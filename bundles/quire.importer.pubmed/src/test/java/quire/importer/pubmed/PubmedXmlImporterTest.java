package quire.importer.pubmed;

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

class PubmedXmlImporterTest {

    private static final String DOCTYPE = "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "
            + "\"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
            + "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n";

    @TempDir
    Path dir;

    private final PubmedXmlImporter importer = new PubmedXmlImporter();

    private CollectingSink read(String xml) throws IOException {
        return Imports.text(importer, dir, "pubmed.xml", xml);
    }

    /** A minimal article; {@code article} goes inside {@code <Article>}, {@code citation} after it. */
    private static String article(String pmid, String inArticle, String afterArticle, String pubmedData) {
        return """
                <PubmedArticle>
                  <MedlineCitation Status="MEDLINE" Owner="NLM">
                    <PMID Version="1">%s</PMID>
                    <Article PubModel="Print">
                %s
                    </Article>
                %s
                  </MedlineCitation>
                  <PubmedData>%s</PubmedData>
                </PubmedArticle>
                """.formatted(pmid, inArticle, afterArticle, pubmedData);
    }

    private static String set(String... articles) {
        return DOCTYPE + "<PubmedArticleSet>\n" + String.join("", articles) + "</PubmedArticleSet>\n";
    }

    @Test
    void describesItself() {
        assertEquals("pubmed-xml", importer.format());
        assertEquals(List.of("xml"), importer.extensions());
        assertFalse(importer.label().isBlank());
    }

    @Test
    void theMathMlFixture() throws IOException {
        CollectingSink sink = Imports.run(importer, Imports.fixture("jabref_MedlineImporterTestMathML.xml"));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        Reference r = sink.references.getFirst();
        assertEquals("CellML 2.0.", r.title());
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals(Optional.of("32759406"), r.pmid());
        assertEquals(Optional.of("10.1515/jib-2020-0021"), r.doi());
        assertEquals(Optional.of("Journal of integrative bioinformatics"), r.venue());
        assertEquals(Optional.of("J Integr Bioinform"), r.field("venueAbbreviation"));
        assertEquals(Optional.of("17"), r.volume());
        assertEquals(Optional.of("2-3"), r.issue());
        // PubDate, not DateCompleted, DateRevised, ArticleDate or the History dates
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 7, 24)), r.issued());
        assertEquals(8, r.authors().size());
        assertEquals(Person.of("Clerx", "Michael"), r.authors().getFirst());
        assertEquals(Person.of("Nielsen", "Poul M F"), r.authors().get(6));
        assertEquals(List.of("Computer Simulation", "Models, Biological", "Models, Theoretical", "Software",
                "computational physiology", "modularity", "physiome project", "reproducibility", "reusability"),
                r.keywords());
        assertEquals(Optional.of("PMC7756617"), r.field("pmcid"));
        assertEquals(Optional.of("20200021; jib-2020-0021"), r.field("pii"));
        assertEquals(Optional.of("1613-4516"), r.field("issn"));
        assertEquals(Optional.of("https://pubmed.ncbi.nlm.nih.gov/32759406/"), r.url());
        assertEquals(List.of(Provenance.of("jabref_MedlineImporterTestMathML.xml", "pubmed-xml", 0, 2)
                .fromDatabase("PubMed")), r.provenance());
        // MathML flattened to its text, one line, no markup, no comments
        String abstractText = r.abstractText().orElseThrow();
        assertTrue(abstractText.startsWith("Following are examples of MathML elements: η p 2 0 1 0"), abstractText);
        assertTrue(abstractText.contains("∑ i = 1 n a i"), abstractText);
        assertTrue(abstractText.contains("17 29"), abstractText); // <cn>17<sep/>29</cn>
        assertTrue(abstractText.endsWith("v → = v 1 v 2 v 3"), abstractText);
        assertFalse(abstractText.contains("<") || abstractText.contains("\n") || abstractText.contains("Indices"));
    }

    @Test
    void inlineMarkupInTitlesIsFlattened() throws IOException {
        Reference r = read(set(article("1", """
                <ArticleTitle>Effect of <i>E. coli</i> on CO<sub>2</sub> and 10<sup>-3</sup> M <mml:math \
                xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>k</mml:mi><mml:mo>=</mml:mo><mml:mn>2</mml:mn>\
                </mml:math> &amp; more.</ArticleTitle>""", "", ""))).references.getFirst();
        assertEquals("Effect of E. coli on CO2 and 10-3 M k = 2 & more.", r.title());
    }

    @Test
    void labelledAbstractPartsAreJoined() throws IOException {
        Reference r = read(set(article("1", """
                <ArticleTitle>T.</ArticleTitle>
                <Abstract>
                  <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Why.</AbstractText>
                  <AbstractText Label="METHODS" NlmCategory="METHODS">How
                     exactly.</AbstractText>
                  <AbstractText>Unlabelled.</AbstractText>
                  <CopyrightInformation>© 2020 Someone.</CopyrightInformation>
                </Abstract>""", "", ""))).references.getFirst();
        assertEquals(Optional.of("BACKGROUND: Why. METHODS: How exactly. Unlabelled."), r.abstractText());
    }

    @Test
    void authorsCollectiveNamesAndTruncation() throws IOException {
        Reference r = read(set(article("1", """
                <ArticleTitle>T.</ArticleTitle>
                <AuthorList CompleteYN="N">
                  <Author ValidYN="Y"><LastName>Smith</LastName><ForeName>John R</ForeName><Initials>JR</Initials>\
                <Suffix>Jr</Suffix></Author>
                  <Author ValidYN="N"><LastName>Smiht</LastName><ForeName>Jon</ForeName></Author>
                  <Author><LastName>Lee</LastName><Initials>A</Initials></Author>
                  <Author><CollectiveName>COVID-19 Genomics UK (COG-UK) Consortium</CollectiveName></Author>
                </AuthorList>""", "", ""))).references.getFirst();
        assertEquals(List.of(Person.of("Smith Jr", "John R"), Person.of("Lee", "A"),
                Person.institution("COVID-19 Genomics UK (COG-UK) Consortium")), r.authors());
        assertTrue(r.authorsTruncated());
    }

    @Test
    void medlineDateSeasonAndPagination() throws IOException {
        CollectingSink sink = read(set(
                article("1", journal("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>")
                        + "<ArticleTitle>A.</ArticleTitle><Pagination><MedlinePgn>12-9</MedlinePgn></Pagination>", "", ""),
                article("2", journal("<Year>2001</Year><Season>Spring</Season>")
                        + "<ArticleTitle>B.</ArticleTitle><Pagination><StartPage>5</StartPage><EndPage>9</EndPage>"
                        + "</Pagination>", "", ""),
                article("3", journal("<Year>2002</Year><Month>03</Month>") + "<ArticleTitle>C.</ArticleTitle>", "", "")));
        List<Reference> refs = sink.references;
        assertEquals(Optional.of(IssuedDate.ofMonth(1998, 12)), refs.get(0).issued());
        assertEquals(Optional.of("1998 Dec-1999 Jan"), refs.get(0).field("dateText"));
        assertEquals(Optional.of("12-9"), refs.get(0).pages());
        assertEquals(Optional.of(IssuedDate.ofYear(2001)), refs.get(1).issued());
        assertEquals(Optional.of("2001 Spring"), refs.get(1).field("dateText"));
        assertEquals(Optional.of("5-9"), refs.get(1).pages());
        assertEquals(Optional.of(IssuedDate.ofMonth(2002, 3)), refs.get(2).issued());
        assertEquals(Optional.empty(), refs.get(2).field("dateText"));
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void idsOfCitedWorksAreNotTheArticlesOwn() throws IOException {
        Reference r = read(set(article("111", "<ArticleTitle>T.</ArticleTitle>"
                + "<ELocationID EIdType=\"doi\" ValidYN=\"N\">10.9999/wrong</ELocationID>",
                "<CommentsCorrectionsList><CommentsCorrections RefType=\"CommentOn\"><RefSource>X</RefSource>"
                        + "<PMID Version=\"1\">222</PMID></CommentsCorrections></CommentsCorrectionsList>",
                "<ArticleIdList><ArticleId IdType=\"pubmed\">111</ArticleId>"
                        + "<ArticleId IdType=\"doi\">10.1000/Right</ArticleId></ArticleIdList>"
                        + "<ReferenceList><Reference><Citation>Other.</Citation><ArticleIdList>"
                        + "<ArticleId IdType=\"doi\">10.1000/cited</ArticleId>"
                        + "<ArticleId IdType=\"pubmed\">333</ArticleId></ArticleIdList></Reference></ReferenceList>")))
                .references.getFirst();
        assertEquals(Optional.of("111"), r.pmid());
        assertEquals(Optional.of("10.1000/right"), r.doi());
    }

    @Test
    void meshHeadingsKeepTheirQualifiersAndPublicationTypesChooseTheType() throws IOException {
        Reference r = read(set(article("1", """
                <ArticleTitle>T.</ArticleTitle>
                <PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType>
                <PublicationType UI="D000076942">Preprint</PublicationType></PublicationTypeList>""",
                """
                <MeshHeadingList><MeshHeading><DescriptorName MajorTopicYN="N">Women, Working</DescriptorName>
                <QualifierName MajorTopicYN="Y">history</QualifierName>
                <QualifierName MajorTopicYN="N">psychology</QualifierName></MeshHeading></MeshHeadingList>
                <KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">screening</Keyword></KeywordList>""", "")))
                .references.getFirst();
        assertEquals(List.of("Women, Working/history/psychology", "screening"), r.keywords());
        assertEquals(ReferenceType.PREPRINT, r.type());
        assertEquals(Optional.of("Journal Article; Preprint"), r.field("publicationTypes"));
    }

    @Test
    void bookArticlesAreChaptersOrBooks() throws IOException {
        CollectingSink sink = read(DOCTYPE + """
                <PubmedArticleSet>
                <PubmedBookArticle>
                  <BookDocument>
                    <PMID Version="1">20301295</PMID>
                    <ArticleIdList><ArticleId IdType="bookaccession">NBK1116</ArticleId></ArticleIdList>
                    <Book>
                      <Publisher><PublisherName>University of Washington, Seattle</PublisherName>
                        <PublisherLocation>Seattle (WA)</PublisherLocation></Publisher>
                      <BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle>
                      <PubDate><Year>1993</Year></PubDate>
                      <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName>\
                </Author></AuthorList>
                    </Book>
                    <LocationLabel Type="chapter">Chapter 1</LocationLabel>
                    <ArticleTitle book="gene" part="brca1">BRCA1- and BRCA2-Associated Cancer</ArticleTitle>
                    <AuthorList Type="authors"><Author><LastName>Petrucelli</LastName><ForeName>Nancie</ForeName>\
                </Author></AuthorList>
                    <PublicationType UI="D016454">Review</PublicationType>
                  </BookDocument>
                  <PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">20301425</ArticleId></ArticleIdList>\
                </PubmedBookData>
                </PubmedBookArticle>
                <PubmedBookArticle>
                  <BookDocument>
                    <PMID Version="1">20301296</PMID>
                    <Book><BookTitle>A Whole Book</BookTitle><PubDate><Year>2005</Year><Month>May</Month></PubDate>
                      <AuthorList Type="authors"><Author><LastName>Writer</LastName><Initials>W</Initials></Author>\
                </AuthorList></Book>
                  </BookDocument>
                </PubmedBookArticle>
                </PubmedArticleSet>
                """);
        assertEquals(List.of(), sink.problems);
        Reference chapter = sink.references.get(0);
        assertEquals(ReferenceType.CHAPTER, chapter.type());
        assertEquals("BRCA1- and BRCA2-Associated Cancer", chapter.title());
        assertEquals(Optional.of("GeneReviews®"), chapter.venue());
        assertEquals(List.of(Person.of("Petrucelli", "Nancie")), chapter.authors());
        assertEquals(Optional.of("Adam, Margaret P"), chapter.field("editors"));
        assertEquals(Optional.of("20301295"), chapter.pmid());
        assertEquals(Optional.of("NBK1116"), chapter.field("bookAccession"));
        assertEquals(Optional.of("University of Washington, Seattle"), chapter.field("publisher"));
        assertEquals(Optional.of(IssuedDate.ofYear(1993)), chapter.issued());
        Reference book = sink.references.get(1);
        assertEquals(ReferenceType.BOOK, book.type());
        assertEquals("A Whole Book", book.title());
        assertEquals(List.of(Person.of("Writer", "W")), book.authors());
        assertEquals(Optional.of(IssuedDate.ofMonth(2005, 5)), book.issued());
    }

    @Test
    void anArticleWithoutTitleIsReportedWithItsLineAndTheOthersKept() throws IOException {
        String xml = set(article("1", "<ArticleTitle>First.</ArticleTitle>", "", ""),
                article("2", "<ArticleTitle></ArticleTitle>", "", ""),
                article("3", "<ArticleTitle>Third.</ArticleTitle>", "", ""));
        CollectingSink sink = read(xml);
        assertEquals(List.of("First.", "Third."), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(lineOf(xml, "<PMID Version=\"1\">2<") - 2, error.line());
        assertTrue(error.message().contains("PMID 2"), error.message());
        assertEquals(2, sink.references.get(1).provenance().getFirst().position());
    }

    @Test
    void theVernacularTitleStandsInForAnEmptyArticleTitle() throws IOException {
        Reference r = read(set(article("1", "<ArticleTitle/><VernacularTitle>Titre en français.</VernacularTitle>",
                "", ""))).references.getFirst();
        assertEquals("Titre en français.", r.title());
        assertEquals(Optional.of("Titre en français."), r.field("vernacularTitle"));
    }

    @Test
    void malformedXmlStopsWithAnErrorWhereItIsAndKeepsWhatCameBefore() throws IOException {
        String xml = set(article("1", "<ArticleTitle>First.</ArticleTitle>", "", ""),
                article("2", "<ArticleTitle>Second.</ArticleTitle>", "", ""),
                article("3", "<ArticleTitle>Broken.</ArticleTitl>", "", ""),
                article("4", "<ArticleTitle>Never read.</ArticleTitle>", "", ""));
        CollectingSink sink = read(xml);
        assertEquals(List.of("First.", "Second."), sink.references.stream().map(Reference::title).toList());
        assertEquals(1, sink.errors().size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(lineOf(xml, "</ArticleTitl>"), error.line());
        assertTrue(error.column() > 0);
        assertTrue(error.message().contains("not well formed"), error.message());
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET", StandardCharsets.UTF_8);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">\n]>\n<PubmedArticleSet>\n"
                + article("1", "<ArticleTitle>Leak &xxe; here</ArticleTitle>", "", "") + "</PubmedArticleSet>\n";
        CollectingSink sink = read(xml);
        assertTrue(sink.references.stream().noneMatch(r -> r.title().contains("SECRET")));
        assertTrue(sink.problems.stream().noneMatch(p -> p.message().contains("SECRET")));
        assertEquals(1, sink.errors().size(), sink.problems.toString());
        assertTrue(sink.errors().getFirst().message().contains("does not read DTDs"), sink.errors().toString());
    }

    @Test
    void theDoctypeOfPubmedIsToleratedWithoutFetchingTheDtd() throws IOException {
        // the DTD's URL is never fetched: this must pass offline, and the article is read
        CollectingSink sink = read(set(article("1", "<ArticleTitle>T.</ArticleTitle>", "", "")));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
    }

    @Test
    void anotherXmlSchemaIsAnError() throws IOException {
        CollectingSink sink = read("<?xml version=\"1.0\"?>\n<xml><records><record/></records></xml>\n");
        assertEquals(List.of(), sink.references);
        assertEquals(List.of(2), sink.errors().stream().map(ImportProblem::line).toList());
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = dir.resolve("three.xml");
        Files.writeString(file, set(article("1", "<ArticleTitle>A.</ArticleTitle>", "", ""),
                article("2", "<ArticleTitle>B.</ArticleTitle>", "", ""),
                article("3", "<ArticleTitle>C.</ArticleTitle>", "", "")), StandardCharsets.UTF_8);
        CollectingSink sink = Imports.run(importer, file, 2);
        assertEquals(List.of("A.", "B."), sink.references.stream().map(Reference::title).toList());
    }

    @Test
    void recognisesPubmedXmlOnly() {
        assertTrue(importer.recognises("x.xml", Imports.head(Imports.fixture("jabref_MedlineImporterTestMathML.xml"))));
        assertTrue(importer.recognises("x.xml", DOCTYPE));
        assertTrue(importer.recognises("efetch.fcgi", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n<PubmedArticle>"));
        assertFalse(importer.recognises("x.xml", "<?xml version=\"1.0\"?>\n<xml><records><record>"));
        assertFalse(importer.recognises("x.xml", "<?xml version=\"1.0\"?>\n<rss><channel>PubMed</channel></rss>"));
        assertFalse(importer.recognises("x.nbib", "PMID- 1\nTI  - PubmedArticleSet\n"));
        assertFalse(importer.recognises("x.xml", ""));
    }

    private static String journal(String pubDate) {
        return "<Journal><JournalIssue><PubDate>" + pubDate + "</PubDate></JournalIssue><Title>J</Title></Journal>";
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
