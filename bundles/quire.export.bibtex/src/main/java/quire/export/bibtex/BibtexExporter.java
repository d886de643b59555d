package quire.export.bibtex;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.model.Reference;

/**
 * Exports references as classic BibTeX (format id {@value #FORMAT}): ASCII, LaTeX-encoded, one entry per
 * reference with a citation key unique within the file. See {@link BibtexWriter} for the fields,
 * {@link CitationKeys} for the keys and {@link LatexEncoder} for how text is written. No options yet.
 */
@Component(service = Exporter.class, property = Exporter.FORMAT + "=" + BibtexExporter.FORMAT)
public final class BibtexExporter implements Exporter {

    /** The format id. */
    public static final String FORMAT = "bibtex";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String label() {
        return "BibTeX";
    }

    @Override
    public String extension() {
        return "bib";
    }

    @Override
    public void write(List<Reference> references, ExportOptions options, Writer out) throws IOException {
        BibtexWriter.write(references, out);
    }
}
