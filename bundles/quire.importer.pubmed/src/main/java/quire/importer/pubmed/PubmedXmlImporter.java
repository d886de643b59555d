package quire.importer.pubmed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports PubMed XML, the {@code <PubmedArticleSet>} that PubMed's "Save as XML" and E-utilities' efetch write
 * (format id {@code pubmed-xml}), journal articles and Bookshelf book articles alike. Every article counts as coming
 * from the PubMed database. Titles and abstracts with inline markup (italics, sub- and superscripts, MathML) are
 * flattened to their text. Besides the model's slots, articles carry the fields {@code venueAbbreviation},
 * {@code publicationTypes}, {@code issn}, {@code language}, {@code pmcid}, {@code pii}, {@code affiliations},
 * and {@code dateText} when the date is a range or season.
 */
@Component(service = Importer.class,
        property = {Importer.FORMAT + "=" + PubmedXmlParser.FORMAT, Importer.EXTENSIONS + "=xml"})
public final class PubmedXmlImporter implements Importer {

    @Override
    public String format() {
        return PubmedXmlParser.FORMAT;
    }

    @Override
    public String label() {
        return "PubMed XML (PubmedArticleSet)";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        return head != null && (head.contains("<PubmedArticleSet") || head.contains("<!DOCTYPE PubmedArticleSet"));
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // bytes, not the decoded reader: the XML parser reads the encoding from the BOM and the declaration
        try (InputStream in = source.openStream()) {
            new PubmedXmlParser(source.name()).parse(in, sink);
        }
    }
}
