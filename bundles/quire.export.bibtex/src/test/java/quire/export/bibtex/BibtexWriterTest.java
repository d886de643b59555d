package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class BibtexWriterTest {

    private static String write(List<Reference> references) {
        StringWriter out = new StringWriter();
        try {
            BibtexWriter.write(references, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BibtexWriterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BibtexEntry entry(Reference reference) {
        return BibtexWriter.entry(reference, "key");
    }

    @Test
    void writesThePreprintAndTheArticleAsExpected() throws IOException {
        assertEquals(resource("simhi-goedel.bib"), write(List.of(SampleReferences.simhi(), SampleReferences.goedel())));
    }

    @ParameterizedTest(name = "{0} -> @{1}")
    @CsvSource({
        "ARTICLE, article, journal",
        "CONFERENCE_PAPER, inproceedings, booktitle",
        "CHAPTER, incollection, booktitle",
        "BOOK, book, publisher",
        "THESIS, phdthesis, school",
        "REPORT, techreport, institution",
        "PREPRINT, misc, howpublished",
        "WEBPAGE, misc, howpublished",
        "NEWSLETTER, misc, howpublished",
        "DATASET, misc, howpublished",
        "SOFTWARE, misc, howpublished",
        "OTHER, misc, howpublished",
    })
    void mapsEveryTypeAndPutsTheVenueWhereTheTypeExpectsIt(ReferenceType type, String entryType, String field) {
        BibtexEntry entry = entry(Reference.builder().type(type).title("T").venue("Some Venue")
                .author(Person.of("Smith", "J.")).build());
        assertEquals(entryType, entry.type());
        assertEquals(Optional.of("Some Venue"), entry.value(field));
        assertEquals(3, entry.fields().size());
    }

    @Test
    void writesTheMonthAsABareMacroOnlyWhenKnown() {
        Reference month = Reference.builder().title("T").issued(IssuedDate.ofMonth(2024, 5)).build();
        assertTrue(entry(month).format().contains("  year = {2024},\n  month = may,\n"));
        Reference day = Reference.builder().title("T").issued(IssuedDate.ofDay(2024, 12, 24)).build();
        assertTrue(entry(day).format().contains("  month = dec,\n"));
        Reference year = Reference.builder().title("T").issued(IssuedDate.ofYear(2024)).build();
        assertEquals(Optional.empty(), entry(year).value("month"));
    }

    @Test
    void writesPageRangesWithAnEnDash() {
        assertEquals("123--129", BibtexWriter.pageRange("123-129"));
        assertEquals("123--129", BibtexWriter.pageRange("123–129"));
        assertEquals("123--129", BibtexWriter.pageRange("123 - 129"));
        assertEquals("123--129", BibtexWriter.pageRange("123--129"));
        assertEquals("e1234", BibtexWriter.pageRange("e1234"));
        assertEquals("S12--S19", BibtexWriter.pageRange("S12-S19"));
    }

    @Test
    void writesArxivPreprintsWithEprintFields() {
        BibtexEntry entry = entry(SampleReferences.simhi());
        assertEquals(Optional.of("2605.01234"), entry.value("eprint"));
        assertEquals(Optional.of("arXiv"), entry.value("archivePrefix"));
        assertEquals(Optional.of("cs.CL"), entry.value("primaryClass"));
        assertEquals(Optional.of("arXiv:2605.01234 [cs.CL]"), entry.value("howpublished"));
        Reference noId = Reference.builder().type(ReferenceType.PREPRINT).title("T").venue("arXiv").build();
        assertEquals(Optional.of("arXiv"), entry(noId).value("howpublished"));
        assertEquals(Optional.empty(), entry(noId).value("eprint"));
        Reference otherServer = Reference.builder().type(ReferenceType.PREPRINT).title("T").venue("medRxiv").build();
        assertEquals(Optional.of("medRxiv"), entry(otherServer).value("howpublished"));
    }

    @Test
    void exportsNoteButNotTheOtherFieldsOrTags() {
        String text = entry(SampleReferences.simhi().toBuilder().field("note", "Read twice").build()).format();
        assertTrue(text.contains("  note = {Read twice},\n"));
        assertFalse(text.contains("93.1"));
        assertFalse(text.contains("to-read"));
        assertFalse(text.contains("relevance"));
    }

    @Test
    void joinsKeywordsWithCommas() {
        assertEquals(Optional.of("logic, incompleteness, Principia Mathematica"),
                entry(SampleReferences.goedel()).value("keywords"));
    }

    @Test
    void givesAWorkWithoutAuthorsAKeyToSortBy() {
        Reference noAuthor = Reference.builder().title("Über {LLMs}").venue("V").build();
        assertEquals(Optional.of("{\\\"U}ber {\\textbraceleft}LLMs{\\textbraceright}"), entry(noAuthor).value("key"));
        assertEquals(Optional.of("V"), entry(Reference.builder().venue("V").build()).value("key"));
        assertEquals(Optional.empty(), entry(SampleReferences.goedel()).value("key"));
    }

    @Test
    void writesAnEmptyReferenceAsAnEmptyMisc() {
        assertEquals("@misc{ref,\n}\n", write(List.of(Reference.builder().build())));
    }

    @Test
    void separatesEntriesByOneBlankLine() {
        String text = write(List.of(Reference.builder().title("One").build(),
                Reference.builder().title("Two").build()));
        assertEquals("@misc{one,\n  key = {One},\n  title = {One},\n}\n\n"
                + "@misc{two,\n  key = {Two},\n  title = {Two},\n}\n", text);
    }

    @Test
    void writesNothingForNoReferences() {
        assertEquals("", write(List.of()));
    }

    @Test
    void keepsTheUrlAsAUrl() {
        Reference r = Reference.builder().title("T").url("https://example.org/a_b?x=1&y=2").doi("10.1000/x_y").build();
        assertEquals(Optional.of("https://example.org/a_b?x=1&y=2"), entry(r).value("url"));
        assertEquals(Optional.of("10.1000/x_y"), entry(r).value("doi"));
    }

    @Test
    void writesSafeBalancedAsciiForTheVariedSet() {
        List<Reference> varied = SampleReferences.varied();
        String text = write(varied);
        assertTrue(BibtexEntry.balanced(text));
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)));
        assertEquals(varied.size(), text.split("\n@").length);
        for (Reference reference : varied) {
            for (BibtexEntry.Field field : BibtexWriter.entry(reference, "k").fields()) {
                if (!field.name().equals("url") && !field.name().equals("doi")) {
                    LatexChecks.assertSafe(field.name(), field.value());
                }
            }
        }
    }

    @Test
    void writesSafeBalancedAsciiForRandomReferences() {
        List<Reference> references = SampleReferences.random(20260517L, 2_000);
        String text = write(references);
        assertTrue(BibtexEntry.balanced(text));
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)));
        List<String> keys = CitationKeys.assign(references);
        assertEquals(references.size(), keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().count());
        for (int i = 0; i < references.size(); i++) {
            for (BibtexEntry.Field field : BibtexWriter.entry(references.get(i), keys.get(i)).fields()) {
                if (field.name().equals("url") || field.name().equals("doi")) {
                    assertTrue(field.value().chars().noneMatch(c -> "\\{}^ \"<>|`".indexOf(c) >= 0), field.value());
                } else if (field.macro()) {
                    assertTrue(field.value().matches("[a-z]{3}"), field.value());
                } else {
                    LatexChecks.assertSafe(field.name(), field.value());
                }
            }
        }
    }

    @Test
    void printsTheSameOutputForTheSameInput() {
        assertEquals(write(SampleReferences.varied()), write(SampleReferences.varied()));
    }

    @Test
    void putsFieldsInAFixedOrder() {
        Reference full = SampleReferences.goedel().toBuilder().arxivId("1234.5678").abstractText("Abstract.")
                .field("arxivCategory", "math.LO").author(Person.of("Other", "A.")).build();
        List<String> names = entry(full).fields().stream().map(BibtexEntry.Field::name).toList();
        assertEquals(List.of("author", "title", "journal", "year", "month", "volume", "number", "pages", "doi",
                "url", "eprint", "archivePrefix", "primaryClass", "keywords", "note", "abstract"), names);
    }
}
