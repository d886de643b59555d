package quire.importer.bibtex;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.model.Provenance;

/**
 * Reads a BibTeX file into references, in two passes over the source so that memory stays flat however big the
 * file: a parent named by {@code crossref} or {@code xdata} may come before or after its children (BibTeX wants it
 * after), and a child can only be completed once its parent has been read.
 *
 * <ol>
 * <li>A quick pass builds no field values except {@code crossref} and {@code xdata}, and so learns which keys
 *     are parents. It keeps the fields of a parent that comes after one of its children.</li>
 * <li>The full pass keeps the fields of a parent it meets before its children, completes each child from the
 *     parents kept, and hands the references to the sink in file order.</li>
 * </ol>
 *
 * Only parents are held in memory. {@code @xdata} entries are data for others and give no reference.
 */
final class BibtexParser {

    /** The format id. */
    static final String FORMAT = "bibtex";

    private BibtexParser() {
    }

    /** Reads every entry of {@code source} into {@code sink}; stops early when the sink is cancelled. */
    static void parse(ImportSource source, ImportSink sink) throws IOException {
        String name = source.name();
        Set<String> targets = new HashSet<>();
        Map<String, RawEntry> parents = new HashMap<>();
        try (BufferedReader in = source.openReader()) {
            BibtexScanner scanner = new BibtexScanner(in, name, problem -> { }, key -> targets.contains(lower(key)));
            RawEntry entry;
            while ((entry = scanner.next()) != null) {
                if (sink.cancelled()) {
                    return;
                }
                // a key already named by an earlier child was read with all its fields: keep it
                String key = lower(entry.key());
                if (targets.contains(key)) {
                    parents.putIfAbsent(key, entry);
                }
                entry.value("crossref").ifPresent(parent -> targets.add(lower(parent)));
                entry.value("xdata").ifPresent(keys -> {
                    for (String parent : keys.split(",")) {
                        targets.add(lower(parent));
                    }
                });
            }
        }
        // a parent that came before all its children was not kept above; the full pass keeps it in time
        try (BufferedReader in = source.openReader()) {
            BibtexScanner scanner = new BibtexScanner(in, name, sink::problem, key -> true);
            RawEntry entry;
            while (!sink.cancelled() && (entry = scanner.next()) != null) {
                String key = lower(entry.key());
                if (targets.contains(key)) {
                    parents.putIfAbsent(key, entry);
                }
                if (entry.type().equals("xdata")) {
                    continue;
                }
                try {
                    RawEntry complete = targets.isEmpty() ? entry
                            : Inheritance.resolve(entry, parents, name, sink::problem);
                    Provenance provenance = Provenance.of(name, FORMAT, entry.position(), entry.line());
                    sink.reference(EntryMapping.toReference(complete, provenance));
                } catch (RuntimeException e) {
                    // a value the model rejects must not cost the rest of the file
                    sink.problem(ImportProblem.error(name, entry.line(), entry.column(), "the entry " + entry.key()
                            + " could not be read: " + e.getMessage()));
                }
            }
        }
    }

    private static String lower(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
