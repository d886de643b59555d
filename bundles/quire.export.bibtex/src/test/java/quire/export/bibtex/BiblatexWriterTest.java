package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import quire.api.export.ExportOptions;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** The biblatex dialect, and what the two dialects share that the BibTeX tests do not cover. */
class BiblatexWriterTest {

    private static final BibtexWriter BIBLATEX = new BibtexWriter(Dialect.BIBLATEX,
            LatexEncoder.Encoding.UTF8_PDFLATEX, KeyPattern.DEFAULT);

    private static final Provenance FROM_BIBTEX = Provenance.of("in.bib", "bibtex", 0, 1)
            .imported("", Instant.parse("2026-05-17T10:15:30Z"));

    private static BibtexEntry entry(Reference reference) {
        return BIBLATEX.toEntry(reference, "key");
    }

    @Test
    void writesThePreprintAndTheArticleForBiblatex() throws IOException {
        Reference simhi = SampleReferences.simhi().toBuilder()
                .provenance(List.of(Provenance.of("002.txt", "listing", 0, 1)
                        .imported("", Instant.parse("2026-05-18T23:30:00Z"))))
                .url("https://arxiv.org/abs/2605.01234").build();
        StringWriter out = new StringWriter();
        new BiblatexExporter().write(List.of(simhi, SampleReferences.goedel()), ExportOptions.NONE, out);
        assertEquals("""
                @online{simhi2026old,
                  author = {Simhi, Adi and Barez, Fazl and Tutek, Martin and others},
                  title = {Old Habits Die Hard: How Conversational History Geometrically Traps {LLMs}},
                  date = {2026-05-17},
                  url = {https://arxiv.org/abs/2605.01234},
                  urldate = {2026-05-18},
                  eprint = {2605.01234},
                  eprinttype = {arxiv},
                  eprintclass = {cs.CL},
                  abstract = {How does the conversational past of large language models (LLMs) influence their \
                future performance? Code available at https://github.com/technion-cs-nlp/OldHabitsDieHard.},
                }

                @article{godel1931uber,
                  author = {Gödel, Kurt},
                  title = {Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme {I}},
                  journaltitle = {Monatshefte für Mathematik und Physik},
                  date = {1931-12},
                  volume = {38},
                  number = {1},
                  pages = {173--198},
                  doi = {10.1007/bf01700692},
                  url = {https://doi.org/10.1007/BF01700692},
                  keywords = {logic, incompleteness, Principia Mathematica},
                  note = {Received 17 November 1930},
                }
                """, out.toString());
    }

    @ParameterizedTest(name = "{0} -> @{1}")
    @CsvSource({
        "ARTICLE, article, journaltitle",
        "CONFERENCE_PAPER, inproceedings, booktitle",
        "CHAPTER, incollection, booktitle",
        "BOOK, book, publisher",
        "THESIS, thesis, institution",
        "REPORT, report, institution",
        "PREPRINT, online, organization",
        "WEBPAGE, online, organization",
        "NEWSLETTER, online, organization",
        "NOTE, online, organization",
        "DATASET, dataset, publisher",
        "SOFTWARE, software, organization",
        "OTHER, misc, howpublished",
    })
    void mapsEveryTypeToBiblatex(ReferenceType type, String entryType, String field) {
        BibtexEntry entry = entry(Reference.builder().type(type).title("T").venue("Some Venue")
                .author(Person.of("Smith", "J.")).build());
        assertEquals(entryType, entry.type());
        assertEquals(Optional.of("Some Venue"), entry.value(field));
    }

    @Test
    void saysWhatKindOfThesisOrReport() {
        assertEquals(Optional.of("phdthesis"), entry(Reference.builder().type(ReferenceType.THESIS).title("T")
                .build()).value("type"));
        assertEquals(Optional.of("techreport"), entry(Reference.builder().type(ReferenceType.REPORT).title("T")
                .build()).value("type"));
        assertEquals(Optional.of("mathesis"), entry(Reference.builder().type(ReferenceType.THESIS).title("T")
                .field("type", "mathesis").provenance(FROM_BIBTEX).build()).value("type"));
    }

