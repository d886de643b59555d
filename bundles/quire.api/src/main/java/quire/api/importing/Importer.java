package quire.api.importing;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads one file format. A bundle adds a format by registering an {@code Importer} service; the
 * {@link ImportService} picks up every registered importer (whiteboard pattern) and asks each whether it
 * {@linkplain #recognises recognises} a file.
 *
 * <p>An importer never gives up on a whole file because of one bad record: it reports the problem with its
 * line to the {@link ImportSink} and carries on with the next record.
 *
 * <p>Register with the service properties {@link #FORMAT} and {@link #EXTENSIONS} so that tools can list
 * importers without calling them.
 */
@ConsumerType
public interface Importer {

    /** Service property: the format id, e.g. {@code listing}. */
    String FORMAT = "quire.importer.format";

    /** Service property: file name extensions without the dot, e.g. {@code txt}. */
    String EXTENSIONS = "quire.importer.extensions";

    /** A short, stable id: lower case, no spaces, e.g. {@code ris}, {@code bibtex}, {@code listing}. */
    String format();

    /** A name for people, e.g. "RIS (EndNote, Zotero, Scopus, ...)". */
    String label();

    /** File name extensions this format usually has, without the dot. */
    List<String> extensions();

    /**
     * Whether {@code head} looks like this format. Called for detection with the beginning of the file decoded
     * as UTF-8 (a few kilobytes, BOM removed) and the file name; must be fast and must not throw.
     */
    boolean recognises(String fileName, String head);

    /**
     * How many times {@link #read} reads the file from start to end (a format with forward references may need
     * two passes); progress is the bytes read over all passes against {@code passes() * size}.
     */
    default int passes() {
        return 1;
    }

    /**
     * Reads the source and hands each reference (without id) and each problem to the sink, in file order. Stops
     * early, without error, when {@link ImportSink#cancelled()} turns true.
     *
     * @throws IOException when the file cannot be read at all
     */
    void read(ImportSource source, ImportSink sink) throws IOException;
}
