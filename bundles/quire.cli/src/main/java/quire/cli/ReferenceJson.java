package quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import quire.api.model.Person;
import quire.api.model.Reference;

/**
 * The JSON shape of a reference on the command line ({@code --format json}): a contract scripts rely on, so it is
 * written field by field rather than derived from the record. Absent values are JSON null, never left out.
 */
final class ReferenceJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReferenceJson() {
    }

    static ObjectNode of(Reference r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", r.id());
        node.put("type", r.type().id());
        node.put("title", r.title());
        ArrayNode authors = node.putArray("authors");
        for (Person person : r.authors()) {
            ObjectNode author = authors.addObject();
            author.put("family", person.family());
            author.put("given", person.given());
            if (person.institution()) {
                author.put("institution", true);
            }
        }
        node.put("authorsTruncated", r.authorsTruncated());
        if (r.year().isPresent()) {
            node.put("year", r.year().get());
        } else {
            node.putNull("year");
        }
        put(node, "issued", r.issued().map(Object::toString));
        node.put("issuedInferred", r.issued().map(d -> d.inferred()).orElse(false));
        put(node, "venue", r.venue());
        put(node, "volume", r.volume());
        put(node, "issue", r.issue());
        put(node, "pages", r.pages());
        put(node, "doi", r.doi());
        put(node, "arxiv", r.arxivId());
        put(node, "pmid", r.pmid());
        put(node, "url", r.url());
        put(node, "abstract", r.abstractText());
        node.set("keywords", MAPPER.valueToTree(r.keywords()));
        node.set("tags", MAPPER.valueToTree(r.tags()));
        node.set("fields", MAPPER.valueToTree(r.fields()));
        ArrayNode sources = node.putArray("sources");
        r.provenance().forEach(p -> sources.addObject().put("file", p.sourceFile()).put("format", p.format())
                .put("position", p.position()).put("line", p.line()));
        return node;
    }

    private static void put(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        } else {
            node.putNull(name);
        }
    }
}
