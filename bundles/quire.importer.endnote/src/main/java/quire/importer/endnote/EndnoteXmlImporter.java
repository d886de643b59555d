package quire.importer.endnote;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports EndNote XML, what EndNote writes with "Export &rarr; XML" (format id {@code endnote-xml}). Text split into
 * style runs is joined; the title is {@code <titles><title>} and the venue {@code <secondary-title>} (else the
 * periodical's full title). A record names its database when EndNote fetched it from one
 * ({@code remote-database-name}/{@code -provider}; a Web of Science accession number says Web of Science). The
 * user's {@code <label>} is kept in the field {@code label} and, when it reads as a list of short labels, as tags.
 * Other fields: {@code altTitle}, {@code venueAbbreviation}, {@code issn}/{@code isbn}, {@code accessionNumber},
 * {@code editors}, {@code notes}, {@code language}, {@code publisher}, {@code workType}, {@code urls}, and
 * {@code dateText} when the date is more than a year, month and day.
 */
@Component(service = Importer.class,
        property = {Importer.FORMAT + "=" + EndnoteXmlParser.FORMAT, Importer.EXTENSIONS + "=xml"})
public final class EndnoteXmlImporter implements Importer {

    @Override
    public String format() {
        return EndnoteXmlParser.FORMAT;
    }

    @Override
    public String label() {
        return "EndNote XML";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        return head != null && head.contains("<xml>") && head.contains("<records>") && head.contains("<record>");
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // bytes, not the decoded reader: the XML parser reads the encoding from the BOM and the declaration
        try (InputStream in = source.openStream()) {
            new EndnoteXmlParser(source.name()).parse(in, sink);
        }
    }
}
