package quire.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.work.Progress;

/**
 * Seeds a new default workspace with the documents in the folder named by the framework property
 * {@value #SEEDS_PROPERTY}, which the launcher sets only for the default workspace. A marker file in the workspace
 * records that seeding happened, so a user who deletes the seed papers does not get them back.
 */
@Component(service = Seeds.class)
public final class SeedLibrary implements Seeds {

    /** Framework property: the folder of seed documents; unset means "do not seed". */
    public static final String SEEDS_PROPERTY = "quire.seeds";
    static final String MARKER = "seeded.json";
    private static final Logger LOG = Logger.getLogger(SeedLibrary.class.getName());

    private final Library library;
    private final ImportService imports;
    private final Optional<Path> seedFolder;

    @Activate
    public SeedLibrary(@Reference Library library, @Reference ImportService imports, BundleContext context) {
        this(library, imports, Optional.ofNullable(context.getProperty(SEEDS_PROPERTY)).filter(s -> !s.isBlank())
                .map(Path::of));
    }

    SeedLibrary(Library library, ImportService imports, Optional<Path> seedFolder) {
        this.library = library;
        this.imports = imports;
        this.seedFolder = seedFolder;
    }

    @Override
    public synchronized List<ImportReport> ensureImported(Progress progress) throws IOException {
        if (seedFolder.isEmpty()) {
            return List.of();
        }
        Path marker = library.workspace().resolve(MARKER);
        if (Files.exists(marker)) {
            return List.of();
        }
        List<ImportReport> reports = new ArrayList<>();
        if (library.size() == 0 && Files.isDirectory(seedFolder.get())) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(seedFolder.get())) {
                files = listing.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                if (progress.isCancelled()) {
                    return reports; // no marker: the rest is seeded next time
                }
                if (imports.detect(file).isEmpty()) {
                    LOG.info("seed " + file.getFileName() + ": no installed importer recognises it; skipped");
                    continue;
                }
                reports.add(imports.importFile(file, Optional.empty(), ImportOptions.NONE, progress));
            }
        }
        writeMarker(marker, reports);
        return reports;
    }

    /** What the marker file says: when seeding happened and what each seed added. */
    record SeedMarker(String seededAt, List<SeededFile> files) {
    }

    record SeededFile(String file, String format, int added) {
    }

    private static void writeMarker(Path marker, List<ImportReport> reports) throws IOException {
        SeedMarker content = new SeedMarker(Instant.now().toString(),
                reports.stream().map(r -> new SeededFile(r.file(), r.format(), r.added())).toList());
        Path temp = marker.resolveSibling(MARKER + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(new ObjectMapper().writeValueAsBytes(content)));
            out.force(true);
        }
        Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
