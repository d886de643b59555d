package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** Clippings made for one case each, and the seed cut short or with other line ends. */
class ClippingParserTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            Example Newsletter #3
            Small things, big things
            Welcome to the 3rd issue. In this edition, we cover:
            - Things
            """;

    @Test
    void truncatedMidItemKeepsWhatThereIsAndSaysSo() throws IOException {
        String seed = Files.readString(SeedClippingTest.SEED_7, StandardCharsets.UTF_8);
        // cut in the middle of line 20, inside the third item (lines 19-21)
        int line20 = nthLineStart(seed, 20);
        String cut = seed.substring(0, line20 + 40);
        CollectingSink sink = read("cut.txt", cut);
        assertEquals(List.of(), sink.errors());
        assertEquals(4, sink.references.size()); // the issue, two whole items, the cut one
        Reference last = sink.references.getLast();
        assertEquals(ReferenceType.NOTE, last.type());
        assertEquals(19, last.provenance().getFirst().line());
        assertTrue(last.abstractText().orElseThrow().endsWith(seed.substring(line20, line20 + 40).strip()));
        assertEquals(1, sink.warnings().size());
        assertEquals(19, sink.warnings().getFirst().line());
        assertTrue(sink.warnings().getFirst().message().contains("ends inside the item"));
    }

    @Test
    void truncatedInTheIntroductionStillGivesTheIssue() throws IOException {
        String seed = Files.readString(SeedClippingTest.SEED_7, StandardCharsets.UTF_8);
        CollectingSink sink = read("intro.txt", seed.substring(0, nthLineStart(seed, 6) + 10));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.size());
        assertEquals(SeedClippingTest.TITLE_7, sink.references.getFirst().title());
        assertTrue(sink.references.getFirst().abstractText().orElseThrow().endsWith("\n- Evidence"));
    }

    @Test
    void truncatedInsideARawLinkIsReportedAndTheRestKept() throws IOException {
        String seed = Files.readString(SeedClippingTest.SEED_4, StandardCharsets.UTF_8);
        CollectingSink sink = read("link.txt", seed.substring(0, nthLineStart(seed, 56) + 60));
        assertEquals(1, sink.errors().size());
        assertEquals(56, sink.errors().getFirst().line());
        assertEquals(1 + 28 + 1, sink.references.size()); // issue, items, the first (whole) news link
    }

    @Test
    void crlfLineEndsGiveTheSameRecords() throws IOException {
        for (Path seed : List.of(SeedClippingTest.SEED_7, SeedClippingTest.SEED_4)) {
            String lf = Files.readString(seed, StandardCharsets.UTF_8);
            CollectingSink unix = read("lf.txt", lf);
            CollectingSink windows = read("crlf.txt", lf.replace("\n", "\r\n"));
            CollectingSink oldMac = read("cr.txt", lf.replace("\n", "\r"));
            assertEquals(summary(unix), summary(windows));
            assertEquals(summary(unix), summary(oldMac));
            for (Reference r : windows.references) {
                assertFalse(r.title().contains("\r") || r.abstractText().orElse("").contains("\r"), r.title());
            }
        }
    }

    @Test
    void byteOrderMarkIsNotPartOfTheHeading() throws IOException {
        CollectingSink sink = read("bom.txt", "\uFEFF" + HEAD + "One item.\n[Link]\n");
        assertEquals("Example Newsletter #3: Small things, big things", sink.references.getFirst().title());
        assertEquals(2, sink.references.size());
    }

    @Test
    void brokenRecordsInTheMiddleAreReportedWithTheirLines() throws IOException {
        String text = HEAD // lines 1-4
                + "First item text.\n" // 5
                + "[Link]\n" // 6
                + "- [Link]\n" // 7: a bullet with no text
                + "Second item text.\n" // 8
                + "[Link]\n" // 9
                + "No posts\n" // 10
                + "Good Paper One\n" // 11
                + "arXiv:2401.01234v2 Announce Type: new Abstract: One.\n" // 12
                + "Broken Paper\n" // 13
                + "arXiv:2401.12 Announce Type: new Abstract: Bad id.\n" // 14
                + "Good Paper Two\n" // 15
                + "arXiv:2401.05678v1 Announce Type: cross Abstract: Two.\n" // 16
                + "Story one - Outlet A\n" // 17
                + "<a href=\"https://news.example/1\">Story one</a> <font color=\"#6f6f6f\">Outlet A</font>\n" // 18
                + "Story two - Outlet B\n" // 19
                + "<a href=\"https://news.example/2\" target=\"_blank\">Story two\n" // 20: no closing tag
                + "Story three - Outlet C\n" // 21
                + "<a href=\"https://news.example/3\">Story three</a> <font>Outlet C</font>\n"; // 22
        CollectingSink sink = read("broken.txt", text);
        assertEquals(List.of(7, 14, 20), sink.errors().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(), sink.warnings());
        assertEquals(List.of("Example Newsletter #3: Small things, big things", "First item text",
                "Second item text", "Good Paper One", "Good Paper Two", "Story one", "Story three"),
                sink.references.stream().map(Reference::title).toList());
        assertEquals(List.of(1, 5, 8, 11, 15, 17, 21),
                sink.references.stream().map(r -> r.provenance().getFirst().line()).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6),
                sink.references.stream().map(r -> r.provenance().getFirst().position()).toList());
        assertEquals(Optional.of("cross"), sink.references.get(4).field("announceType"));
    }

    @Test
    void cancellationStopsBetweenRecords() throws IOException {
        CollectingSink sink = new CollectingSink(3);
        new ClippingImporter().read(ImportSource.ofUtf8File(SeedClippingTest.SEED_4, ImportOptions.NONE), sink);
        assertEquals(3, sink.references.size());
        assertEquals(ReferenceType.NEWSLETTER, sink.references.getFirst().type());
    }

    @Test
    void headerWithChromeDateAddressAndByline() throws IOException {
        String text = """
                Subscribe
                Sign in
                Example Newsletter #12
                Notes from the field
                By Dan Hendrycks and Thomas Woodside
                Oct 03, 2022
                https://newsletter.example.org/p/example-12
                Share
                12
                Welcome to the 12th issue! In this edition, we cover:
                - Something
                Item with a <a href="https://example.org/paper">linked paper</a>, doi:10.1234/ABC.5.
                14 Likes
                It continues (arXiv:2212.03827v2; PMID: 123456).
                [Link]
                """;
        CollectingSink sink = read("header.txt", text);
        assertEquals(List.of(), sink.problems);
        Reference issue = sink.references.getFirst();
        assertEquals("Example Newsletter #12: Notes from the field", issue.title());
        assertEquals(Optional.of(IssuedDate.ofDay(2022, 10, 3)), issue.issued());
        assertEquals(Optional.of("https://newsletter.example.org/p/example-12"), issue.url());
        assertEquals(List.of(Person.of("Hendrycks", "Dan"), Person.of("Woodside", "Thomas")), issue.authors());
        assertEquals(Optional.of("Welcome to the 12th issue! In this edition, we cover:\n- Something"),
                issue.abstractText());
        assertEquals(Optional.of(3), issue.provenance().stream().map(p -> p.line()).findFirst());

        Reference item = sink.references.get(1);
        assertEquals("Item with a linked paper, doi:10.1234/ABC.5", item.title());
        assertEquals(Optional.of("Item with a linked paper, doi:10.1234/ABC.5.\nIt continues (arXiv:2212.03827v2; "
                + "PMID: 123456)."), item.abstractText());
        assertEquals(Optional.of("10.1234/abc.5"), item.doi());
        assertEquals(Optional.of("2212.03827"), item.arxivId());
        assertEquals(Optional.of("123456"), item.pmid());
        assertEquals(Optional.of("https://example.org/paper"), item.url());
        assertEquals(Optional.of(IssuedDate.ofDay(2022, 10, 3)), item.issued()); // the issue's date
        assertEquals(2, sink.references.size());
    }

    @Test
    void announcementWithAuthorsBeforeOrAfter() throws IOException {
        String text = HEAD + """
                One item.
                [Link]
                More about
                safetyagentsFirst Paper Title
                Authors: Adi Simhi, Fazl Barez et al.
                arXiv:2501.00001v1 Announce Type: new Abstract: First abstract.
                Second Paper Title
                arXiv:2501.00002v3 Announce Type: replace
                Authors: Ada Lovelace
                Abstract: Second abstract.
                Third Paper Title
                arXiv:2501.00003 Announce Type: new Abstract: Third.
                """;
        CollectingSink sink = read("authors.txt", text);
        assertEquals(List.of(), sink.problems);
        List<Reference> preprints = sink.ofType(ReferenceType.PREPRINT);
        assertEquals(List.of("First Paper Title", "Second Paper Title", "Third Paper Title"),
                preprints.stream().map(Reference::title).toList());
        assertEquals(List.of(Person.of("Simhi", "Adi"), Person.of("Barez", "Fazl")), preprints.get(0).authors());
        assertTrue(preprints.get(0).authorsTruncated());
        assertEquals(List.of(Person.of("Lovelace", "Ada")), preprints.get(1).authors());
        assertEquals(Optional.of("Second abstract."), preprints.get(1).abstractText());
        assertEquals(List.of(), preprints.get(2).authors());
        assertEquals(List.of(8, 11, 15), preprints.stream().map(r -> r.provenance().getFirst().line()).toList());
    }

    @Test
    void aFirstLineThatIsNoHeadingIsWarnedAboutAndUsed() throws IOException {
        CollectingSink sink = read("plain.txt", "Weekly notes\nWelcome to the 5th issue of our notes.\nAn item.\n"
                + "[Link]\n");
        assertEquals(1, sink.warnings().size());
        assertEquals(1, sink.warnings().getFirst().line());
        Reference issue = sink.references.getFirst();
        assertEquals("Weekly notes", issue.title());
        assertEquals(Optional.of("5"), issue.issue()); // from "the 5th issue"
        assertEquals(2, sink.references.size());
    }

    @Test
    void emptyFileGivesNoRecords() throws IOException {
        CollectingSink sink = read("empty.txt", "\n\n  \n");
        assertEquals(List.of(), sink.references);
        assertEquals(1, sink.warnings().size());
    }

    @Test
    void aParagraphStartingWithALinkStaysInTheBody() throws IOException {
        CollectingSink sink = read("link-in-body.txt", HEAD + "<a href=\"https://github.com/Jingkang50/OpenOOD\">"
                + "OpenOOD</a> is a benchmark. It has many methods.\n[Link]\nNext item.\n[Link]\n");
        assertEquals(List.of(), sink.problems);
        List<Reference> notes = sink.ofType(ReferenceType.NOTE);
        assertEquals(List.of("OpenOOD is a benchmark", "Next item"), notes.stream().map(Reference::title).toList());
        assertEquals(Optional.of("https://github.com/Jingkang50/OpenOOD"), notes.getFirst().url());
        assertEquals(Optional.of("OpenOOD is a benchmark. It has many methods."), notes.getFirst().abstractText());
    }

    @Test
    void markersOnSeparateLinesCloseOneItem() throws IOException {
        CollectingSink sink = read("markers.txt", HEAD + "An item.\n[Paper]\n[Video]\n[Link]\nAnother.\n[Link]\n");
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("An item", "Another"), sink.ofType(ReferenceType.NOTE).stream().map(Reference::title)
                .toList());
    }

    @Test
    void anItemWithoutMarkersIsCappedNotHeldWhole() throws IOException {
        Path file = dir.resolve("nomarkers.txt");
        String paragraph = "This paragraph never ends in a link marker and goes on and on. ".repeat(20) + "\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEAD);
            for (int i = 0; i < 2_000; i++) {
                out.write(paragraph);
            }
            out.write("[Link]\nAfter.\n[Link]\n");
        }
        CollectingSink sink = new CollectingSink();
        new ClippingImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        assertEquals(3, sink.references.size());
        assertTrue(sink.references.get(1).abstractText().orElseThrow().length() <= ClippingParser.MAX_ITEM_CHARS);
        assertEquals("After", sink.references.get(2).title());
        assertEquals(1, sink.warnings().size());
    }

    /** Streams: a clipping of some 20 MB goes through a sink that keeps nothing, in flat memory. */
    @Test
    void largeClippingStreams() throws IOException {
        Path file = dir.resolve("large.txt");
        int items = 50_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEAD);
            String body = "A summary of a paper that says something about safety. ".repeat(6);
            for (int i = 0; i < items; i++) {
                out.write(body + i + "\n[Link]\n- [Link] A bullet item " + i + ".\n");
            }
            out.write("No posts\n");
        }
        long[] count = new long[1];
        new ClippingImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), new ImportSink() {
            @Override
            public void reference(Reference reference) {
                count[0]++;
            }

            @Override
            public void problem(ImportProblem problem) {
                throw new AssertionError(problem.toString());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(1 + 2L * items, count[0]);
    }

    private CollectingSink read(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        new ClippingImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    private static List<String> summary(CollectingSink sink) {
        return sink.references.stream().map(r -> r.type() + "|" + r.title() + "|" + r.abstractText().orElse("") + "|"
                + r.url().orElse("") + "|" + r.provenance().getFirst().line()).toList();
    }

    /** The offset where line {@code n} (from 1) starts. */
    private static int nthLineStart(String text, int n) {
        int at = 0;
        for (int i = 1; i < n; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }
}
