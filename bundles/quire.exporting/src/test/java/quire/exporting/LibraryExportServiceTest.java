package quire.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import quire.api.export.CitationKeyGenerator;
import quire.api.export.ExportException;
import quire.api.export.ExportOptions;
import quire.api.export.ExportReport;
import quire.api.export.ExportSelection;
import quire.api.export.Exporter;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

class LibraryExportServiceTest {

    /** Writes "key title" per reference, and remembers what it was given. */
    private static final class ListExporter implements Exporter {
        private final String format;
        List<Reference> written = new ArrayList<>();

        ListExporter(String format) {
            this.format = format;
        }

        @Override public String format() { return format; }
        @Override public String label() { return format; }
        @Override public String extension() { return "txt"; }

        @Override
        public void write(List<Reference> references, ExportOptions options, Writer out) throws IOException {
            written = references;
            for (Reference r : references) {
                out.write(r.field(CitationKeyGenerator.FIELD).orElse("-") + " " + r.title() + "\n");
            }
        }
    }

    /** A search that finds the references whose title contains the query, in reverse library order. */
    private static final class TitleSearch implements SearchService {
        private final MemoryLibrary library;

        TitleSearch(MemoryLibrary library) {
            this.library = library;
        }

        @Override
        public SearchResult search(SearchRequest request) throws QuerySyntaxException {
            if (request.query().startsWith("(")) {
                throw new QuerySyntaxException("unbalanced parenthesis", 0);
            }
            List<SearchHit> hits = new ArrayList<>();
            for (Reference r : library.references().reversed()) {
                if (r.title().contains(request.query())) {
                    // the index may hold an older version of the reference, without its key
                    Reference indexed = r.toBuilder().field(CitationKeyGenerator.FIELD, "").build();
                    hits.add(new SearchHit(indexed, 1f));
                }
            }
            return new SearchResult(request.query(), hits.size(), hits);
        }

        @Override public SearchResult similar(java.util.Collection<String> ids, int limit) { return null; }
        @Override public void rebuild(Progress progress) { }
    }

    /** Keys from the first word of the title, lower case. */
    private static final CitationKeyGenerator FIRST_WORD = r -> r.title().split(" ")[0].toLowerCase();

    private static Reference ref(String title) {
        return Reference.builder().title(title).build();
    }

    private static Reference ref(String title, String tag, String decision) {
        Reference.Builder b = Reference.builder().title(title).tag(tag);
        if (decision != null) {
            b.field(ExportSelection.DECISION_FIELD, decision);
        }
        return b.build();
    }

    private final MemoryLibrary library = MemoryLibrary.of(List.of(
            ref("Alpha one", "to-read", "include"),
            ref("Beta two", "Done", "Exclude"),
            ref("Alpha three", "to-read", " maybe "),
            ref("Gamma four").toBuilder().field(CitationKeyGenerator.FIELD, "Pinned:1").build()));
    private final ListExporter exporter = new ListExporter("list");
    private final LibraryExportService service = new LibraryExportService(library, new TitleSearch(library),
            FIRST_WORD);

    {
        service.addExporter(exporter);
    }

    private String export(ExportSelection selection) throws Exception {
        StringWriter out = new StringWriter();
        service.export(selection, "list", ExportOptions.NONE, out);
        return out.toString();
    }

    @Test
    void listsTheInstalledFormatsSorted() {
        service.addExporter(new ListExporter("bibtex"));
        service.addExporter(new ListExporter("bibtex"));
        assertEquals(List.of("bibtex", "list"), service.formats());
    }

    @Test
    void exportsEverythingGivingNewKeysAndKeepingPinnedOnes() throws Exception {
        assertEquals("alphaa Alpha one\nbeta Beta two\nalphab Alpha three\nPinned:1 Gamma four\n",
                export(ExportSelection.all()));
    }

