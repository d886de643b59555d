package quire.export.bibtex;

/**
 * The two kinds of {@code .bib} file the exporter writes. They share the writer, the keys, the names and the
 * escaping; they differ in entry types, field names and how characters beyond ASCII are written.
 */
enum Dialect {

    /**
     * Classic BibTeX, for {@code bibtex} and its styles: ASCII with LaTeX accents, {@code year} and {@code month},
     * {@code journal}, {@code school}, {@code eprint} with {@code archivePrefix} and {@code primaryClass}.
     */
    BIBTEX(LatexEncoder.Encoding.ASCII),

    /**
     * biblatex with biber: UTF-8, {@code date}, {@code journaltitle}, {@code eprint} with {@code eprinttype} and
     * {@code eprintclass}, {@code urldate}, and its entry types ({@code thesis}, {@code report}, {@code online},
     * {@code dataset}, {@code software}).
     */
    BIBLATEX(LatexEncoder.Encoding.UTF8_PDFLATEX);

    private final LatexEncoder.Encoding defaultEncoding;

    Dialect(LatexEncoder.Encoding defaultEncoding) {
        this.defaultEncoding = defaultEncoding;
    }

    /** How text is written unless an export option says otherwise. */
    LatexEncoder.Encoding defaultEncoding() {
        return defaultEncoding;
    }
}
