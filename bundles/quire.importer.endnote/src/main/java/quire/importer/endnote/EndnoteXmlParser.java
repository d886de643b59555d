package quire.importer.endnote;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;

/**
 * Reads EndNote XML ({@code <xml><records><record>...}) with StAX, one record at a time, so memory stays flat
 * however large the file. Plain Java, testable without a framework.
 *
 * <p>A record with nothing to identify a work by is reported with its line and skipped. XML that is not well
 * formed stops the parser: the error is reported where it was found, and the records before it are kept.
 */
final class EndnoteXmlParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "endnote-xml";

    private final String sourceName;
    private final XMLInputFactory factory = StyledText.secureFactory();

    /** @param sourceName the file name for provenance and messages */
    EndnoteXmlParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Reads every record from {@code in}, stopping early when the sink is cancelled. Does not close {@code in}. */
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
                    + StyledText.reason(e) + "); the rest of the file was not read"));
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
        boolean first = true;
        while (reader.hasNext()) {
            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (first && !name.equals("xml") && !name.equals("records") && !name.equals("record")) {
                Location at = reader.getLocation();
                sink.problem(ImportProblem.error(sourceName, at.getLineNumber(), at.getColumnNumber(),
                        "this is not EndNote XML: the root element is <" + name + ">, not <xml>; "
                                + "import the file with the format it is in"));
                return;
            }
            first = false;
            if (name.equals("record")) {
                if (sink.cancelled()) {
                    return;
                }
                Location at = reader.getLocation();
                int line = at.getLineNumber();
                int column = at.getColumnNumber();
                EndnoteRecord record = EndnoteRecord.read(reader);
                record.toReference(sourceName, position++, line, column, sink).ifPresent(sink::reference);
            }
        }
    }
}
