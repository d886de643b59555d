package quire.importer.csljson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSource;
import quire.api.model.Reference;

class CslJsonImporterTest {

    @TempDir
    Path dir;

    private final CslJsonImporter importer = new CslJsonImporter();

    private CollectingSink read(String json) throws IOException {
        return read(json, new CollectingSink());
    }

    private CollectingSink read(String json, CollectingSink sink) throws IOException {
        Path file = dir.resolve("items.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    private static List<String> titles(CollectingSink sink) {
        return sink.references.stream().map(Reference::title).toList();
    }

    @Test
    void describesItself() {
        assertEquals("csl-json", importer.format());
        assertEquals(List.of("json"), importer.extensions());
        assertTrue(importer.label().startsWith("CSL-JSON"));
    }

    @Test
    void arrayOfItems() throws IOException {
        CollectingSink sink = read("[{\"type\": \"book\", \"title\": \"A\"},\n {\"type\": \"book\", \"title\": \"B\"}]");
        assertEquals(List.of("A", "B"), titles(sink));
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.references.get(1).provenance().getFirst().position());
        assertEquals(2, sink.references.get(1).provenance().getFirst().line());
    }

    @Test
    void singleObjectWithBom() throws IOException {
        CollectingSink sink = read("\uFEFF{\"type\": \"book\", \"title\": \"Only\", \"author\": [{\"family\": \"Doe\"}]}");
        assertEquals(List.of("Only"), titles(sink));
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void itemsWrapper() throws IOException {
        CollectingSink sink = read("{\"version\": 1, \"items\": [{\"title\": \"A\"}, {\"title\": \"B\"}], \"extra\": {\"x\": [1]}}");
        assertEquals(List.of("A", "B"), titles(sink));
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void jsonLines() throws IOException {
        CollectingSink sink = read("{\"title\": \"A\"}\n{\"title\": \"B\"}\n");
        assertEquals(List.of("A", "B"), titles(sink));
        assertEquals(2, sink.references.get(1).provenance().getFirst().line());
    }

    @Test
    void emptyArray() throws IOException {
        CollectingSink sink = read("[]");
        assertEquals(List.of(), sink.references);
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void brokenItemsInTheMiddleAreReportedAndTheOthersKept() throws IOException {
        String json = """
                [
                  {"type": "book", "title": "First"},
                  42,
                  {"type": "book", "author": [{"family": "Nobody"}]},
                    {"type": "book", "title": "Last"}
                ]
                """;
        CollectingSink sink = read(json);
        assertEquals(List.of("First", "Last"), titles(sink));
        List<ImportProblem> errors = sink.errors();
        assertEquals(2, errors.size());
        assertEquals(3, errors.get(0).line());
        assertEquals(3, errors.get(0).column());
        assertTrue(errors.get(0).message().contains("not an object"));
        assertEquals(4, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("no title and no identifier"));
        assertEquals("items.json", errors.get(1).file());
        // positions are the items' places in the file, so the last is item 3 on line 5, column 5
        assertEquals(3, sink.references.get(1).provenance().getFirst().position());
        assertEquals(5, sink.references.get(1).provenance().getFirst().line());
    }

    @Test
    void warningsCarryTheItemsLineAndColumn() throws IOException {
        CollectingSink sink = read("[\n  {\"title\": \"T\", \"DOI\": \"nope\"}\n]");
        assertEquals(1, sink.references.size());
        ImportProblem warning = sink.warnings().getFirst();
        assertEquals(2, warning.line());
        assertEquals(3, warning.column());
    }

    @Test
    void syntaxErrorStopsWithItsLineAndKeepsTheItemsBefore() throws IOException {
        String json = """
                [
                  {"title": "A"},
                  {"title": "B"},
                  {"title": "C" "oops": 1},
                  {"title": "D"}
                ]
                """;
        CollectingSink sink = read(json);
        assertEquals(List.of("A", "B"), titles(sink));
        assertEquals(1, sink.problems.size());
        ImportProblem error = sink.errors().getFirst();
        assertEquals(4, error.line());
        assertTrue(error.column() > 15, "column " + error.column());
        assertTrue(error.message().startsWith("not valid JSON"), error.message());
    }

    @Test
    void truncatedFileKeepsWhatWasComplete() throws IOException {
        CollectingSink sink = read("[{\"title\": \"A\"}, {\"title\": \"B\", \"author\": [");
        assertEquals(List.of("A"), titles(sink));
        assertEquals(1, sink.errors().size());
        assertFalse(sink.errors().getFirst().message().contains("Source"), sink.errors().getFirst().message());
    }

    @Test
    void notCslAtAll() throws IOException {
        CollectingSink sink = read("\"just a string\"");
        assertEquals(List.of(), sink.references);
        assertTrue(sink.errors().getFirst().message().contains("is this a CSL-JSON file?"));
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        CollectingSink sink = read("[{\"title\": \"A\"}, {\"title\": \"B\"}, {\"title\": \"C\"}]", new CollectingSink(2));
        assertEquals(List.of("A", "B"), titles(sink));
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void streamsALargeFile() throws IOException {
        Path file = dir.resolve("large.json");
        int count = 20_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"type\": \"article-journal\", \"title\": \"Title " + i
                        + "\", \"author\": [{\"family\": \"Doe\", \"given\": \"J.\"}], \"issued\": {\"date-parts\": [[2020, 5]]},"
                        + " \"DOI\": \"10.1000/" + i + "\"}");
            }
            out.write("\n]\n");
        }
        CountingSink sink = new CountingSink();
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        assertEquals(count, sink.count);
        assertEquals("Title 19999", sink.last.title());
        assertEquals(count + 1, sink.last.provenance().getFirst().line());
    }

    @Test
    void recognisesCslJson() {
        assertTrue(importer.recognises("x.json", "[{\"id\": \"a\", \"type\": \"article-journal\", \"title\": \"T\"}]"));
        assertTrue(importer.recognises("x.json", "\uFEFF\n  [\n {\"type\":\"book\",\"author\":[]}"));
        assertTrue(importer.recognises("x.txt", "{\"type\": \"paper-conference\", \"issued\": {}}"));
        assertTrue(importer.recognises("x.json", "{\"items\": [{\"type\": \"report\", \"container-title\": \"X\"}"));
        // Better BibTeX sorts keys: a long abstract can push "type" out of the head
        assertTrue(importer.recognises("x.json", "[\n  {\n    \"abstract\": \"...\",\n    \"author\": [\n"
                + "      {\n        \"family\": \"Doe\","));
    }

    @Test
    void doesNotRecogniseOtherFormats() {
        assertFalse(importer.recognises("x.bib", "@article{key,\n  title = {T},\n  type = {book}\n}"));
        assertFalse(importer.recognises("x.ris", "TY  - JOUR\nTI  - T\nER  - \n"));
        assertFalse(importer.recognises("x.txt", "PMID- 123\nTI  - T\n"));
        assertFalse(importer.recognises("x.csv", "\"type\",\"title\"\n\"book\",\"T\"\n"));
        assertFalse(importer.recognises("x.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assertFalse(importer.recognises("schema.json", "{\"$schema\": \"x\", \"title\": \"Item\", \"type\": \"object\"}"));
        assertFalse(importer.recognises("package.json", "{\"name\": \"x\", \"type\": \"module\", \"author\": \"me\"}"));
        assertFalse(importer.recognises("geo.json", "{\"type\": \"FeatureCollection\", \"features\": []}"));
        assertFalse(importer.recognises("crossref.json", "{\"status\":\"ok\",\"message-type\":\"work\",\"message\":"
                + "{\"DOI\":\"10.1/x\",\"type\":\"journal-article\",\"title\":[\"T\"],\"issued\":{\"date-parts\":[[2020]]}}}"));
        assertFalse(importer.recognises("zotero.json", "[{\"key\": \"ABCD2345\", \"data\": {\"itemType\": "
                + "\"journalArticle\", \"title\": \"T\"}}]"));
        assertFalse(importer.recognises("x.json", "[1, 2, 3]"));
        assertFalse(importer.recognises("x.json", ""));
        assertFalse(importer.recognises("x.json", "   "));
    }

    /** Keeps only the count and the last reference, so that the test itself holds no list. */
    private static final class CountingSink implements quire.api.importing.ImportSink {
        int count;
        Reference last;

        @Override
        public void reference(Reference reference) {
            count++;
            last = reference;
        }

        @Override
        public void problem(ImportProblem problem) {
            throw new AssertionError(problem.toString());
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
