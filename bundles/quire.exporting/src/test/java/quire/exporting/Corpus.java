package quire.exporting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import quire.api.importing.Importer;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/**
 * A named set of references to export: made in code, or read from a seed or a fixture file by the importer that
 * recognises it. A file no built importer recognises gives an unreadable corpus, whose tests are skipped with the
 * reason rather than passed.
 *
 * @param name       the set's or the file's name
 * @param references what was read
 * @param importer   the format that read it; empty when made in code, or when no importer recognises the file
 * @param readable   false when no importer recognises the file
 */
record Corpus(String name, List<Reference> references, Optional<String> importer, boolean readable) {

    Corpus(String name, List<Reference> references) {
        this(name, references, Optional.empty(), true);
    }

    /** References made in code, stamped as the import service stamps every reference it stores. */
    static Corpus imported(String name, List<Reference> references) {
        Provenance made = Provenance.of(name, "test", 0, 0);
        List<Reference> stamped = references.stream().map(r -> r.toBuilder().provenance(
                (r.provenance().isEmpty() ? List.of(made) : r.provenance()).stream()
                        .map(p -> p.importedAt().equals(java.time.Instant.EPOCH)
                                ? p.imported("test", InstalledImporters.IMPORTED_AT) : p)
                        .toList()).build()).toList();
        return new Corpus(name, stamped);
    }

    /** The repository's seed files and the shared real-world fixtures (README aside), sorted. */
    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path directory : List.of(repository().resolve("seeds"), fixtures())) {
            if (directory.equals(BUNDLED_FIXTURES)) {
                files.addAll(bundledFixtures());
                continue;
            }
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("no directory " + directory + "; the export tests read the seeds "
                        + "and the shared fixtures (set -Dquire.fixtures=DIR to find the fixtures elsewhere)");
            }
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().equals("README.md"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** A file as the importer that recognises it reads it. */
    static Corpus read(Path file) throws IOException {
        String name = file.getParent().getFileName() + "/" + file.getFileName();
        Optional<Importer> importer = InstalledImporters.recognising(file);
        if (importer.isEmpty()) {
            return new Corpus(name, List.of(), Optional.empty(), false);
        }
        return new Corpus(name, InstalledImporters.read(importer.get(), file), Optional.of(importer.get().format()),
                true);
    }

    /** Skips the calling test when no importer could read the file. */
    void assumeReadable() {
        assumeTrue(readable, "no importer that is built recognises " + name + " (importers: "
                + InstalledImporters.all().stream().map(Importer::format).toList() + ")");
        assumeTrue(!references.isEmpty(), name + " gave no references");
    }

    private static Path repository() {
        // tests run in bundles/quire.exporting
        return Path.of("").toAbsolutePath().getParent().getParent();
    }

    /** Stands for the fixture copies the importer bundles keep, when the shared folder is not beside the clone. */
    private static final Path BUNDLED_FIXTURES = Path.of("(bundled fixtures)");

    private static Path fixtures() {
        String configured = System.getProperty("quire.fixtures");
        if (configured != null) {
            return Path.of(configured);
        }
        Path shared = repository().resolveSibling("shared").resolve("fixtures");
        return Files.isDirectory(shared) ? shared : BUNDLED_FIXTURES;
    }

    /** The byte-for-byte copies of the shared fixtures in the importer bundles' test resources, one per name. */
    private static List<Path> bundledFixtures() throws IOException {
        java.util.Map<String, Path> byName = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(repository().resolve("bundles"))) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().equals("fixtures"))
                    .filter(f -> f.toString().contains("src" + java.io.File.separator + "test"))
                    .filter(f -> !f.getFileName().toString().equals("README.md"))
                    .forEach(f -> byName.putIfAbsent(f.getFileName().toString(), f));
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no fixtures: neither ../shared/fixtures nor copies in the importer bundles");
        }
        return List.copyOf(byName.values());
    }
}