    @Test
    void writesTheDateToItsPrecisionWithFourDigitYears() {
        assertEquals(Optional.of("2024"), entry(Reference.builder().issued(IssuedDate.ofYear(2024)).build())
                .value("date"));
        assertEquals(Optional.of("2024-05"), entry(Reference.builder().issued(IssuedDate.ofMonth(2024, 5)).build())
                .value("date"));
        assertEquals(Optional.of("2024-12-24"), entry(Reference.builder().issued(IssuedDate.ofDay(2024, 12, 24))
                .build()).value("date"));
        assertEquals(Optional.of("0999"), entry(Reference.builder().issued(IssuedDate.ofYear(999)).build())
                .value("date"));
        assertEquals(Optional.of("-0044-03-15"), entry(Reference.builder().issued(IssuedDate.ofDay(-44, 3, 15))
                .build()).value("date"));
        BibtexEntry entry = entry(Reference.builder().issued(IssuedDate.ofMonth(2024, 5)).build());
        assertEquals(Optional.empty(), entry.value("year"));
        assertEquals(Optional.empty(), entry.value("month"));
    }

    @Test
    void datesTheUrlByTheFieldElseByTheImport() {
        Reference imported = Reference.builder().url("https://x.org")
                .provenance(Provenance.of("a.ris", "ris", 0, 1).imported("", Instant.parse("2025-01-02T03:04:05Z")))
                .build();
        assertEquals(Optional.of("2025-01-02"), entry(imported).value("urldate"));
        assertEquals(Optional.of("2020-02-02"), entry(imported.toBuilder().field("urldate", "2020-02-02").build())
                .value("urldate"));
        assertEquals(Optional.of("2025-01-02"), entry(imported.toBuilder().field("urldate", "yesterday").build())
                .value("urldate"));
        assertEquals(Optional.empty(), entry(Reference.builder().url("https://x.org").build()).value("urldate"));
        assertEquals(Optional.empty(), entry(imported.toBuilder().url(null).build()).value("urldate"));
    }

    @Test
    void keepsTheEntryTypeReadFromBibtexWhileItStillFits() {
        Reference manual = Reference.builder().type(ReferenceType.REPORT).title("T").venue("ACME")
                .field("entryType", "manual").build();
        assertEquals("manual", entry(manual).type());
        assertEquals(Optional.of("ACME"), entry(manual).value("organization"));
        assertEquals("manual", BibtexWriter.entry(manual, "k").type());
        // retyped since the import: the type follows
        assertEquals("book", entry(manual.toBuilder().type(ReferenceType.BOOK).build()).type());
        // not valid in the dialect: classic BibTeX has no @thesis
        Reference thesis = Reference.builder().type(ReferenceType.THESIS).title("T").field("entryType", "thesis")
                .build();
        assertEquals("phdthesis", BibtexWriter.entry(thesis, "k").type());
        assertEquals("thesis", entry(thesis).type());
        // an arXiv @article read as a preprint stays an @article, with its journal
        Reference scholar = Reference.builder().type(ReferenceType.PREPRINT).title("T").venue("arXiv")
                .arxivId("2401.01234").field("entryType", "article").build();
        assertEquals("article", BibtexWriter.entry(scholar, "k").type());
        assertEquals(Optional.of("arXiv"), BibtexWriter.entry(scholar, "k").value("journal"));
    }

