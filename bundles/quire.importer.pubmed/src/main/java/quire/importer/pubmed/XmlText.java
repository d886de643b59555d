package quire.importer.pubmed;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The StAX set-up and text reading shared by the XML parsers of this bundle. */
final class XmlText {

    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";

    private XmlText() {
    }

    /**
     * A StAX factory that neither loads a DTD nor resolves external entities: a file must not make Quire read other
     * files or the network (XXE). A {@code DOCTYPE} is still accepted; PubMed writes one.
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
     * The text of the element the reader is at (on its start tag), with the text of inline markup inside it
     * ({@code <i>}, {@code <sup>}, MathML) flattened into it, whitespace runs collapsed to one space. Leaves the
     * reader on the element's end tag.
     */
    static String readText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    tokenBoundary(reader, text);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    tokenBoundary(reader, text);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        return collapse(text);
    }

    /**
     * MathML elements are separate symbols ({@code <cn>17<sep/>29</cn>} is 17 and 29), while HTML-like inline markup
     * is part of a word (CO{@code <sub>}2{@code </sub>} is CO2); so only MathML gets a space around its elements.
     */
    private static void tokenBoundary(XMLStreamReader reader, StringBuilder text) {
        if (MATHML.equals(reader.getNamespaceURI())) {
            text.append(' ');
        }
    }

    /** {@code text} with every run of whitespace made one space, stripped. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
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
