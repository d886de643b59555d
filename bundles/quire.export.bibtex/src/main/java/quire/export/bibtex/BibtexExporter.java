package quire.export.bibtex;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.model.Reference;

/**
 * Exports references as classic BibTeX (format id {@value #FORMAT}): ASCII, LaTeX-encoded, one entry per
 * reference with a citation key unique within the file. See {@link BibtexWriter} for the fields,
 * {@link CitationKeys} for the keys and {@link LatexEncoder} for how text is written. The key pattern is configured
 * under {@link KeyPatternConfiguration#PID}; there are no export options.
 */
@Component(service = Exporter.class, property = Exporter.FORMAT + "=" + BibtexExporter.FORMAT,
        configurationPid = KeyPatternConfiguration.PID)
@Designate(ocd = KeyPatternConfiguration.class)
public final class BibtexExporter implements Exporter {

    /** The format id. */
    public static final String FORMAT = "bibtex";

    private final BibtexWriter writer;

    /** An exporter with the default key pattern. */
    public BibtexExporter() {
        this(KeyPattern.DEFAULT);
    }

    /**
     * Activated by Declarative Services with the current configuration.
     *
     * @throws IllegalArgumentException when the key pattern is invalid (the component then does not activate)
     */
    @Activate
    public BibtexExporter(KeyPatternConfiguration configuration) {
        this(KeyPattern.parse(configuration.keyPattern()));
    }

    BibtexExporter(KeyPattern keyPattern) {
        this.writer = new BibtexWriter(Dialect.BIBTEX, LatexEncoder.Encoding.ASCII, keyPattern);
    }

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
        writer.writeAll(references, out);
    }
}
