package quire.exporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.export.CitationKeyGenerator;
import quire.api.export.ExportException;
import quire.api.export.ExportOptions;
import quire.api.export.ExportReport;
import quire.api.export.ExportSelection;
import quire.api.export.ExportService;
import quire.api.export.Exporter;
import quire.api.library.Library;
import quire.api.library.LibraryTransaction;
import quire.api.review.ReviewService;
import quire.api.review.Verdict;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchHit;
import quire.api.search.SearchRequest;
import quire.api.search.SearchService;

/**
 * The export service over the workspace's library, with every installed {@link Exporter} (whiteboard) and, when
 * installed, the {@link SearchService} for query selections and a {@link CitationKeyGenerator} for new keys.
 *
 * <p>Keys are given in one library transaction, which also keeps other writers out while it runs: the references
 * are read again inside it, so that an edit made since the selection is not overwritten, and the keys already in
 * the library are read there too, so that two exports never give out the same key. Without a key generator
 * installed, references without a key are exported without one stored, and the exporter names them itself.
 */
@Component(service = ExportService.class)
public final class LibraryExportService implements ExportService {

    private final Library library;
    /** Every exporter bound, in the order bound; the first for a format is used. */
    private final List<Exporter> exporters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService search;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CitationKeyGenerator keyGenerator;

    private volatile ReviewService review;

    @Activate
    public LibraryExportService(@Reference Library library) {
        this.library = library;
    }

    /** A service with the given collaborators, for tests; either may be null. */
    LibraryExportService(Library library, SearchService search, CitationKeyGenerator keyGenerator) {
        this.library = library;
        this.search = search;
        this.keyGenerator = keyGenerator;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExporter(Exporter exporter) {
        exporters.add(exporter);
    }

    void removeExporter(Exporter exporter) {
        exporters.remove(exporter);
    }

    /** The review, when installed: its settled verdicts select by decision. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindReview")
    void bindReview(ReviewService service) {
        review = service;
    }

    void unbindReview(ReviewService service) {
        if (review == service) {
            review = null;
        }
    }

    @Override
    public List<String> formats() {
        return exporters.stream().map(Exporter::format).distinct().sorted().toList();
    }

    @Override
    public ExportReport export(ExportSelection selection, String format, ExportOptions options, Writer out)
            throws ExportException, IOException {
        Exporter exporter = exporters.stream().filter(e -> e.format().equals(format)).findFirst().orElse(null);
        if (exporter == null) {
            List<String> installed = formats();
            throw new ExportException("no exporter for format '" + format + "' is installed (installed: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
        }
        List<quire.api.model.Reference> selected = select(selection);
        Map<String, String> assigned = new LinkedHashMap<>();
        List<quire.api.model.Reference> keyed = giveKeys(selected, assigned);
        exporter.write(keyed, options, out);
        return new ExportReport(format, keyed.size(), assigned);
    }

    /** The selected references, as the library has them now. */
    List<quire.api.model.Reference> select(ExportSelection selection) throws ExportException {
        return switch (selection.kind()) {
            case ALL -> library.references();
            case TAG -> library.references().stream()
                    .filter(r -> r.tags().stream().anyMatch(t -> t.strip().equalsIgnoreCase(selection.value())))
                    .toList();
            case DECISION -> byDecision(selection.value());
            case QUERY -> searchResults(selection.value());
        };
    }

    /**
     * The references with this decision: the verdict the review settled for a record; for a record the review has
     * no verdict on, the screening label its source carried ({@link ExportSelection#DECISION_FIELD}).
     */
    private List<quire.api.model.Reference> byDecision(String decision) {
        ReviewService current = review;
        Map<String, Verdict> settled = current == null ? Map.of() : current.settledVerdicts();
        return library.references().stream().filter(r -> {
            Verdict verdict = settled.get(r.id());
            Optional<String> value = verdict != null ? Optional.of(verdict.name().toLowerCase(Locale.ROOT))
                    : r.field(ExportSelection.DECISION_FIELD).map(d -> d.strip().toLowerCase(Locale.ROOT));
            return value.map(decision::equals).orElse(false);
        }).toList();
    }

    private List<quire.api.model.Reference> searchResults(String query) throws ExportException {
        SearchService service = search;
        if (service == null) {
            throw new ExportException("selecting by query needs the search index, which is not installed");
        }
        List<SearchHit> hits;
        try {
            hits = service.search(SearchRequest.of(query, Integer.MAX_VALUE)).hits();
        } catch (QuerySyntaxException e) {
            throw new ExportException("the query '" + query + "' cannot be read at position " + e.position()
                    + ": " + e.getMessage(), e);
        }
        List<quire.api.model.Reference> references = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            // the library's version, which has the key if one was given since the index saw the reference
            Optional<quire.api.model.Reference> current = hit.reference().id().isEmpty() ? Optional.empty()
                    : library.reference(hit.reference().id());
            references.add(current.orElse(hit.reference()));
        }
        return references;
    }

