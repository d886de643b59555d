package quire.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;
import quire.api.importing.ImporterInfo;
import quire.api.importing.UnrecognisedFormatException;
import quire.api.library.Library;
import quire.api.library.LibraryTransaction;
import quire.api.plugins.PluginFailure;
import quire.api.plugins.PluginGuard;
import quire.api.plugins.PluginProblem;
import quire.api.work.Progress;

/** The {@link ImportService}: every installed {@link Importer}, the library, and batches in between. */
@Component(service = ImportService.class)
public final class LibraryImportService implements ImportService {

    /** References per durable batch: large enough to amortise the fsync, small enough to lose little. */
    static final int BATCH_SIZE = 1000;
    private static final int HEAD_BYTES = 8192;
    private static final Logger LOG = Logger.getLogger(LibraryImportService.class.getName());

    private final Library library;
    private final List<InstalledImporter> importers = new CopyOnWriteArrayList<>();

    // importers may come from plugins: with the guard, one that throws or hangs while detecting is skipped and
    // reported, instead of failing or blocking every import
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginGuard guard;

    @Activate
    public LibraryImportService(@Reference Library library) {
        this.library = library;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addImporter(Importer importer, ServiceReference<Importer> reference) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        importers.add(new InstalledImporter(importer, reference.getBundle().getSymbolicName(),
                ranking instanceof Integer r ? r : 0, (Long) reference.getProperty(Constants.SERVICE_ID)));
    }

    void removeImporter(Importer importer) {
        importers.removeIf(installed -> installed.importer() == importer);
    }

    /** For tests without a framework. */
    void setGuard(PluginGuard pluginGuard) {
        guard = pluginGuard;
    }

    /** For tests without a framework. */
    void addImporter(Importer importer, String bundle) {
        importers.add(new InstalledImporter(importer, bundle, 0, importers.size()));
    }

    @Override
    public List<ImporterInfo> importers() {
        return ordered().stream().map(InstalledImporter::info).toList();
    }

    /** Highest ranking first, then oldest service first: the order detection asks in. */
    private List<InstalledImporter> ordered() {
        List<InstalledImporter> list = new ArrayList<>(importers);
        list.sort(Comparator.comparingInt(InstalledImporter::ranking).reversed()
                .thenComparingLong(InstalledImporter::serviceId));
        return list;
    }

    @Override
    public Optional<String> detect(Path file) throws IOException {
        return detectImporter(file).map(Importer::format);
    }