    @Test
    void writesTheFieldsReadFromBibtexInTheCanonicalOrder() {
        Reference read = Reference.builder().type(ReferenceType.BOOK).title("T").author(Person.of("A", "B"))
                .issued(IssuedDate.ofYear(2001)).venue("Springer")
                .field("zeta", "last").field("isbn", "978-3-16-148410-0").field("address", "Berlin")
                .field("editor", "Doe, Jane and {World Health Organization} and others").field("edition", "2nd")
                .field("file", "C:\\papers\\a b.pdf").field("citationKey", "k").field("protectedWords", "T")
                .field("entryType", "book").field("crossref", "other").field("execute", "\\input x")
                .field("relevance", "93.1").field("Odd Name", "x")
                .provenance(FROM_BIBTEX).build();
        BibtexEntry entry = entry(read);
        assertEquals(List.of("author", "editor", "title", "edition", "publisher", "address", "date", "isbn",
                "file", "zeta"), entry.fields().stream().map(BibtexEntry.Field::name).toList());
        assertEquals(Optional.of("Doe, Jane and {World Health Organization} and others"), entry.value("editor"));
        assertEquals(Optional.of("C:%5Cpapers%5Ca%20b.pdf"), entry.value("file"));
        // from a reference not read from BibTeX only the fields whose names mean the same in BibTeX
        BibtexEntry other = entry(read.toBuilder().provenance(List.of(Provenance.of("a.ris", "ris", 0, 1))).build());
        assertTrue(other.value("isbn").isPresent());
        assertFalse(other.value("zeta").isPresent());
        assertFalse(other.value("file").isPresent());
    }

    @Test
    void turnsAYearInWordsIntoAPublicationState() {
        Reference inPress = Reference.builder().title("T").field("year", "In press").provenance(FROM_BIBTEX).build();
        assertEquals(Optional.of("inpress"), entry(inPress).value("pubstate"));
        assertEquals(Optional.empty(), entry(inPress).value("year"));
        assertEquals(Optional.of("In press"), BibtexWriter.entry(inPress, "k").value("year"));
        Reference odd = Reference.builder().title("T").field("year", "circa 1900").provenance(FROM_BIBTEX).build();
        assertEquals(Optional.of("circa 1900"), entry(odd).value("addendum"));
    }

    @Test
    void joinsKeywordsSoThatImportersSplitThemTheSame() {
        assertEquals(Optional.of("a, b"), entry(Reference.builder().keyword("a").keyword("b").keyword("a")
                .keyword(",").build()).value("keywords"));
        assertEquals(Optional.of("Smith, John; b"), entry(Reference.builder().keyword("Smith, John").keyword("b")
                .build()).value("keywords"));
        assertEquals(Optional.of("Smith, John;"), entry(Reference.builder().keyword("Smith, John").build())
                .value("keywords"));
        assertEquals(Optional.of("a, b"), entry(Reference.builder().keyword("a;b").build()).value("keywords"));
    }

    @Test
    void refusesAnEncodingItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> new BiblatexExporter().write(List.of(),
                new ExportOptions(Map.of(BiblatexExporter.ENCODING_OPTION, "latin1")), new StringWriter()));
        assertThrows(IllegalArgumentException.class, () -> new BibtexWriter(Dialect.BIBTEX,
                LatexEncoder.Encoding.UTF8, KeyPattern.DEFAULT));
    }

    @Test
    void writesSafeBalancedUtf8ForRandomReferences() {
        List<Reference> references = SampleReferences.random(20260518L, 2_000);
        List<String> keys = CitationKeys.assign(references);
        for (int i = 0; i < references.size(); i++) {
            for (BibtexEntry.Field field : BIBLATEX.toEntry(references.get(i), keys.get(i)).fields()) {
                String value = field.value();
                assertTrue(BibtexEntry.balanced(value), value);
                assertTrue(value.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F), LatexChecks.show(value));
                for (String command : new String[] {"\\input", "\\write", "\\def", "\\catcode", "\\csname",
                    "\\end", "\\immediate", "\\openout"}) {
                    assertFalse(value.contains(command), command + " in " + LatexChecks.show(value));
                }
            }
        }
    }
}
