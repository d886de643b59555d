package quire.review.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.library.Library;
import quire.api.review.Agreement;
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.PrismaCounts;
import quire.api.review.PrismaDiagram;
import quire.api.review.ReviewService;
import quire.api.review.ReviewStage;
import quire.api.review.Reviewer;
import quire.api.review.ScreeningOrder;
import quire.api.review.StageOutcome;
import quire.api.review.Verdict;

/**
 * {@code quire review SUBCOMMAND ...}: the systematic review on the command line. {@code review help} lists the
 * subcommands. Data subcommands take {@code --format json}; in JSON, verdicts are lower case ({@code include},
 * {@code exclude}, {@code maybe}, {@code none}).
 */
@Component(service = Command.class, property = Command.NAME + "=review")
public final class ReviewCommand implements Command {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static final List<String> USAGES = List.of(
            "review status [--format text|json]",
            "review protocol [show] [--format text|json]",
            "review protocol set title|question TEXT | set blinded on|off | set reviewers-per-record 1|2",
            "review protocol add criterion ID TEXT | add reviewer INITIALS NAME"
                    + " | add search DATABASE QUERY --date YYYY-MM-DD --hits N [--file F]...",
            "review protocol remove criterion ID | remove reviewer INITIALS | remove search N",
            "review reviewer [INITIALS]",
            "review screen [--stage S] [--limit N]",
            "review decide ID... include|exclude|maybe [--reason C] [--note N] [--stage S]",
            "review undo ID [--stage S]",
            "review conflicts [--stage S] [--format text|json]",
            "review resolve ID... include|exclude|maybe [--reason C] [--note N] [--stage S]",
            "review agreement [--stage S] [--format text|json]",
            "review prisma [-o flow.svg|flow.png|counts.csv]... [--scale N] [--format text|json]",
            "review decisions [--format csv|json]",
            "review export-decisions FILE [--reviewer INITIALS]",
            "review import-decisions FILE");

    private final ReviewService review;
    private final Library library;
    private final PrismaDiagram diagram;
    private volatile ScreeningOrder order;
    /** Where the screening loop reads answers: the terminal, or a test's input. */
    Supplier<InputStream> input = () -> System.in;

