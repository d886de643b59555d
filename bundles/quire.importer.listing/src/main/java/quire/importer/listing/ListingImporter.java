package quire.importer.listing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports paper listings, the plain-text digests of arXiv-style alert services (format id {@code listing}).
 * Each record becomes a {@link quire.api.model.ReferenceType#PREPRINT PREPRINT} in venue "arXiv", with the
 * fields {@code arxivCategory}, {@code relevance}, {@code code} and {@code affiliations} when the listing gives
 * them.
 *
 * <p>Listings print most dates without a year ("May 17"). Such dates get the listing's year, marked as
 * inferred: the import option {@value #YEAR_OPTION} if given, else the configured {@code year}, else the year
 * the file was last modified (a digest is usually saved in the year it was sent).
 */
@Component(service = Importer.class,
        property = {Importer.FORMAT + "=" + ListingParser.FORMAT, Importer.EXTENSIONS + "=txt"})
@Designate(ocd = ListingImporter.Config.class)
public final class ListingImporter implements Importer {

    /** The import option that sets the year of dates printed without one. */
    public static final String YEAR_OPTION = "listing.year";

    /** Configuration of the listing importer. */
    @ObjectClassDefinition(name = "Quire paper listing importer",
            description = "Reads arXiv-style paper listings (score, category and date; title and authors; abstract).")
    public @interface Config {
        @AttributeDefinition(name = "Default year",
                description = "The year of dates printed without one, such as \"May 17\". 0 means the year the "
                        + "file was last modified. The import option listing.year overrides it.")
        int year() default 0;
    }

    private final int configuredYear;

    /** Activated by Declarative Services with the current configuration; a new configuration makes a new one. */
    @Activate
    public ListingImporter(Config config) {
        this(config.year());
    }

    /** An importer whose default year is {@code configuredYear}, or the file's year when it is 0. */
    ListingImporter(int configuredYear) {
        this.configuredYear = configuredYear;
    }

    @Override
    public String format() {
        return ListingParser.FORMAT;
    }

    @Override
    public String label() {
        return "Paper listing (arXiv-style digest)";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        // The first record's header, then a line that is not one: a single header-like line is not enough.
        List<String> lines = head.replace("\uFEFF", "").lines().map(String::strip).filter(s -> !s.isEmpty())
                .limit(2).toList();
        return lines.size() == 2 && RecordHeader.matches(lines.get(0)) && !RecordHeader.matches(lines.get(1));
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        int year = listingYear(source, sink);
        // the source has found the encoding, skips a BOM and counts progress
        try (BufferedReader in = source.openReader()) {
            new ListingParser(source.name(), year).parse(in, sink);
        }
    }

    /** The year for dates without one: the option, else the configuration, else the file's modification year. */
    private int listingYear(ImportSource source, ImportSink sink) throws IOException {
        Optional<String> option = source.options().get(YEAR_OPTION).map(String::strip);
        if (option.isPresent()) {
            Optional<Integer> year = parseYear(option.get());
            if (year.isPresent()) {
                return year.get();
            }
        }
        int fallback = configuredYear != 0 ? configuredYear : Files.getLastModifiedTime(source.file()).toInstant()
                .atZone(ZoneId.systemDefault()).getYear();
        option.ifPresent(bad -> sink.problem(ImportProblem.warning(source.name(), 0, "the option " + YEAR_OPTION
                + " should be a year such as 2025, found: \"" + bad + "\"; used " + fallback + " instead")));
        return fallback;
    }

    private static Optional<Integer> parseYear(String text) {
        if (!text.matches("[1-9]\\d{0,3}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
