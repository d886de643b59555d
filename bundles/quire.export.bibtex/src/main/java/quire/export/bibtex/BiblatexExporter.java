package quire.export.bibtex;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.export.ExportOptions;
import quire.api.export.Exporter;
import quire.api.model.Reference;

/**
 * Exports references for biblatex with biber (format id {@value #FORMAT}): UTF-8, {@code date},
 * {@code journaltitle}, {@code eprinttype}, {@code urldate} and biblatex's entry types (see {@link BibtexWriter}).
 * Keys as for {@link BibtexExporter}, with the same configuration.
 *
 * <p>By default the file is one that pdflatex typesets with its default fonts: letters it cannot set from UTF-8
 * lose the accent it cannot set, symbols are written in math, other scripts as {@code ?}. With the export option
 * {@value #ENCODING_OPTION}{@code =utf8} every character is written as it is, for xelatex and lualatex.
 */
@Component(service = Exporter.class, property = Exporter.FORMAT + "=" + BiblatexExporter.FORMAT,
        configurationPid = KeyPatternConfiguration.PID)
public final class BiblatexExporter implements Exporter {

    /** The format id. */
    public static final String FORMAT = "biblatex";

    /** The export option that chooses the encoding: {@code pdflatex} (the default) or {@code utf8}. */
    public static final String ENCODING_OPTION = "biblatex.encoding";

    private final KeyPattern keyPattern;

    /** An exporter with the default key pattern. */
    public BiblatexExporter() {
        this(KeyPattern.DEFAULT);
    }

    /**
     * Activated by Declarative Services with the current configuration.
     *
     * @throws IllegalArgumentException when the key pattern is invalid (the component then does not activate)
     */
    @Activate
    public BiblatexExporter(KeyPatternConfiguration configuration) {
        this(KeyPattern.parse(configuration.keyPattern()));
    }

    BiblatexExporter(KeyPattern keyPattern) {
        this.keyPattern = keyPattern;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String label() {
        return "biblatex (biber)";
    }

    @Override
    public String extension() {
        return "bib";
    }

    /**
     * @throws IllegalArgumentException when {@value #ENCODING_OPTION} is neither {@code pdflatex} nor {@code utf8}
     */
    @Override
    public void write(List<Reference> references, ExportOptions options, Writer out) throws IOException {
        String encoding = options.get(ENCODING_OPTION).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .orElse("pdflatex");
        LatexEncoder.Encoding chosen = switch (encoding) {
            case "pdflatex" -> LatexEncoder.Encoding.UTF8_PDFLATEX;
            case "utf8", "utf-8" -> LatexEncoder.Encoding.UTF8;
            default -> throw new IllegalArgumentException(ENCODING_OPTION + " is pdflatex or utf8, not '"
                    + encoding + "'");
        };
        new BibtexWriter(Dialect.BIBLATEX, chosen, keyPattern).writeAll(references, out);
    }
}