    @Activate
    public ReviewCommand(@Reference ReviewService review, @Reference Library library,
            @Reference PrismaDiagram diagram) {
        this.review = review;
        this.library = library;
        this.diagram = diagram;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetOrder")
    void setOrder(ScreeningOrder screeningOrder) {
        order = screeningOrder;
    }

    void unsetOrder(ScreeningOrder screeningOrder) {
        if (order == screeningOrder) {
            order = null;
        }
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String summary() {
        return "the systematic review: protocol, screening, conflicts, agreement, PRISMA ('review help')";
    }

    @Override
    public String usage() {
        return "review status|protocol|reviewer|screen|decide|undo|conflicts|resolve|agreement|prisma|decisions"
                + "|export-decisions|import-decisions ...";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            USAGES.forEach(u -> io.out().println("quire " + u));
            return OK;
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (sub) {
                case "status" -> status(rest, io);
                case "protocol" -> new ProtocolEditing(review).run(rest, io);
                case "reviewer" -> reviewer(rest, io);
                case "screen" -> screen(rest, io);
                case "decide" -> decide(rest, io, false);
                case "resolve" -> decide(rest, io, true);
                case "undo" -> undo(rest, io);
                case "conflicts" -> conflicts(rest, io);
                case "agreement" -> agreement(rest, io);
                case "prisma" -> prisma(rest, io);
                case "decisions" -> decisions(rest, io);
                case "export-decisions" -> exportDecisions(rest, io);
                case "import-decisions" -> importDecisions(rest, io);
                default -> throw new UsageException("unknown subcommand '" + sub + "' (see 'quire review help')");
            };
        } catch (IllegalArgumentException e) {
            // an unknown stage, record, reviewer or criterion: the user can correct the command
            throw new UsageException(e.getMessage());
        }
    }

    // --- status ---------------------------------------------------------------------------------------------------

    private int status(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("status", args, Set.of("--format"), Set.of());
        none(options);
        Map<String, StageOutcome> outcomes = review.outcomes();
        var protocol = review.protocol();
        if (options.format("text", "json").equals("json")) {
            ObjectNode root = JSON.createObjectNode();
            root.put("title", protocol.title());
            root.put("blinded", protocol.blinded());
            root.put("reviewersPerRecord", protocol.reviewersPerRecord());
            putOptional(root, "currentReviewer", review.currentReviewer().map(Reviewer::id));
            ArrayNode stages = root.putArray("stages");
            for (ReviewStage stage : review.stages()) {
                StageOutcome o = outcomes.get(stage.id());
                ObjectNode node = stages.addObject();
                node.put("id", stage.id()).put("label", stage.label()).put("order", stage.order())
                        .put("screened", stage.screened()).put("records", o.entered().size())
                        .put("passed", o.passed().size()).put("excluded", o.excludedTotal())
                        .put("pending", o.pending().size());
                node.set("excludedByReason", JSON.valueToTree(o.excluded()));
                if (stage.screened()) {
                    node.put("conflicts", review.conflicts(stage.id()).size());
                    node.set("decidedByReviewer", JSON.valueToTree(decidedByReviewer(stage.id())));
                }
            }
            root.set("problems", JSON.valueToTree(review.problems()));
            io.out().println(root.toPrettyString());
            return OK;
        }
        io.out().println("Review: " + (protocol.title().isBlank() ? "(no title yet)" : protocol.title()));
        io.out().println((protocol.blinded() ? "blinded" : "not blinded") + ", " + protocol.reviewersPerRecord()
                + (protocol.reviewersPerRecord() == 1 ? " reviewer" : " reviewers") + " per record; reviewer on this"
                + " machine: " + review.currentReviewer().map(r -> r.id() + " (" + r.name() + ")").orElse("none"));
        int width = Math.max(5, review.stages().stream().mapToInt(s -> s.id().length()).max().orElse(0));
        io.out().printf("%-" + width + "s %8s %8s %8s %8s %9s  %s%n", "stage", "records", "passed", "excluded",
                "pending", "conflicts", "");
        for (ReviewStage stage : review.stages()) {
            StageOutcome o = outcomes.get(stage.id());
            io.out().printf("%-" + width + "s %8d %8d %8d %8d %9s  %s%n", stage.id(),
                    o.entered().size(), o.passed().size(), o.excludedTotal(), o.pending().size(),
                    stage.screened() ? Integer.toString(review.conflicts(stage.id()).size()) : "", stage.label());
            if (stage.screened()) {
                Map<String, Integer> decided = decidedByReviewer(stage.id());
                if (!decided.isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    decided.forEach((r, n) -> parts.add(r + " " + n + "/" + o.entered().size()));
                    io.out().println("    decided: " + String.join(", ", parts));
                }
            }
        }
        review.problems().forEach(p -> io.err().println("quire review: " + p));
        return OK;
    }

    /** How many of the stage's records each reviewer has decided (counts only: nothing of what they decided). */
    private Map<String, Integer> decidedByReviewer(String stage) {
        Set<String> entered = review.outcomes().get(stage).entered();
        Map<String, Map<String, Verdict>> standing = new java.util.TreeMap<>();
        for (Decision d : review.log()) {
            if (d.stage().equals(stage) && !d.resolution() && entered.contains(d.referenceId())) {
                standing.computeIfAbsent(d.reviewer(), r -> new java.util.HashMap<>()).put(d.referenceId(),
                        d.verdict());
            }
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        standing.forEach((r, votes) -> counts.put(r,
                (int) votes.values().stream().filter(v -> v != Verdict.NONE).count()));
        return counts;
    }

    // --- reviewer, screening, decisions ---------------------------------------------------------------------------

    private int reviewer(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("reviewer", args, Set.of(), Set.of());
        if (options.operands().isEmpty()) {
            Optional<Reviewer> current = review.currentReviewer();
            io.out().println(current.map(r -> r.id() + "  " + r.name()).orElse("no reviewer chosen on this machine"
                    + " (reviewers: " + String.join(", ", review.protocol().reviewers().stream().map(Reviewer::id)
                    .toList()) + ")"));
            return OK;
        }
        if (options.operands().size() > 1) {
            throw new UsageException("reviewer takes one set of initials");
        }
        review.setCurrentReviewer(options.operands().get(0));
        Reviewer chosen = review.currentReviewer().orElseThrow();
        io.out().println("reviewer on this machine: " + chosen.id() + " (" + chosen.name() + ")");
        return OK;
    }

    private int screen(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("screen", args, Set.of("--stage", "--limit"), Set.of());
        none(options);
        String stage = stage(options);
        int limit = options.positiveInt("--limit", Integer.MAX_VALUE);
        ScreeningLoop loop = new ScreeningLoop(review, library, Optional.ofNullable(order), stage,
                new java.io.BufferedReader(new java.io.InputStreamReader(input.get(), StandardCharsets.UTF_8)),
                io.out());
        loop.run(limit);
        return OK;
    }

    private int decide(List<String> args, CommandIO io, boolean resolution) throws Exception {
        String sub = resolution ? "resolve" : "decide";
        Options options = Options.parse(sub, args, Set.of("--stage", "--reason", "--note"), Set.of());
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            throw new UsageException(sub + " needs record ids and a verdict: include, exclude or maybe");
        }
        Verdict verdict = verdict(operands.get(operands.size() - 1));
        List<String> ids = operands.subList(0, operands.size() - 1);
        String stage = stage(options);
        Optional<String> reason = options.option("--reason");
        Optional<String> note = options.option("--note");
        if (resolution) {
            for (String id : ids) {
                Decision d = review.resolve(stage, id, verdict, reason, note);
                io.out().println("resolved " + d.referenceId() + " in " + stage + ": " + describe(d));
            }
        } else {
            List<Decision> written = review.decide(stage, ids, verdict, reason, note);
            io.out().println(review.currentReviewer().map(Reviewer::id).orElse("?") + " decided "
                    + written.size() + (written.size() == 1 ? " record" : " records") + " in " + stage + ": "
                    + describe(written.get(0)));
        }
        return OK;
    }

    private int undo(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("undo", args, Set.of("--stage"), Set.of());
        if (options.operands().size() != 1) {
            throw new UsageException("undo needs one record id");
        }
        String stage = stage(options);
        Optional<Decision> undone = review.undo(stage, options.operands().get(0));
        io.out().println(undone.isPresent() ? "withdrew the decision on " + options.operands().get(0)
                : "no decision of yours on " + options.operands().get(0) + " in " + stage + " to withdraw");
        return OK;
    }

    static Verdict verdict(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "include", "i" -> Verdict.INCLUDE;
            case "exclude", "e" -> Verdict.EXCLUDE;
            case "maybe", "m" -> Verdict.MAYBE;
            default -> throw new UsageException("a verdict is include, exclude or maybe, not '" + text + "'");
        };
    }