    private Optional<Importer> detectImporter(Path file) throws IOException {
        String head = head(file);
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        List<InstalledImporter> candidates = ordered();
        // importers that claim the extension are asked first: cheaper and more likely right
        candidates.sort(Comparator.comparing(i -> !i.importer().extensions().contains(extension)));
        PluginGuard calls = guard;
        for (InstalledImporter candidate : candidates) {
            Importer importer = candidate.importer();
            try {
                boolean recognised = calls == null ? importer.recognises(name, head)
                        : calls.call(candidate.bundle(), "importer '" + importer.format() + "' recognises " + name,
                                PluginGuard.QUICK, () -> importer.recognises(name, head));
                if (recognised) {
                    return Optional.of(importer);
                }
            } catch (PluginFailure e) {
                // reported by the guard; the next importer is asked
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "importer " + importer.format() + " of " + candidate.bundle()
                        + " failed while detecting " + name, e);
            }
        }
        return Optional.empty();
    }

    /** The first few kilobytes, decoded leniently, without a byte order mark. */
    static String head(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(HEAD_BYTES);
        }
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
        }
        String text = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    @Override
    public ImportReport importFile(Path file, Optional<String> format, ImportOptions options, Progress progress)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Importer importer;
        if (format.isPresent()) {
            importer = ordered().stream().map(InstalledImporter::importer)
                    .filter(i -> i.format().equals(format.get())).findFirst()
                    .orElseThrow(() -> new UnrecognisedFormatException("no importer for format '" + format.get()
                            + "' is installed; installed: " + formats()));
        } else {
            importer = detectImporter(file).orElseThrow(() -> new UnrecognisedFormatException(
                    file + ": not a format any installed importer knows (installed: " + formats() + ")"));
        }
        FileImportSource.Scan scan = FileImportSource.scan(file);
        FileImportSource source = new FileImportSource(file, options, scan, progress);
        progress.begin("Importing " + source.name(), scan.size() * Math.max(1, importer.passes()));
        // one transaction per file: a cancel, a crash or a failing importer leaves the library as it was
        try (LibraryTransaction transaction = library.begin()) {
            TransactionSink sink = new TransactionSink(transaction, scan.digest(), Instant.now(), progress);
            try {
                importer.read(source, sink);
            } catch (RuntimeException e) {
                // a bug in the importer, perhaps a plugin's: the file is not imported, and the user learns whose
                String bundle = bundleOf(importer);
                PluginGuard calls = guard;
                if (calls != null) {
                    calls.report(bundle, PluginProblem.Kind.THREW, "importer '" + importer.format() + "' reads "
                            + source.name(), e);
                }
                throw new IOException(source.name() + ": the " + importer.format() + " importer of " + bundle
                        + " failed: " + e + "; nothing of this file was imported", e);
            }
            sink.flush();
            boolean cancelled = progress.isCancelled();
            if (!cancelled) {
                transaction.commit();
            }
            return new ImportReport(source.name(), importer.format(), sink.read, cancelled ? 0 : sink.added,
                    sink.alreadyPresent, sink.problems, cancelled);
        }
    }

    private String bundleOf(Importer importer) {
        return importers.stream().filter(i -> i.importer() == importer).map(InstalledImporter::bundle).findFirst()
                .orElse("an unknown bundle");
    }

    private String formats() {
        List<String> formats = ordered().stream().map(i -> i.importer().format()).toList();
        return formats.isEmpty() ? "none" : String.join(", ", formats);
    }

    /** Gives records their ids and writes them into the transaction a batch at a time. */
    private static final class TransactionSink implements ImportSink {
        private final LibraryTransaction transaction;
        private final String digest;
        private final Instant importedAt;
        private final Progress progress;
        private final List<quire.api.model.Reference> batch = new ArrayList<>();
        private final java.util.Set<String> batchIds = new java.util.HashSet<>();
        private final List<ImportProblem> problems = new ArrayList<>();
        private int read;
        private int added;
        private int alreadyPresent;
        private IOException failure;

        TransactionSink(LibraryTransaction transaction, String digest, Instant importedAt, Progress progress) {
            this.transaction = transaction;
            this.digest = digest;
            this.importedAt = importedAt;
            this.progress = progress;
        }

        @Override
        public void reference(quire.api.model.Reference reference) {
            if (failure != null) {
                return;
            }
            int position = reference.provenance().isEmpty() ? read : reference.provenance().get(0).position();
            read++;
            String id = RecordIds.recordId(digest, position);
            if (transaction.contains(id) || !batchIds.add(id)) {
                alreadyPresent++;
            } else {
                batch.add(reference.toBuilder().id(id)
                        .provenance(reference.provenance().stream().map(p -> p.imported(digest, importedAt)).toList())
                        .build());
                if (batch.size() >= BATCH_SIZE) {
                    try {
                        flush();
                    } catch (IOException e) {
                        failure = e;
                    }
                }
            }
            if (read % 1000 == 0) {
                progress.detail(String.format("%,d records", read));
            }
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }

        @Override
        public boolean cancelled() {
            return failure != null || progress.isCancelled();
        }

        void flush() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (!batch.isEmpty()) {
                transaction.store(batch);
                added += batch.size();
                batch.clear();
                batchIds.clear();
            }
        }
    }

    @Override
    public String toString() {
        return "ImportService" + Map.of("importers", formats());
    }
}
