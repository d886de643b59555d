package quire.importer.pubmed;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports MEDLINE text, PubMed's "Save &rarr; PubMed format" and the {@code .nbib} files citation managers
 * download (format id {@code medline}). Every record counts as coming from the PubMed database. Besides the
 * model's slots, records carry the fields {@code venueAbbreviation} ({@code TA}), {@code publicationTypes}
 * ({@code PT}), {@code issn}, {@code language}, {@code pmcid}, {@code affiliations}, {@code editors}, other article
 * ids such as {@code pii}, and {@code dateText} when the date is a range or season.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + MedlineParser.FORMAT,
        Importer.EXTENSIONS + "=nbib", Importer.EXTENSIONS + "=txt", Importer.EXTENSIONS + "=medline"})
public final class MedlineImporter implements Importer {

    private static final int HEAD_LINES = 60;
    // tags RIS has too (TI, AU, AB, ...) are not enough; one of these says MEDLINE
    private static final Set<String> MEDLINE_ONLY = Set.of("PMID", "FAU", "DP", "JT", "TA", "MH", "PT", "OWN",
            "STAT", "SO", "LID", "AID", "PHST", "PST", "EDAT", "CRDT", "DCOM", "LR", "VI", "IP", "PG");
    private static final Set<String> CORE = Set.of("PMID", "TI", "FAU", "AU");

    @Override
    public String format() {
        return MedlineParser.FORMAT;
    }

    @Override
    public String label() {
        return "MEDLINE / PubMed text (.nbib)";
    }

    @Override
    public List<String> extensions() {
        return List.of("nbib", "txt", "medline");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        try {
            List<String> lines = head.replace("\uFEFF", "").lines().filter(s -> !s.isBlank()).limit(HEAD_LINES)
                    .toList();
            if (lines.isEmpty()) {
                return false;
            }
            if (lines.getFirst().startsWith("PMID-")) {
                return true;
            }
            // otherwise: tag lines from the first line on, several of them, with a MEDLINE-only tag and no RIS frame
            if (MedlineField.parse(lines.getFirst(), 1).isEmpty()) {
                return false;
            }
            Set<String> tags = new HashSet<>();
            int tagLines = 0;
            for (String line : lines) {
                Optional<MedlineField> field = MedlineField.parse(line, 0);
                if (field.isPresent()) {
                    tagLines++;
                    tags.add(field.get().tag());
                }
            }
            boolean ris = tags.contains("TY") || tags.contains("ER");
            return !ris && tagLines >= 3 && tags.stream().anyMatch(MEDLINE_ONLY::contains)
                    && tags.stream().anyMatch(CORE::contains);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // the source has found the encoding, skips a BOM and counts progress
        try (BufferedReader in = source.openReader()) {
            new MedlineParser(source.name()).parse(in, sink);
        }
    }
}