    static String describe(Decision d) {
        return d.verdict().name().toLowerCase(Locale.ROOT) + d.criterion().map(c -> " (" + c + ")").orElse("");
    }

    // --- conflicts and agreement ----------------------------------------------------------------------------------

    private int conflicts(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("conflicts", args, Set.of("--stage", "--format"), Set.of());
        none(options);
        boolean json = options.format("text", "json").equals("json");
        List<String> stages = options.option("--stage").map(List::of).orElseGet(() -> review.stages().stream()
                .filter(ReviewStage::screened).map(ReviewStage::id).toList());
        ArrayNode array = JSON.createArrayNode();
        int total = 0;
        for (String stage : stages) {
            for (String id : review.conflicts(stage)) {
                total++;
                List<Decision> votes = standingVotes(stage, id);
                String title = library.reference(id).map(quire.api.model.Reference::title).orElse("");
                if (json) {
                    ObjectNode node = array.addObject().put("stage", stage).put("id", id).put("title", title);
                    ArrayNode decisions = node.putArray("decisions");
                    votes.forEach(v -> {
                        ObjectNode vote = decisions.addObject().put("reviewer", v.reviewer())
                                .put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
                        putOptional(vote, "reason", v.criterion());
                        putOptional(vote, "note", v.note());
                    });
                } else {
                    io.out().println(stage + "  " + id + "  " + title);
                    votes.forEach(v -> io.out().println("    " + v.reviewer() + ": " + describe(v)
                            + v.note().map(n -> "  \"" + n + "\"").orElse("")));
                }
            }
        }
        if (json) {
            io.out().println(array.toPrettyString());
        } else {
            io.err().println(total + (total == 1 ? " conflict" : " conflicts")
                    + (total > 0 ? "; settle each with 'quire review resolve ID include|exclude|maybe'" : ""));
        }
        return OK;
    }

