package quire.importer.endnote;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX set-up and the reading of EndNote's text elements, whose text is usually wrapped in one or more
 * {@code <style face="normal" font="default" size="100%">} runs.
 */
final class StyledText {

    private StyledText() {
    }

    /**
     * A StAX factory that neither loads a DTD nor resolves external entities: a file must not make Quire read other
     * files or the network (XXE). A {@code DOCTYPE} is still accepted.
     */
    static XMLInputFactory secureFactory() {
        // the JDK's own implementation: in OSGi the service lookup of newFactory() could find another, or none
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * The text of the element the reader is at (on its start tag): its style runs concatenated as they are (a run
     * carries its own spaces, e.g. {@code " Catharacta maccormicki"} in italics), plus any text outside runs. Blank
     * text with a line break between runs is the indentation of a pretty-printed file and is dropped. Leaves the
     * reader on the element's end tag. Line breaks inside runs are kept; callers decide how to fold them.
     */
    static String read(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String chunk = reader.getText();
                    boolean indentation = depth == 1 && chunk.isBlank() && (chunk.indexOf('\n') >= 0
                            || chunk.indexOf('\r') >= 0);
                    if (!indentation) {
                        text.append(chunk);
                    }
                }
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        return text.toString();
    }

    /** {@code text} on one line: every run of whitespace made one space, stripped. */
    static String oneLine(String text) {
        return text.strip().replaceAll("[\\s\\u00A0]+", " ");
    }

    /** {@code text} with its line breaks kept (EndNote writes {@code \r}), each line's spaces folded. */
    static String paragraphs(String text) {
        return text.strip().replace("\r\n", "\n").replace('\r', '\n').lines().map(StyledText::oneLine)
                .filter(s -> !s.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The message of a parse error without the location prefix the JDK puts in front of it. */
    static String reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message:");
        String reason = (at >= 0 ? message.substring(at + "Message:".length()) : message).strip();
        // entities a DTD would declare are never read, on purpose (see secureFactory)
        return reason.contains("referenced, but not declared")
                ? reason + " Quire does not read DTDs or external entities" : reason;
    }
}
