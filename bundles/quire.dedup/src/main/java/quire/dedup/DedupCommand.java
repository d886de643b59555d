package quire.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.dedup.DedupReport;
import quire.api.dedup.DedupService;
import quire.api.dedup.DuplicateGroup;
import quire.api.dedup.Merge;
import quire.api.library.Library;
import quire.api.model.Person;
import quire.api.model.Reference;

/**
 * {@code dedup [--dry-run] [--format text|json] [--undo MERGE-ID] [--merges] [--accept GROUP-ID]
 * [--reject GROUP-ID]}: finds duplicates, merges the automatic groups (not with {@code --dry-run}) and prints every
 * group with its confidence and reasons, the review queue after them. {@code --undo} undoes a merge,
 * {@code --merges} lists the merges in effect, {@code --accept} and {@code --reject} settle a group of the review
 * queue.
 */
@Component(service = Command.class, property = Command.NAME + "=dedup")
public final class DedupCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DedupService dedup;
    private final Library library;

    @Activate
    public DedupCommand(@org.osgi.service.component.annotations.Reference DedupService dedup,
            @org.osgi.service.component.annotations.Reference Library library) {
        this.dedup = dedup;
        this.library = library;
    }

    @Override
    public String name() {
        return "dedup";
    }

    @Override
    public String summary() {
        return "find duplicate records, merge the certain ones and list the ones to review";
    }

    @Override
    public String usage() {
        return "dedup [--dry-run] [--format text|json] [--undo MERGE-ID] [--merges] [--accept GROUP-ID] "
                + "[--reject GROUP-ID]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--dry-run", "--merges" -> {
                    if (value != null) {
                        throw new UsageException("option " + name + " takes no value");
                    }
                    options.put(name, "true");
                }
                case "--format", "--undo", "--accept", "--reject" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    options.put(name, value);
                }
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + arg + " for 'dedup'"
                        : "dedup takes no operands, got '" + arg + "'");
            }
        }
        String format = options.getOrDefault("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("unknown --format " + format + " (use text or json)");
        }
        boolean json = format.equals("json");
        long actions = options.keySet().stream()
                .filter(k -> List.of("--undo", "--merges", "--accept", "--reject").contains(k)).count();
        if (actions > 1 || actions == 1 && options.containsKey("--dry-run")) {
            throw new UsageException("give one of --undo, --merges, --accept, --reject, --dry-run");
        }
        if (options.containsKey("--undo")) {
            return undo(options.get("--undo"), json, io);
        }
        if (options.containsKey("--merges")) {
            return merges(json, io);
        }
        if (options.containsKey("--accept") || options.containsKey("--reject")) {
            return settle(options.containsKey("--accept"), options.getOrDefault("--accept",
                    options.get("--reject")), json, io);
        }
        return dedup(options.containsKey("--dry-run"), json, io);
    }

    private int dedup(boolean dryRun, boolean json, CommandIO io) throws Exception {
        long started = System.nanoTime();
        Map<String, Merge> mergeBySurvivor = new HashMap<>();
        List<DuplicateGroup> groups;
        CommandProgress progress = new CommandProgress(io.err(), io.interactive());
        try {
            if (dryRun) {
                groups = dedup.find(progress);
            } else {
                DedupReport report = dedup.mergeAutomatic(progress);
                report.merges().forEach(m -> mergeBySurvivor.put(m.survivorId(), m));
                groups = report.groups();
            }
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Reference> records = new HashMap<>();
        library.references().forEach(r -> records.put(r.id(), r));
        int automatic = (int) groups.stream().filter(DuplicateGroup::automatic).count();
        int marked = groups.stream().filter(DuplicateGroup::automatic).mapToInt(g -> g.referenceIds().size() - 1).sum();
        if (json) {
            ObjectNode out = JSON.createObjectNode();
            out.put("dryRun", dryRun);
            out.put("records", LibraryDedupService.active(library.references()).size() + (dryRun ? 0 : marked));
            out.put("automatic", automatic);
            out.put("duplicates", marked);
            out.put("review", groups.size() - automatic);
            out.put("seconds", Math.round(seconds * 1000) / 1000.0);
            ArrayNode array = out.putArray("groups");
            for (DuplicateGroup g : groups) {
                ObjectNode node = array.addObject();
                node.put("id", g.id());
                node.put("automatic", g.automatic());
                node.put("confidence", Math.round(g.confidence() * 1000) / 1000.0);
                Optional.ofNullable(mergeBySurvivor.get(g.survivorId())).filter(m -> g.automatic())
                        .ifPresent(m -> node.put("merge", m.id()));
                node.set("reasons", JSON.valueToTree(g.reasons()));
                ArrayNode members = node.putArray("records");
                for (String id : g.referenceIds()) {
                    members.add(record(id, records.get(id)));
                }
            }
            io.out().println(out.toPrettyString());
        } else {
            PrintStream out = io.out();
            for (DuplicateGroup g : groups) {
                String what = g.automatic() ? (dryRun ? "would merge" : "merged") : "review";
                Merge merge = mergeBySurvivor.get(g.survivorId());
                out.printf(Locale.ROOT, "%s %s%s, confidence %.2f: %s%n", what, g.id(),
                        merge != null && g.automatic() ? " (undo: dedup --undo " + merge.id() + ")" : "",
                        g.confidence(), String.join("; ", g.reasons()));
                for (int i = 0; i < g.referenceIds().size(); i++) {
                    String id = g.referenceIds().get(i);
                    // a review pair is a question: which would be kept, which merged, if a reviewer says so
                    String role = i == 0 ? "keep " : g.automatic() ? "dup  " : "dup? ";
                    out.println("  " + role + line(id, records.get(id)));
                }
            }
            io.err().printf(Locale.ROOT, "%s %d duplicate%s in %d group%s; %d group%s to review (%.1f s)%n",
                    dryRun ? "would merge" : "merged", marked, marked == 1 ? "" : "s", automatic,
                    automatic == 1 ? "" : "s", groups.size() - automatic, groups.size() - automatic == 1 ? "" : "s",
                    seconds);
        }
        return OK;
    }

    private int undo(String mergeId, boolean json, CommandIO io) throws Exception {
        Merge merge;
        try {
            merge = dedup.undo(mergeId);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (json) {
            io.out().println(mergeJson(merge).toPrettyString());
        } else {
            io.out().println("undid " + merge.id() + ": " + merge.survivorId() + " restored, "
                    + String.join(", ", merge.mergedIds()) + " no longer marked as duplicates");
        }
        return OK;
    }

    private int merges(boolean json, CommandIO io) {
        List<Merge> merges = dedup.merges();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            merges.forEach(m -> array.add(mergeJson(m)));
            io.out().println(array.toPrettyString());
        } else {
            for (Merge m : merges) {
                io.out().printf(Locale.ROOT, "%s %s %s <- %s (%s, confidence %.2f)%n", m.id(), m.at(),
                        m.survivorId(), String.join(", ", m.mergedIds()), m.automatic() ? "automatic" : "reviewed",
                        m.confidence());
            }
            io.err().println(merges.size() + " merges in effect");
        }
        return OK;
    }

    private int settle(boolean accept, String groupId, boolean json, CommandIO io) throws Exception {
        DuplicateGroup group = dedup.reviewQueue(new CommandProgress(io.err(), false)).stream().filter(g -> g.id().equals(groupId))
                .findFirst().orElseThrow(() -> new UsageException("no group " + groupId
                        + " in the review queue (see 'quire dedup --dry-run')"));
        ObjectNode out = JSON.createObjectNode();
        if (accept) {
            Merge merge = dedup.merge(group.referenceIds());
            out = mergeJson(merge);
            if (!json) {
                io.out().println("merged " + String.join(", ", merge.mergedIds()) + " into " + merge.survivorId()
                        + " (undo: dedup --undo " + merge.id() + ")");
            }
        } else {
            dedup.reject(group.referenceIds());
            out.put("rejected", groupId);
            out.set("records", JSON.valueToTree(group.referenceIds()));
            if (!json) {
                io.out().println("kept apart: " + String.join(", ", group.referenceIds()));
            }
        }
        if (json) {
            io.out().println(out.toPrettyString());
        }
        return OK;
    }

    private static ObjectNode mergeJson(Merge m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", m.id());
        node.put("survivor", m.survivorId());
        node.set("merged", JSON.valueToTree(m.mergedIds()));
        node.put("automatic", m.automatic());
        node.put("confidence", Math.round(m.confidence() * 1000) / 1000.0);
        node.set("reasons", JSON.valueToTree(m.reasons()));
        node.put("at", m.at().toString());
        return node;
    }

    private static ObjectNode record(String id, Reference r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        if (r == null) {
            return node;
        }
        node.put("title", r.title());
        ArrayNode authors = node.putArray("authors");
        r.authors().forEach(p -> authors.addObject().put("family", p.family()).put("given", p.given()));
        r.year().ifPresentOrElse(y -> node.put("year", y), () -> node.putNull("year"));
        node.put("venue", r.venue().orElse(null));
        node.put("doi", r.doi().orElse(null));
        node.put("pmid", r.pmid().orElse(null));
        ArrayNode sources = node.putArray("sources");
        r.provenance().forEach(p -> sources.add(p.database().map(d -> d + " (" + p.sourceFile() + ")")
                .orElse(p.sourceFile())));
        return node;
    }

    private static String line(String id, Reference r) {
        if (r == null) {
            return id;
        }
        String author = r.authors().stream().findFirst().map(Person::family).orElse("-");
        String source = r.provenance().stream().findFirst()
                .map(p -> p.database().orElse(p.sourceFile())).orElse("");
        String title = r.title().length() > 80 ? r.title().substring(0, 77) + "..." : r.title();
        return String.format(Locale.ROOT, "%s  %s %s  %s%s%s", id, author, r.year().map(String::valueOf).orElse("n.d."),
                title, r.doi().map(d -> "  doi:" + d).orElse(""), source.isEmpty() ? "" : "  [" + source + "]");
    }
}