    /** Each reviewer's standing vote on a record, read from the log (a conflict is visible to every reviewer). */
    private List<Decision> standingVotes(String stage, String id) {
        Map<String, Decision> latest = new java.util.TreeMap<>();
        review.log().stream().filter(d -> d.stage().equals(stage) && d.referenceId().equals(id) && !d.resolution())
                .sorted(java.util.Comparator.comparing(Decision::at))
                .forEach(d -> latest.put(d.reviewer(), d));
        return latest.values().stream().filter(d -> d.verdict() != Verdict.NONE).toList();
    }

    private int agreement(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("agreement", args, Set.of("--stage", "--format"), Set.of());
        none(options);
        List<String> stages = options.option("--stage").map(List::of).orElseGet(() -> review.stages().stream()
                .filter(ReviewStage::screened).map(ReviewStage::id).toList());
        List<Agreement> all = new ArrayList<>();
        for (String stage : stages) {
            all.addAll(review.agreement(stage));
        }
        if (options.format("text", "json").equals("json")) {
            ArrayNode array = JSON.createArrayNode();
            for (Agreement a : all) {
                ObjectNode node = array.addObject().put("stage", a.stage()).put("reviewerA", a.reviewerA())
                        .put("reviewerB", a.reviewerB()).put("records", a.records()).put("agreed", a.agreed());
                putNumber(node, "percent", a.percent());
                putNumber(node, "kappa", a.kappa());
            }
            io.out().println(array.toPrettyString());
            return OK;
        }
        io.out().printf("%-16s %-10s %8s %8s %9s %8s%n", "stage", "reviewers", "records", "agreed", "percent",
                "kappa");
        for (Agreement a : all) {
            io.out().printf(Locale.ROOT, "%-16s %-10s %8d %8d %8.1f%% %8s%n", a.stage(),
                    a.reviewerA() + "/" + a.reviewerB(), a.records(), a.agreed(), a.percent() * 100,
                    Double.isNaN(a.kappa()) ? "n/a" : String.format(Locale.ROOT, "%.3f", a.kappa()));
        }
        if (all.isEmpty()) {
            io.err().println("no two reviewers have decided the same records yet");
        } else {
            io.err().println("maybe counts as include; kappa is Cohen's, n/a when both reviewers used one verdict");
        }
        return OK;
    }

    // --- PRISMA -----------------------------------------------------------------------------------------------------

