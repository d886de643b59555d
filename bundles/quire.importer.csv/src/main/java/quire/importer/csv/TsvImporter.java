package quire.importer.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports tab-separated tables of references (format id {@code tsv}): above all Web of Science's tab-delimited
 * export ({@code savedrecs.txt}, two-letter column codes), and any table whose header names a title column. Read
 * by the same parser as {@link CsvImporter}.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + TsvImporter.FORMAT,
        Importer.EXTENSIONS + "=tsv", Importer.EXTENSIONS + "=txt"})
public final class TsvImporter implements Importer {

    /** The format id. */
    static final String FORMAT = "tsv";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String label() {
        return "Tab-separated table (Web of Science, ASReview)";
    }

    @Override
    public List<String> extensions() {
        return List.of("tsv", "txt");
    }

    /** A tab-separated header row naming a title and another known column; never a RIS or MEDLINE file. */
    @Override
    public boolean recognises(String fileName, String head) {
        return TableSniffer.delimiter(head).filter(d -> d == '\t').isPresent();
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        try (BufferedReader in = source.openReader()) {
            new TableParser(source.name(), FORMAT, '\t').parse(in, sink);
        }
    }
}