    @Test
    void storesTheNewKeysInOneTransaction() throws Exception {
        StringWriter out = new StringWriter();
        ExportReport report = service.export(ExportSelection.all(), "list", ExportOptions.NONE, out);
        assertEquals(1, library.commits);
        assertEquals(4, report.exported());
        assertEquals(Map.of("r1", "alphaa", "r2", "beta", "r3", "alphab"), report.assignedKeys());
        assertEquals(List.of("r1", "r2", "r3"), List.copyOf(report.assignedKeys().keySet()));
        assertEquals("alphaa", library.reference("r1").orElseThrow().field(CitationKeyGenerator.FIELD).orElseThrow());
        // a second export finds every key pinned and writes nothing to the library
        assertEquals(out.toString(), export(ExportSelection.all()));
        assertEquals(1, library.commits);
    }

    @Test
    void keepsKeysWhenTitlesChangeAndReferencesAreAdded() throws Exception {
        String first = export(ExportSelection.all());
        Reference beta = library.reference("r2").orElseThrow();
        library.edit(beta.toBuilder().title("Delta renamed").build());
        library.add(List.of(ref("Beta again"), ref("Alpha four"), ref("beta")));
        assertEquals("alphaa Alpha one\nbeta Delta renamed\nalphab Alpha three\nPinned:1 Gamma four\n"
                + "betaa Beta again\nalphac Alpha four\nbetab beta\n", export(ExportSelection.all()));
        assertTrue(first.startsWith("alphaa Alpha one\nbeta Beta two\n"));
    }

    @Test
    void makesNewKeysUniqueAgainstEveryKeyInTheLibraryIgnoringCaseAndAccents() throws Exception {
        library.add(List.of(
                ref("Zeta").toBuilder().field(CitationKeyGenerator.FIELD, "BETA").build(),
                ref("Eta").toBuilder().field(CitationKeyGenerator.FIELD, "Bétaa").build()));
        // only the tagged ones are exported, but the keys of all references count
        assertEquals("alphaa Alpha one\nalphab Alpha three\n", export(ExportSelection.tag("TO-READ")));
        assertEquals("betab Beta two\n", export(ExportSelection.tag("done")));
    }

    @Test
    void selectsByTagAndDecision() throws Exception {
        assertEquals(List.of("Alpha one", "Alpha three"), titles(ExportSelection.tag("to-read")));
        assertEquals(List.of("Alpha one"), titles(ExportSelection.decision("include")));
        assertEquals(List.of("Beta two"), titles(ExportSelection.decision("exclude")));
        assertEquals(List.of("Alpha three"), titles(ExportSelection.decision("maybe")));
        assertEquals(List.of(), titles(ExportSelection.tag("nothing")));
    }

