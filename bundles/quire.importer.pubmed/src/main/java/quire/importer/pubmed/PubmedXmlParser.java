package quire.importer.pubmed;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;

/**
 * Reads PubMed XML ({@code <PubmedArticleSet>}, as E-utilities' efetch and PubMed's "Save as XML" write it) with
 * StAX, one article at a time, so memory stays flat however large the file. Plain Java, testable without a
 * framework.
 *
 * <p>An article without a title is reported with its line and skipped. XML that is not well formed stops the
 * parser: the error is reported where it was found, and the articles before it are kept.
 */
final class PubmedXmlParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "pubmed-xml";

    private static final Set<String> ROOTS = Set.of("PubmedArticleSet", "PubmedBookArticleSet", "PubmedArticle",
            "PubmedBookArticle");

    private final String sourceName;
    private final XMLInputFactory factory = XmlText.secureFactory();

    /** @param sourceName the file name for provenance and messages */
    PubmedXmlParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Reads every article from {@code in}, stopping early when the sink is cancelled. Does not close {@code in}. */
    void parse(InputStream in, ImportSink sink) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(in);
            read(reader, sink);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNumber());
            int column = at == null ? 0 : Math.max(0, at.getColumnNumber());
            sink.problem(ImportProblem.error(sourceName, line, column, "the XML is not well formed here ("
                    + XmlText.reason(e) + "); the rest of the file was not read"));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a StAX reader frees its buffers only; the stream is the caller's
                }
            }
        }
    }

    private void read(XMLStreamReader reader, ImportSink sink) throws XMLStreamException {
        int position = 0;
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (depth == 0 && !ROOTS.contains(name)) {
                Location at = reader.getLocation();
                sink.problem(ImportProblem.error(sourceName, at.getLineNumber(), at.getColumnNumber(),
                        "this is not PubMed XML: the root element is <" + name + ">, not <PubmedArticleSet>; "
                                + "import the file with the format it is in"));
                return;
            }
            if (name.equals("PubmedArticle") || name.equals("PubmedBookArticle")) {
                if (sink.cancelled()) {
                    return;
                }
                Location at = reader.getLocation();
                int line = at.getLineNumber();
                int column = at.getColumnNumber();
                PubmedArticle article = PubmedArticle.read(reader, name.equals("PubmedBookArticle"));
                article.toReference(sourceName, position++, line, column, sink).ifPresent(sink::reference);
                continue; // read() consumed the end tag
            }
            depth++; // PubmedArticleSet, DeleteCitation, ...: look inside
        }
    }
}