    private int prisma(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("prisma", args, Set.of("-o", "--output", "--scale", "--format"), Set.of());
        none(options);
        List<String> outputs = new ArrayList<>(options.all("-o"));
        outputs.addAll(options.all("--output"));
        double scale = 2;
        if (options.option("--scale").isPresent()) {
            try {
                scale = Double.parseDouble(options.option("--scale").get());
            } catch (NumberFormatException e) {
                throw new UsageException("--scale needs a number, e.g. 2");
            }
            if (!(scale > 0 && scale <= 8)) {
                throw new UsageException("--scale must be above 0 and at most 8");
            }
        }
        for (String output : outputs) {
            extension(output); // every name is checked before anything is written
        }
        PrismaCounts counts = review.prisma();
        for (String output : outputs) {
            Path file = Path.of(output);
            byte[] bytes = switch (extension(output)) {
                case "svg" -> diagram.svg(counts).getBytes(StandardCharsets.UTF_8);
                case "png" -> diagram.png(counts, scale);
                default -> diagram.csv(counts).getBytes(StandardCharsets.UTF_8);
            };
            writeAtomically(file, bytes);
            io.err().println("wrote " + output);
        }
        if (outputs.isEmpty() || options.option("--format").isPresent()) {
            if (options.format("text", "json").equals("json")) {
                ObjectNode node = JSON.createObjectNode();
                node.set("database_specific_results", JSON.valueToTree(counts.databaseResults()));
                node.put("database_results", counts.identified());
                node.put("duplicates", counts.duplicates());
                node.put("excluded_other", counts.removedOther());
                node.put("records_screened", counts.recordsScreened());
                node.put("records_excluded", counts.recordsExcluded());
                node.put("dbr_sought_reports", counts.reportsSought());
                node.put("dbr_notretrieved_reports", counts.reportsNotRetrieved());
                node.put("dbr_assessed", counts.reportsAssessed());
                node.set("dbr_excluded", JSON.valueToTree(counts.reportsExcluded()));
                node.put("new_studies", counts.newStudies());
                node.put("pending", counts.pending());
                io.out().println(node.toPrettyString());
            } else {
                printCounts(counts, io);
            }
        }
        return OK;
    }

