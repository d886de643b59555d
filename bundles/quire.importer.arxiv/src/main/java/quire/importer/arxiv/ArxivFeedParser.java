package quire.importer.arxiv;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Provenance;

/**
 * Reads the Atom feed that the arXiv API answers queries with ({@code http://export.arxiv.org/api/query?...}), one
 * {@code <entry>} at a time with StAX, so memory stays flat however many entries the feed has. Plain Java,
 * testable without a framework.
 *
 * <p>The parser is safe against XML external entities: it reads no DTD and resolves no external entity, so a feed
 * cannot make it open files or URLs. A feed that is not well-formed ends the import where the XML breaks; the
 * entries before are kept.
 */
final class ArxivFeedParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "arxiv-atom";

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV_NS = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    private final String sourceName;
    private int position;
    private OptionalLong totalResults = OptionalLong.empty();
    private long startIndex;

    /** @param sourceName the file name for provenance and messages */
    ArxivFeedParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Reads every entry of the feed in {@code in}, stopping early when the sink is cancelled. */
    void parse(InputStream in, ImportSink sink) {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            if (readFeed(xml, sink)) {
                reportPaging(sink);
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            sink.problem(ImportProblem.error(sourceName, at == null ? 0 : Math.max(at.getLineNumber(), 0),
                    at == null ? 0 : Math.max(at.getColumnNumber(), 0), "not well-formed XML here (" + reason(e)
                            + "); read the " + position + " entries before it and stopped: download the feed again "
                            + "or mend the file for the rest"));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing only frees the reader; the stream is closed by whoever opened it
                }
            }
        }
    }

    /** A factory for the JDK's own StAX parser (not whichever a bundle's class path offers), with DTDs off. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads the feed's children; false when the document is not a feed or the import was cancelled. */
    private boolean readFeed(XMLStreamReader xml, ImportSink sink) throws XMLStreamException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, whitespace
        }
        if (!xml.isStartElement() || !xml.getLocalName().equals("feed") || !ATOM.equals(xml.getNamespaceURI())) {
            Location at = xml.getLocation();
            sink.problem(ImportProblem.error(sourceName, at.getLineNumber(), at.getColumnNumber(), "expected an Atom "
                    + "<feed> as the arXiv API sends, found " + (xml.isStartElement() ? "<" + xml.getLocalName() + ">"
                    : "no element") + "; is this an arXiv API response?"));
            return false;
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return true; // </feed>
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (ATOM.equals(ns) && name.equals("entry")) {
                if (sink.cancelled()) {
                    return false;
                }
                Location at = xml.getLocation();
                ArxivEntry entry = readEntry(xml);
                accept(entry, at.getLineNumber(), at.getColumnNumber(), sink);
            } else if (OPENSEARCH.equals(ns) && name.equals("totalResults")) {
                totalResults = number(text(xml)).map(OptionalLong::of).orElse(OptionalLong.empty());
            } else if (OPENSEARCH.equals(ns) && name.equals("startIndex")) {
                startIndex = number(text(xml)).orElse(0L);
            } else {
                skip(xml);
            }
        }
        return true;
    }

    private ArxivEntry readEntry(XMLStreamReader xml) throws XMLStreamException {
        ArxivEntry entry = new ArxivEntry();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> entry.id = text(xml);
                    case "title" -> entry.title = text(xml);
                    case "summary" -> entry.summary = text(xml);
                    case "published" -> entry.published = text(xml);
                    case "updated" -> entry.updated = text(xml);
                    case "author" -> entry.authors.add(readAuthor(xml));
                    case "category" -> {
                        entry.categories.add(attribute(xml, "term"));
                        skip(xml);
                    }
                    case "link" -> {
                        readLink(xml, entry);
                        skip(xml);
                    }
                    default -> skip(xml);
                }
            } else if (ARXIV_NS.equals(ns)) {
                switch (name) {
                    case "primary_category" -> {
                        entry.primaryCategory = attribute(xml, "term");
                        skip(xml);
                    }
                    case "doi" -> entry.doi = text(xml);
                    case "journal_ref" -> entry.journalRef = text(xml);
                    case "comment" -> entry.comment = text(xml);
                    default -> skip(xml);
                }
            } else {
                skip(xml);
            }
        }
        return entry;
    }

    private static ArxivEntry.Author readAuthor(XMLStreamReader xml) throws XMLStreamException {
        String name = "";
        List<String> affiliations = new ArrayList<>();
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            if (ATOM.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("name")) {
                name = text(xml);
            } else if (ARXIV_NS.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("affiliation")) {
                affiliations.add(text(xml));
            } else {
                skip(xml);
            }
        }
        return new ArxivEntry.Author(name, affiliations);
    }

    private static void readLink(XMLStreamReader xml, ArxivEntry entry) {
        String href = attribute(xml, "href");
        String rel = attribute(xml, "rel");
        String title = attribute(xml, "title");
        if (title.equals("pdf")) {
            entry.pdf = href;
        } else if (title.equals("doi")) {
            entry.doiLink = href;
        } else if (rel.equals("alternate") || rel.isEmpty()) {
            entry.alternate = href;
        }
    }

    private void accept(ArxivEntry entry, int line, int column, ImportSink sink) {
        ArxivEntry.Outcome outcome = entry.toReference(Provenance.of(sourceName, FORMAT, position, Math.max(line, 0)));
        position++;
        outcome.error().ifPresent(reason -> sink.problem(ImportProblem.error(sourceName, line, column, reason)));
        outcome.warnings().forEach(w -> sink.problem(ImportProblem.warning(sourceName, line, column, w)));
        outcome.reference().ifPresent(sink::reference);
    }

    /**
     * The API returns a query's results a page at a time ({@code start}, {@code max_results}); a feed that holds
     * only some of them is worth a warning, because a review must screen every result.
     */
    private void reportPaging(ImportSink sink) {
        if (totalResults.isPresent() && startIndex + position < totalResults.getAsLong()) {
            sink.problem(ImportProblem.warning(sourceName, 0, "this feed holds results " + (startIndex + 1) + "-"
                    + (startIndex + position) + " of the " + totalResults.getAsLong() + " the query found; the "
                    + "arXiv API sends results a page at a time: download the other pages (start=" + (startIndex
                    + position) + ", ...) and import them too"));
        }
    }

    /**
     * The next start or end tag. Unlike {@link XMLStreamReader#nextTag()} this passes over stray text between
     * elements, which is not worth losing an entry for.
     */
    private static int nextTag(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            event = xml.next();
        }
        return event;
    }

    /** The text of the current element, nested elements' text included; leaves the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** Skips the current element and everything in it; leaves the reader on its end tag. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The parser's message without its "ParseError at [row,col]" preamble, which the problem's line repeats. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }
}
