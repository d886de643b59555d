package quire.importer.arxiv;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports the Atom feed of the arXiv API (format id {@code arxiv-atom}), as saved from
 * {@code http://export.arxiv.org/api/query?search_query=...}. Every entry becomes a
 * {@link quire.api.model.ReferenceType#PREPRINT PREPRINT} in venue "arXiv" from database "arXiv" (an
 * {@link quire.api.model.ReferenceType#ARTICLE ARTICLE} in its journal when the entry has a journal reference and a
 * DOI), with the fields {@code arxivVersion}, {@code arxivCategory}, {@code updated}, {@code affiliations},
 * {@code journalRef}, {@code note} (the authors' comment) and {@code pdf}. An error the API sends instead of results
 * is reported as an error, with the API's message.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + ArxivFeedParser.FORMAT,
        Importer.EXTENSIONS + "=xml", Importer.EXTENSIONS + "=atom"})
public final class ArxivAtomImporter implements Importer {

    @Override
    public String format() {
        return ArxivFeedParser.FORMAT;
    }

    @Override
    public String label() {
        return "arXiv API (Atom feed)";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml", "atom");
    }

    /**
     * An XML document with an Atom {@code <feed>} that the arXiv API made: it declares arXiv's schema namespace or
     * links to the API. Other Atom feeds, even ones that link to arXiv papers, are not claimed.
     */
    @Override
    public boolean recognises(String fileName, String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return text.stripLeading().startsWith("<") && text.contains("<feed")
                && text.contains(ArxivFeedParser.ATOM)
                && (text.contains("arxiv.org/schemas/atom") || text.contains("arxiv.org/api"));
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // bytes, not text: the XML parser reads the encoding from the declaration; the stream counts progress
        try (InputStream in = source.openStream()) {
            new ArxivFeedParser(source.name()).parse(in, sink);
        }
    }
}
