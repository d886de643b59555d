package quire.importer.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports comma- or semicolon-separated tables of references (format id {@code csv}): the CSV exports of Scopus,
 * Embase and IEEE Xplore, Zotero's, and ASReview's and SYNERGY's data sets. Columns are found by their header
 * names; a label column (ASReview's {@code label_included}) becomes a prior screening decision in the field
 * {@code screeningLabel}. The delimiter is found from the header, so a tab-separated file named .csv imports too.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + CsvImporter.FORMAT,
        Importer.EXTENSIONS + "=csv"})
public final class CsvImporter implements Importer {

    /** The format id. */
    static final String FORMAT = "csv";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String label() {
        return "CSV table (Scopus, Embase, IEEE Xplore, Zotero, ASReview)";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    /** A header row, separated by commas or semicolons, naming a title and another known column. */
    @Override
    public boolean recognises(String fileName, String head) {
        return TableSniffer.delimiter(head).filter(d -> d != '\t').isPresent();
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // the source has found the encoding, skips a BOM and counts progress
        try (BufferedReader in = source.openReader()) {
            new TableParser(source.name(), FORMAT, ',').parse(in, sink);
        }
    }
}
