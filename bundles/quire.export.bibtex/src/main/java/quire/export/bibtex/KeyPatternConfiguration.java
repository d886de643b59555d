package quire.export.bibtex;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of the BibTeX exporter (PID {@value #PID}), shared by both exporters and the citation key
 * generator this bundle registers.
 */
@ObjectClassDefinition(name = "Quire BibTeX export",
        description = "How the BibTeX and biblatex exporters name entries.")
public @interface KeyPatternConfiguration {

    /** The configuration PID. */
    String PID = "quire.export.bibtex";

    /** The citation key pattern; see {@link KeyPattern} for the language. */
    @AttributeDefinition(name = "Citation key pattern",
            description = "Fields in brackets and literal text: [auth] (first author's family name), [authors2] "
                    + "(first two), [year], [shorttitle] (first significant title word), [title2] (first two). "
                    + "The key is folded to lower-case ASCII. Applies to references that have no key yet; keys "
                    + "once given are kept. An invalid pattern stops the exporters with an error in the log "
                    + "rather than giving keys nobody asked for.")
    String keyPattern() default KeyPattern.DEFAULT_PATTERN;
}
