package quire.importer.csljson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.model.DatePrecision;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Better BibTeX's export test of date forms (15 items): every item's issued date and precision against what its
 * date-parts say.
 */
class DateFormsFixtureTest {

    static final String FIXTURE = "bbt_export_date-forms_360_811.csl.json";

    private static CollectingSink sink;

    @BeforeAll
    static void importFixture() throws IOException, URISyntaxException {
        sink = new CollectingSink();
        new CslJsonImporter().read(ImportSource.ofUtf8File(fixture(), ImportOptions.NONE), sink);
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(DateFormsFixtureTest.class.getResource("/fixtures/" + FIXTURE).toURI());
    }

    @Test
    void importsAllFifteenItemsWithoutProblems() {
        assertEquals(15, sink.references.size());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void isRecognisedFromItsHead() throws Exception {
        String head = Files.readString(fixture(), StandardCharsets.UTF_8);
        assertTrue(new CslJsonImporter().recognises(FIXTURE, head.substring(0, Math.min(head.length(), 8192))));
        // the first 200 characters end before the first "type": still CSL by its "author" names
        assertTrue(new CslJsonImporter().recognises(FIXTURE, head.substring(0, 200)));
    }

    @Test
    void edtfRangesKeepTheStartAndRecordTheEndAndCirca() {
        for (int i : new int[] {0, 1, 8}) {
            Reference r = item(i);
            assertEquals(Optional.of(IssuedDate.ofDay(2011, 5, 25)), r.issued(), r.title());
            assertEquals(Optional.of("2012-06-26"), r.field("issuedEnd"), r.title());
            assertEquals(Optional.of("true"), r.field("issuedCirca"), r.title());
            assertEquals(ReferenceType.WEBPAGE, r.type());
        }
    }

    @Test
    void monthPrecisionWithCirca() {
        Reference r = item(2);
        assertEquals("doe12_edtf_2011", r.field("citationKey").orElseThrow());
        assertEquals(Optional.of(IssuedDate.ofMonth(2011, 5)), r.issued());
        assertEquals(DatePrecision.MONTH, r.issued().orElseThrow().precision());
        assertEquals(Optional.of("true"), r.field("issuedCirca"));
        assertEquals(Optional.empty(), r.field("issuedEnd"));
    }

    @Test
    void seasonsKeepTheYearAndNameTheSeason() {
        assertEquals(Optional.of(IssuedDate.ofYear(2017)), item(3).issued());
        assertEquals(Optional.of("winter"), item(3).field("season"));
        assertEquals(Optional.of("true"), item(3).field("issuedCirca"));
        assertEquals(Optional.of(IssuedDate.ofYear(1985)), item(6).issued());
        assertEquals(Optional.of("spring"), item(6).field("season"));
        assertEquals(Optional.of(IssuedDate.ofYear(2017)), item(7).issued());
        assertEquals(Optional.of("autumn"), item(7).field("season"));
        assertEquals(Optional.empty(), item(7).field("issuedCirca"));
    }

    @Test
    void yearsWrittenAsStrings() {
        assertEquals(Optional.of(IssuedDate.ofYear(2011)), item(4).issued());
        assertEquals(List.of(Person.institution("Doe14")), item(4).authors());
        assertEquals(Optional.of(IssuedDate.ofYear(2017)), item(5).issued());
        assertEquals(Optional.of("0-943396-04-2 0-85131-041-9"), item(5).field("isbn"));
        assertEquals(ReferenceType.BOOK, item(5).type());
    }

    @Test
    void journalArticleFields() {
        Reference r = item(6);
        assertEquals(ReferenceType.ARTICLE, r.type());
        assertEquals("The Politics of Film Canons: printemps 1985", r.title());
        assertEquals(List.of(Person.of("Doe7", "John")), r.authors());
        assertEquals(Optional.of("Cinema Journal"), r.venue());
        assertEquals(Optional.of("24"), r.volume());
        assertEquals(Optional.of("3"), r.issue());
        assertEquals(Optional.of("4\u201323"), r.pages());
        assertEquals(Optional.of("http://www.jstor.org/stable/1225428"), r.url());
        assertEquals(Optional.of("2015-04-30"), r.field("accessed"));
        assertEquals(Optional.of("doe7_politics_1985"), r.field("cslId"));
    }

    @Test
    void rangesAndOtherDateVariables() {
        Reference t1 = item(9);
        assertEquals(ReferenceType.OTHER, t1.type());
        assertEquals(Optional.of("manuscript"), t1.field("cslType"));
        assertEquals(Optional.of(IssuedDate.ofDay(2014, 12, 31)), t1.issued());
        assertEquals(Optional.of("2015-01-01"), t1.field("issuedEnd"));
        assertEquals(Optional.of("1777-07-27/1888-08-28"), t1.field("originalDate"));
        assertEquals(Optional.of("1999-09-29"), t1.field("submitted"), "an open end [0] is no end");
        assertEquals(Optional.of("1888-08-28"), t1.field("eventDate"));
        assertEquals(Optional.of("t1"), t1.field("citationKey"));
    }

    @Test
    void itemWithoutIssuedHasNoDate() {
        Reference t2 = item(10);
        assertEquals(Optional.empty(), t2.issued());
        assertEquals(Optional.of("13th cent"), t2.field("accessed"));
        assertEquals(Optional.of("1800-01-01/1800-12-31"), t2.field("eventDate"));
    }

    @Test
    void openEndedRangeAndSingleDay() {
        assertEquals(Optional.of(IssuedDate.ofDay(2014, 12, 31)), item(11).issued());
        assertFalse(item(11).field("issuedEnd").isPresent());
        assertEquals(Optional.of(IssuedDate.ofDay(2014, 12, 31)), item(12).issued());
        assertEquals(DatePrecision.DAY, item(12).issued().orElseThrow().precision());
    }

    @Test
    void bceYears() {
        assertEquals(Optional.of(IssuedDate.ofYear(-334)), item(13).issued());
        assertEquals(Optional.of("-333-11-05"), item(13).field("accessed"));
        assertEquals(Optional.of(IssuedDate.ofDay(-100, 7, 12)), item(14).issued());
        assertEquals(Optional.of("-44-03-15"), item(14).field("issuedEnd"));
    }

    @Test
    void provenanceHasPositionAndLine() {
        assertEquals(0, item(0).provenance().getFirst().position());
        assertEquals(2, item(0).provenance().getFirst().line());
        assertEquals("csl-json", item(0).provenance().getFirst().format());
        assertEquals(FIXTURE, item(0).provenance().getFirst().sourceFile());
        assertEquals(14, item(14).provenance().getFirst().position());
        assertEquals(427, item(14).provenance().getFirst().line());
        assertEquals(Optional.empty(), item(14).provenance().getFirst().database());
    }

    private static Reference item(int index) {
        return sink.references.get(index);
    }
}
