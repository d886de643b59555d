package quire.importer.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class EntryMappingTest {

    @TempDir
    Path dir;

    private Reference one(String text) {
        return Bib.one(dir, text);
    }

    @ParameterizedTest(name = "@{0} -> {1}")
    @CsvSource({"article,ARTICLE", "Article,ARTICLE", "inproceedings,CONFERENCE_PAPER",
        "conference,CONFERENCE_PAPER", "incollection,CHAPTER", "inbook,CHAPTER", "book,BOOK",
        "proceedings,BOOK", "phdthesis,THESIS", "mastersthesis,THESIS", "thesis,THESIS", "techreport,REPORT",
        "report,REPORT", "misc,OTHER", "online,WEBPAGE", "electronic,WEBPAGE", "www,WEBPAGE", "unpublished,OTHER",
        "dataset,DATASET", "software,SOFTWARE", "patent,OTHER", "whatever,OTHER"})
    void entryTypes(String bibType, ReferenceType type) {
        Reference r = one("@" + bibType + "{k, title = {T}}");
        assertEquals(type, r.type());
        assertEquals(Optional.of(bibType.toLowerCase()), r.field("entryType"));
    }

    @Test
    void aFullArticle() {
        Reference r = one("""
                @article{Smith:2020,
                  author = {Smith, Jane and John {\\"O}zt{\\"u}rk and others},
                  title = {On {BERT} and \\emph{Deep} Models},
                  journaltitle = {Journal of {AI} \\& Law},
                  date = {2020-05-17},
                  volume = {12}, issue = {3},
                  pages = {100 -- 110},
                  doi = {https://doi.org/10.1000/ABC.123},
                  url = {https://example.org/paper\\_1},
                  abstract = {We study $\\alpha$-things --- carefully.},
                  keywords = {deep learning; law, AI; {NLP}},
                  groups = {include, round1},
                  file = {:C\\:/papers/smith.pdf:PDF},
                  ISSN = {1234-5678},
                  language = {english},
                  note = {Preprint on {arXiv}},
                }
                """);
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals("On BERT and Deep Models", r.title());
        assertEquals(Optional.of("BERT,Deep"), r.field("protectedWords"));
        assertEquals(List.of(Person.of("Smith", "Jane"), Person.of("Öztürk", "John")), r.authors());
        assertTrue(r.authorsTruncated());
        assertEquals(Optional.of("Journal of AI & Law"), r.venue());
        assertEquals(Optional.of(IssuedDate.ofDay(2020, 5, 17)), r.issued());
        assertEquals(Optional.of("12"), r.volume());
        assertEquals(Optional.of("3"), r.issue());
        assertEquals(Optional.of("100-110"), r.pages());
        assertEquals(Optional.of("10.1000/abc.123"), r.doi());
        assertEquals(Optional.of("https://example.org/paper_1"), r.url());
        assertEquals(Optional.of("We study α-things — carefully."), r.abstractText());
        assertEquals(List.of("deep learning", "law, AI", "NLP"), r.keywords());
        assertEquals(List.of("include", "round1"), r.tags());
        assertEquals(Map.of("citationKey", "Smith:2020", "entryType", "article", "protectedWords", "BERT,Deep",
                "note", "Preprint on arXiv", "file", ":C\\:/papers/smith.pdf:PDF", "issn", "1234-5678",
                "language", "english"), r.fields());
        assertEquals("one.bib", r.provenance().getFirst().sourceFile());
        assertEquals("bibtex", r.provenance().getFirst().format());
    }

    @Test
    void venueByType() {
        assertEquals(Optional.of("Proc. X"), one("@inproceedings{k, booktitle = {Proc. X}}").venue());
        assertEquals(Optional.of("MIT"), one("@phdthesis{k, school = {MIT}}").venue());
        assertEquals(Optional.of("CERN"), one("@techreport{k, institution = {CERN}, number = {7}}").venue());
        assertEquals(Optional.of("Springer"), one("@book{k, publisher = {Springer}}").venue());
        assertEquals(Optional.of("Blog post"), one("@misc{k, howpublished = {Blog post}}").venue());
        Reference article = one("@article{k, journal = {J}, booktitle = {B}, publisher = {P}}");
        assertEquals(Optional.of("J"), article.venue());
        assertEquals(Optional.of("B"), article.field("booktitle"));
        assertEquals(Optional.of("P"), article.field("publisher"));
    }

    @Test
    void howpublishedUrlIsTheUrl() {
        Reference r = one("@misc{k, howpublished = {\\url{https://example.org/x}}}");
        assertEquals(Optional.of("https://example.org/x"), r.url());
        assertEquals(Optional.empty(), r.venue());
    }

    @Test
    void arxivFromEprint() {
        Reference r = one("@misc{vaswani2017, title = {Attention Is All You Need}, eprint = {1706.03762v5},"
                + " archivePrefix = {arXiv}, primaryClass = {cs.CL}, year = 2017}");
        assertEquals(ReferenceType.PREPRINT, r.type());
        assertEquals(Optional.of("1706.03762"), r.arxivId());
        assertEquals(Optional.of("cs.CL"), r.field("arxivCategory"));
        assertEquals(Optional.of("arXiv"), r.venue());
        Reference biblatex = one("@online{k, eprint = {hep-th/9901001}, eprinttype = {arxiv}, eprintclass = {hep-th}}");
        assertEquals(Optional.of("hep-th/9901001"), biblatex.arxivId());
        assertEquals(ReferenceType.PREPRINT, biblatex.type());
    }

    @Test
    void arxivFromGoogleScholarsJournalAndFromUrl() {
        Reference scholar = one("@article{k, journal = {arXiv preprint arXiv:2101.00001}, year = {2021}}");
        assertEquals(Optional.of("2101.00001"), scholar.arxivId());
        assertEquals(ReferenceType.PREPRINT, scholar.type());
        assertEquals(Optional.of("arXiv preprint arXiv:2101.00001"), scholar.venue());
        Reference url = one("@article{k, journal = {Nature}, url = {http://arxiv.org/abs/2101.00002v2}}");
        assertEquals(Optional.of("2101.00002"), url.arxivId());
        assertEquals(ReferenceType.ARTICLE, url.type());
    }

    @Test
    void doiFromUrlOrNoteAndPmid() {
        assertEquals(Optional.of("10.1000/xyz"), one("@misc{k, url = {https://doi.org/10.1000/XYZ}}").doi());
        Reference note = one("@misc{k, note = {doi: 10.1000/abc. PMID: 123456}}");
        assertEquals(Optional.of("10.1000/abc"), note.doi());
        assertEquals(Optional.of("123456"), note.pmid());
        assertEquals(Optional.of("42"), one("@article{k, pmid = {00042}}").pmid());
        assertEquals(Optional.of("77"), one("@article{k, eprint = {77}, eprinttype = {pubmed}}").pmid());
    }

    @Test
    void valuesTheModelCannotTakeAreKeptAsFields() {
        Reference r = one("@article{k, year = {in press}, month = {Spring}, doi = {not a doi}, pmid = {PMC123},"
                + " eprint = {1234/5678}, eprinttype = {hdl}}");
        assertEquals(Optional.empty(), r.issued());
        assertEquals(Optional.of("in press"), r.field("year"));
        assertEquals(Optional.of("Spring"), r.field("month"));
        assertEquals(Optional.empty(), r.doi());
        assertEquals(Optional.of("not a doi"), r.field("doi"));
        assertEquals(Optional.of("PMC123"), r.field("pmid"));
        assertEquals(Optional.of("1234/5678"), r.field("eprint"));
        assertEquals(Optional.of("hdl"), r.field("eprinttype"));
    }

    @Test
    void yearAndMonthGiveTheirPrecision() {
        assertEquals(Optional.of(IssuedDate.ofMonth(2016, 2)), one("@misc{k, year = 2016, month = {Feb}}").issued());
        assertEquals(Optional.of(IssuedDate.ofMonth(2016, 3)), one("@misc{k, year = 2016, month = 3}").issued());
        assertEquals(Optional.of(IssuedDate.ofMonth(1972, 5)), one("@misc{k, year = 1972, month = May}").issued());
        assertEquals(Optional.of(IssuedDate.ofYear(2016)), one("@misc{k, year = {2016}}").issued());
        assertEquals(Optional.of(IssuedDate.ofDay(2016, 7, 4)), one("@misc{k, year = 2016, month = jul, day = 4}")
                .issued());
        assertEquals(Optional.of(IssuedDate.ofMonth(2021, 3)), one("@misc{k, date = {2021-03/2021-04}, year = 1999}")
                .issued());
    }

    @Test
    void editorsAreKeptAsAField() {
        Reference r = one("@proceedings{k, editor = {Jane Doe and {ACM}}}");
        assertEquals(List.of(), r.authors());
        assertEquals(Optional.of("Doe, Jane and {ACM}"), r.field("editor"));
    }

    @Test
    void databaseFromTheFile() {
        assertEquals(Optional.of("Scopus"), one("@article{k, source = {Scopus}}").provenance().getFirst().database());
        assertEquals(Optional.of("Web of Science"), one("@article{k, unique-id = {WOS:000123}}").provenance()
                .getFirst().database());
        assertEquals(Optional.of("dblp"), one("@article{k, bibsource = {dblp computer science bibliography,"
                + " https://dblp.org}}").provenance().getFirst().database());
        assertEquals(Optional.empty(), one("@article{k, title = {T}}").provenance().getFirst().database());
    }

    @Test
    void keywordsSplitAtCommasWhenThereIsNoSemicolon() {
        assertEquals(List.of("a", "b c", "d"), one("@misc{k, keywords = {a, b c,d, a}}").keywords());
        assertEquals(List.of("x", "y"), one("@misc{k, mendeley-tags = {x,y}}").tags());
    }
}
