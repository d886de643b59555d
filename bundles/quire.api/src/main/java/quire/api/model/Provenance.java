package quire.api.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one record of a reference came from: PRISMA counts records per source, and an error message must be able
 * to point back into the file. A reference merged from several records keeps every provenance.
 *
 * @param sourceFile the file name as the user gave it (no directories of this machine are needed to count it)
 * @param format     the importer's format id, e.g. {@code listing}
 * @param database   the database the record came from where the file says so (e.g. {@code Scopus},
 *                   {@code PubMed}, {@code Web of Science}), for PRISMA's count of records per database
 * @param position   the record's index in the file, from 0
 * @param line       the line the record starts on, from 1 (0 when the format has no lines)
 * @param fileDigest SHA-256 of the whole file, hex; empty until the import service fills it in
 * @param importedAt when the record was imported; {@link Instant#EPOCH} until the import service fills it in
 */
public record Provenance(String sourceFile, String format, Optional<String> database, int position, int line,
        String fileDigest, Instant importedAt) {

    public Provenance {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(format, "format");
        database = Objects.requireNonNull(database, "database").map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(fileDigest, "fileDigest");
        Objects.requireNonNull(importedAt, "importedAt");
        if (position < 0 || line < 0) {
            throw new IllegalArgumentException("position and line must not be negative");
        }
    }

    /** What an importer knows: file, format, position and line. */
    public static Provenance of(String sourceFile, String format, int position, int line) {
        return new Provenance(sourceFile, format, Optional.empty(), position, line, "", Instant.EPOCH);
    }

    /** This provenance with the database the record came from. */
    public Provenance fromDatabase(String name) {
        return new Provenance(sourceFile, format, Optional.of(name), position, line, fileDigest, importedAt);
    }

    /** This provenance completed with the file's digest and the time of import. */
    public Provenance imported(String digest, Instant at) {
        return new Provenance(sourceFile, format, database, position, line, digest, at);
    }
}