    private static void printCounts(PrismaCounts c, CommandIO io) {
        io.out().println("records identified          " + c.identified());
        c.databaseResults().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> io.out().println("  " + e.getKey() + "  " + e.getValue()));
        io.out().println("duplicates removed          " + c.duplicates());
        if (c.removedOther() > 0) {
            io.out().println("removed for other reasons   " + c.removedOther());
        }
        io.out().println("records screened            " + c.recordsScreened());
        io.out().println("records excluded            " + c.recordsExcluded());
        io.out().println("reports sought              " + c.reportsSought());
        io.out().println("reports not retrieved       " + c.reportsNotRetrieved());
        io.out().println("reports assessed            " + c.reportsAssessed());
        io.out().println("reports excluded            " + c.reportsExcludedTotal());
        c.reportsExcluded().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> io.out().println("  " + e.getKey() + "  " + e.getValue()));
        io.out().println("studies included            " + c.newStudies());
        if (c.pending() > 0) {
            io.out().println("awaiting a decision         " + c.pending());
        }
    }

    private static String extension(String output) throws UsageException {
        String lower = output.toLowerCase(Locale.ROOT);
        for (String ext : List.of("svg", "png", "csv")) {
            if (lower.endsWith("." + ext)) {
                return ext;
            }
        }
        throw new UsageException("cannot tell what to write to '" + output + "': name it .svg, .png or .csv");
    }

    static void writeAtomically(Path file, byte[] bytes) throws java.io.IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(folder.toString());
        }
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                var buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // --- the decision table and exchange ----------------------------------------------------------------------------

    private int decisions(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("decisions", args, Set.of("--format"), Set.of());
        none(options);
        List<Decision> log = visibleLog();
        int hidden = review.log().size() - log.size();
        if (hidden > 0) {
            io.err().println(hidden + " decisions of other reviewers are hidden until you have decided those"
                    + " records (the review is blinded)");
        }
        if (options.format("csv", "json").equals("json")) {
            ArrayNode array = JSON.createArrayNode();
            for (Decision d : log) {
                ObjectNode node = array.addObject().put("id", d.id()).put("record", d.referenceId())
                        .put("stage", d.stage()).put("reviewer", d.reviewer())
                        .put("verdict", d.verdict().name().toLowerCase(Locale.ROOT));
                putOptional(node, "reason", d.criterion());
                putOptional(node, "note", d.note());
                node.put("at", d.at().toString()).put("resolution", d.resolution());
            }
            io.out().println(array.toPrettyString());
            return OK;
        }
        io.out().println("id,record,title,stage,reviewer,verdict,reason,note,at,resolution");
        for (Decision d : log) {
            String title = library.reference(d.referenceId()).map(quire.api.model.Reference::title).orElse("");
            io.out().println(String.join(",", List.of(csv(d.id()), csv(d.referenceId()), csv(title), csv(d.stage()),
                    csv(d.reviewer()), d.verdict().name().toLowerCase(Locale.ROOT), csv(d.criterion().orElse("")),
                    csv(d.note().orElse("")), d.at().toString(), Boolean.toString(d.resolution()))));
        }
        return OK;
    }

    /**
     * The log as the current reviewer may see it: with blinding, another reviewer's entry on a record shows only once
     * the current reviewer has decided that record in that stage.
     */
    private List<Decision> visibleLog() {
        List<Decision> log = review.log();
        if (!review.protocol().blinded()) {
            return log;
        }
        Optional<String> me = review.currentReviewer().map(Reviewer::id);
        Set<String> decided = new java.util.HashSet<>();
        for (ReviewStage stage : review.stages()) {
            if (stage.screened()) {
                review.statuses(stage.id()).forEach((id, s) -> {
                    if (s.own() != Verdict.NONE) {
                        decided.add(stage.id() + "\n" + id);
                    }
                });
            }
        }
        return log.stream().filter(d -> me.map(d.reviewer()::equals).orElse(false)
                || decided.contains(d.stage() + "\n" + d.referenceId())).toList();
    }

    static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private int exportDecisions(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("export-decisions", args, Set.of("--reviewer"), Set.of());
        if (options.operands().size() != 1) {
            throw new UsageException("export-decisions needs one FILE to write");
        }
        Optional<String> reviewer = options.option("--reviewer");
        if (reviewer.isPresent() && review.protocol().reviewer(reviewer.get()).isEmpty()) {
            throw new UsageException("no reviewer '" + reviewer.get() + "' in the protocol");
        }
        Path file = Path.of(options.operands().get(0));
        int n = review.exportDecisions(file, reviewer);
        io.out().println("exported " + n + (n == 1 ? " decision" : " decisions")
                + reviewer.map(r -> " of " + r).orElse("") + " to " + file);
        return OK;
    }

    private int importDecisions(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("import-decisions", args, Set.of(), Set.of());
        if (options.operands().size() != 1) {
            throw new UsageException("import-decisions needs one FILE to read");
        }
        Path file = Path.of(options.operands().get(0));
        int before = review.problems().size();
        int total = review.log().size();
        int n = review.importDecisions(file);
        List<String> problems = review.problems();
        problems.subList(before, problems.size()).forEach(p -> io.err().println("quire review: " + p));
        io.out().println("imported " + n + " new " + (n == 1 ? "decision" : "decisions") + " from " + file + " ("
                + (total + n) + " in the log)");
        int conflicts = review.stages().stream().filter(ReviewStage::screened)
                .mapToInt(s -> review.conflicts(s.id()).size()).sum();
        if (conflicts > 0) {
            io.out().println(conflicts + (conflicts == 1 ? " conflict" : " conflicts")
                    + " to resolve: quire review conflicts");
        }
        return OK;
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private String stage(Options options) throws UsageException {
        String stage = options.option("--stage").orElse(ReviewStage.TITLE_ABSTRACT);
        if (review.stages().stream().noneMatch(s -> s.id().equals(stage))) {
            throw new UsageException("no stage '" + stage + "' (stages: " + String.join(", ",
                    review.stages().stream().map(ReviewStage::id).toList()) + ")");
        }
        return stage;
    }

    private static void none(Options options) throws UsageException {
        if (!options.operands().isEmpty()) {
            throw new UsageException("unexpected '" + options.operands().get(0) + "'");
        }
    }

    static void putOptional(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        } else {
            node.putNull(name);
        }
    }

    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    /** Reasons to offer for an exclusion in a stage: the criteria, and "not retrieved" at full text. */
    static List<Criterion> reasons(quire.api.review.ReviewProtocol protocol, String stage) {
        List<Criterion> reasons = new ArrayList<>(protocol.criteria());
        if (stage.equals(ReviewStage.FULL_TEXT)) {
            reasons.add(new Criterion(Criterion.NOT_RETRIEVED, "full text not retrieved"));
        }
        return reasons;
    }
}