    /**
     * The references with a key each, stored in the library in one transaction: those without a usable key get a
     * new one, and so does a reference whose key an earlier reference of the library already holds (two imported
     * files may both have said {@code smith2020}); the first holder keeps it. Returns the references in the same
     * order; {@code assigned} receives the new keys by id.
     */
    private List<quire.api.model.Reference> giveKeys(List<quire.api.model.Reference> references,
            Map<String, String> assigned) throws IOException {
        CitationKeyGenerator generator = keyGenerator;
        if (generator == null || needingKeys(references, library.references()).isEmpty()) {
            return references;
        }
        Map<String, quire.api.model.Reference> updated = new LinkedHashMap<>();
        try (LibraryTransaction transaction = library.begin()) {
            // read again inside the transaction: no other writer can change the library until it ends
            List<quire.api.model.Reference> all = library.references();
            List<quire.api.model.Reference> needing = needingKeys(references, all);
            java.util.Set<String> rekeyed = new java.util.HashSet<>();
            needing.forEach(r -> rekeyed.add(r.id()));
            List<String> taken = all.stream()
                    .filter(r -> !rekeyed.contains(r.id()))
                    .map(LibraryExportService::key)
                    .filter(k -> !k.isEmpty())
                    .toList();
            Map<String, String> keys = KeyAssignment.assign(needing, taken,
                    r -> hasKey(r) ? key(r) : generator.keyFor(r));
            for (quire.api.model.Reference reference : needing) {
                String key = keys.get(reference.id());
                updated.put(reference.id(), reference.toBuilder().field(CitationKeyGenerator.FIELD, key).build());
                assigned.put(reference.id(), key);
            }
            if (!updated.isEmpty()) {
                transaction.store(updated.values());
                transaction.commit();
            }
        }
        List<quire.api.model.Reference> keyed = new ArrayList<>(references.size());
        for (quire.api.model.Reference reference : references) {
            keyed.add(updated.getOrDefault(reference.id(), reference));
        }
        return keyed;
    }

    /**
     * The current versions of the selected references that need a key: they have none that can be written, or an
     * earlier reference of the library (in library order) holds the same key, compared as keys are compared.
     */
    private static List<quire.api.model.Reference> needingKeys(List<quire.api.model.Reference> selected,
            List<quire.api.model.Reference> all) {
        Map<String, String> firstHolder = new java.util.HashMap<>();
        Map<String, quire.api.model.Reference> current = new java.util.HashMap<>();
        for (quire.api.model.Reference reference : all) {
            current.put(reference.id(), reference);
            if (hasKey(reference)) {
                firstHolder.putIfAbsent(KeyAssignment.fold(KeyAssignment.safe(key(reference))), reference.id());
            }
        }
        List<quire.api.model.Reference> needing = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (quire.api.model.Reference chosen : selected) {
            quire.api.model.Reference reference = current.get(chosen.id());
            if (reference == null || !seen.add(reference.id())) {
                continue; // not stored (nothing to keep a key in), or selected twice
            }
            if (!hasKey(reference) || !firstHolder.get(KeyAssignment.fold(KeyAssignment.safe(key(reference))))
                    .equals(reference.id())) {
                needing.add(reference);
            }
        }
        return needing;
    }

    /** The reference's key as stored, stripped; empty without one. */
    private static String key(quire.api.model.Reference reference) {
        return reference.field(CitationKeyGenerator.FIELD).map(String::strip).orElse("");
    }

    /** Whether the reference has a key that can be written: one with a character that is safe in a key. */
    private static boolean hasKey(quire.api.model.Reference reference) {
        return !KeyAssignment.safe(key(reference)).equals(KeyAssignment.NO_KEY);
    }
}
