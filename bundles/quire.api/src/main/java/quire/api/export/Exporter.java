package quire.api.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import quire.api.model.Reference;

/**
 * Writes references in one output format. A bundle adds a format by registering an {@code Exporter} service with
 * the {@link #FORMAT} property; commands and the window list the exporters installed now.
 */
@ConsumerType
public interface Exporter {

    /** Service property: the format id, e.g. {@code bibtex}. */
    String FORMAT = "quire.exporter.format";

    /** A short, stable id, e.g. {@code bibtex}. */
    String format();

    /** A name for people. */
    String label();

    /** The usual file name extension, without the dot. */
    String extension();

    /** Writes the references, in the order given, to {@code out}; does not close it. */
    void write(List<Reference> references, ExportOptions options, Writer out) throws IOException;
}
