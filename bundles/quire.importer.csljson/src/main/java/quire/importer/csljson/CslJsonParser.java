package quire.importer.csljson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Provenance;

/**
 * Reads the items of a CSL-JSON file one at a time with Jackson's streaming parser, so that memory stays flat however
 * long the file: only the item being read is ever a tree. Plain Java, testable without a framework.
 *
 * <p>Accepted shapes: an array of items (what Zotero, Better BibTeX, Mendeley and pandoc write), a single item,
 * {@code {"items": [...]}}, and several of these one after another (JSON Lines). Each item's line and column come
 * from where its opening brace is. A JSON syntax error ends the file: the items before it are kept and the error is
 * reported where the parser found it.
 */
final class CslJsonParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "csl-json";

    // One mapper for all imports: it is thread-safe once configured, and costly to make.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String sourceName;
    private int position;

    /** @param sourceName the file name for provenance and messages */
    CslJsonParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Reads every item from {@code in}, stopping early when the sink is cancelled. */
    void parse(Reader in, ImportSink sink) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            try {
                readRoots(parser, sink);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
                int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
                String reason = e.getOriginalMessage().lines().findFirst().orElse("syntax error")
                        .replaceAll("\\[Source: [^;]*; (line: \\d+, column: \\d+)]", "$1");
                sink.problem(ImportProblem.error(sourceName, line, column, "not valid JSON here (" + reason
                        + "); read the " + position + " item(s) before it and stopped: mend the file and import it "
                        + "again for the rest"));
            }
        }
    }

    private void readRoots(JsonParser parser, ImportSink sink) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (sink.cancelled()) {
                return;
            }
            switch (token) {
                case START_ARRAY -> {
                    if (!readArray(parser, sink)) {
                        return;
                    }
                }
                case START_OBJECT -> {
                    if (!readObject(parser, sink)) {
                        return;
                    }
                }
                default -> {
                    JsonLocation at = parser.currentTokenLocation();
                    sink.problem(ImportProblem.error(sourceName, at.getLineNr(), at.getColumnNr(),
                            "expected a list of CSL items or an item, found " + token.asString()
                                    + "; is this a CSL-JSON file?"));
                    return;
                }
            }
        }
    }

    /** Reads the items of an array whose {@code [} is the current token; false when cancelled. */
    private boolean readArray(JsonParser parser, ImportSink sink) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (sink.cancelled()) {
                return false;
            }
            JsonLocation at = parser.currentTokenLocation();
            JsonNode item = parser.readValueAsTree();
            accept(item == null ? NullNode.getInstance() : item, at, sink);
        }
        return true;
    }

    /**
     * Reads an object at the top level: a single item, or a wrapper whose {@code items} array is streamed. Fields
     * are gathered as they come, so a wrapper's items are never held together.
     */
    private boolean readObject(JsonParser parser, ImportSink sink) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        ObjectNode object = MAPPER.createObjectNode();
        boolean wrapper = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                wrapper = true;
                if (!readArray(parser, sink)) {
                    return false;
                }
            } else if (wrapper) {
                parser.skipChildren();
            } else {
                object.set(name, parser.readValueAsTree());
            }
        }
        if (!wrapper) {
            accept(object, at, sink);
        }
        return true;
    }

    private void accept(JsonNode item, JsonLocation at, ImportSink sink) {
        int line = Math.max(at.getLineNr(), 0);
        int column = Math.max(at.getColumnNr(), 0);
        CslItem read = CslItem.read(item, Provenance.of(sourceName, FORMAT, position, line));
        position++;
        read.error().ifPresent(reason -> sink.problem(ImportProblem.error(sourceName, line, column, reason)));
        read.warnings().forEach(warning -> sink.problem(ImportProblem.warning(sourceName, line, column, warning)));
        read.reference().ifPresent(sink::reference);
    }
}