    @Test
    void theReviewsSettledVerdictsSelectByDecisionAndLabelsRemainForTheRest() throws Exception {
        // a review that settled r2 (labelled exclude by its source) as include and excluded r4 (no label)
        Map<String, quire.api.review.Verdict> settled = Map.of("r2", quire.api.review.Verdict.INCLUDE,
                "r4", quire.api.review.Verdict.EXCLUDE);
        quire.api.review.ReviewService review = (quire.api.review.ReviewService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {quire.api.review.ReviewService.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("settledVerdicts")) {
                                return settled;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
        service.bindReview(review);
        assertEquals(List.of("Alpha one", "Beta two"), titles(ExportSelection.decision("include")));
        assertEquals(List.of("Gamma four"), titles(ExportSelection.decision("exclude")));
        assertEquals(List.of("Alpha three"), titles(ExportSelection.decision("maybe")));
        service.unbindReview(review);
        assertEquals(List.of("Beta two"), titles(ExportSelection.decision("exclude")), "labels only again");
    }

    @Test
    void selectsASearchsResultsInTheirOrderWithTheLibrarysKeys() throws Exception {
        export(ExportSelection.all());
        assertEquals("alphab Alpha three\nalphaa Alpha one\n", export(ExportSelection.query("Alpha")));
    }

    @Test
    void reportsAQueryItCannotRunWithoutWritingOrStoring() {
        StringWriter out = new StringWriter();
        ExportException bad = assertThrows(ExportException.class,
                () -> service.export(ExportSelection.query("(x"), "list", ExportOptions.NONE, out));
        assertInstanceOf(QuerySyntaxException.class, bad.getCause());
        LibraryExportService noSearch = new LibraryExportService(library, null, FIRST_WORD);
        noSearch.addExporter(exporter);
        ExportException missing = assertThrows(ExportException.class,
                () -> noSearch.export(ExportSelection.query("x"), "list", ExportOptions.NONE, out));
        assertEquals("selecting by query needs the search index, which is not installed", missing.getMessage());
        assertEquals("", out.toString());
        assertEquals(0, library.commits);
    }

    @Test
    void namesTheInstalledFormatsForAnUnknownOne() {
        ExportException unknown = assertThrows(ExportException.class,
                () -> service.export(ExportSelection.all(), "ris", ExportOptions.NONE, new StringWriter()));
        assertEquals("no exporter for format 'ris' is installed (installed: list)", unknown.getMessage());
        service.removeExporter(exporter);
        assertThrows(ExportException.class,
                () -> service.export(ExportSelection.all(), "list", ExportOptions.NONE, new StringWriter()));
    }

    @Test
    void doesNotUndoAnEditMadeWhileTheSelectionWasRead() throws Exception {
        Reference alpha = library.reference("r1").orElseThrow();
        library.duringTransaction = () -> library.edit(alpha.toBuilder().title("Alpha edited").build());
        String text = export(ExportSelection.all());
        assertEquals("Alpha edited", library.reference("r1").orElseThrow().title());
        assertEquals("alphaa", library.reference("r1").orElseThrow().field(CitationKeyGenerator.FIELD).orElseThrow());
        assertTrue(text.startsWith("alphaa Alpha edited\n"), text);
    }

    @Test
    void exportsWithoutStoringWhenNoKeyGeneratorIsInstalled() throws Exception {
        LibraryExportService noKeys = new LibraryExportService(library, null, null);
        noKeys.addExporter(exporter);
        StringWriter out = new StringWriter();
        ExportReport report = noKeys.export(ExportSelection.all(), "list", ExportOptions.NONE, out);
        assertEquals("- Alpha one\n- Beta two\n- Alpha three\nPinned:1 Gamma four\n", out.toString());
        assertEquals(Map.of(), report.assignedKeys());
        assertEquals(0, library.commits);
    }

    @Test
    void givesKeysThatAreSafeEvenFromAGeneratorThatIsNot() throws Exception {
        LibraryExportService odd = new LibraryExportService(library, null, r -> r.title().startsWith("Beta")
                ? "{}\\, " : "a b,c");
        odd.addExporter(exporter);
        StringWriter out = new StringWriter();
        odd.export(ExportSelection.all(), "list", ExportOptions.NONE, out);
        assertEquals("abca Alpha one\nref Beta two\nabcb Alpha three\nPinned:1 Gamma four\n", out.toString());
    }

    @Test
    void givesALaterReferenceHoldingAnEarliersKeyANewOneAndKeepsIt() throws Exception {
        library.add(List.of(
                ref("Delta").toBuilder().field(CitationKeyGenerator.FIELD, "pinned:1").build(),
                ref("Epsilon").toBuilder().field(CitationKeyGenerator.FIELD, "{}\\ ,").build()));
        ExportReport report = service.export(ExportSelection.tag("nothing-but"), "list", ExportOptions.NONE,
                new StringWriter());
        assertEquals(Map.of(), report.assignedKeys(), "nothing selected, nothing changed");
        String text = export(ExportSelection.all());
        // Gamma pinned Pinned:1 first and keeps it; Delta said the same key; Epsilon's key cannot be written
        assertTrue(text.endsWith("Pinned:1 Gamma four\npinned:1a Delta\nepsilon Epsilon\n"), text);
        assertEquals(text, export(ExportSelection.all()), "and keeps the keys it gave");
    }

    private List<String> titles(ExportSelection selection) throws Exception {
        return service.select(selection).stream().map(Reference::title).collect(Collectors.toList());
    }
}
