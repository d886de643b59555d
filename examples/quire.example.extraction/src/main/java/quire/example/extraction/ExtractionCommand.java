package quire.example.extraction;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.export.CitationKeyGenerator;
import quire.api.library.Library;
import quire.api.review.ReviewService;
import quire.api.review.Reviewer;

/**
 * {@code quire extraction form|set|status|export}: the data-extraction stage on the command line, for scripts and
 * for teams that extract outside the window.
 */
@Component(service = Command.class, property = Command.NAME + "=extraction")
public final class ExtractionCommand implements Command {

    static final List<String> USAGES = List.of(
            "extraction form [--format text|json]      show and check the form (extraction/form.json)",
            "extraction form --example                 print the example form, to start a form.json from",
            "extraction set STUDY FIELD [VALUE...] [--reviewer INITIALS]   set (no VALUE: clear) a field",
            "extraction status [--format text|json]    which included studies are extracted, by whom",
            "extraction export [-o FILE.csv]           the results as CSV, one row per study and reviewer");

    private final ExtractionStore store;
    private final ReviewService review;
    private final Library library;

    @Activate
    public ExtractionCommand(@Reference ExtractionStore store, @Reference ReviewService review,
            @Reference Library library) {
        this.store = store;
        this.review = review;
        this.library = library;
    }

    @Override
    public String name() {
        return "extraction";
    }

    @Override
    public String summary() {
        return "data extraction from the included studies: form, set, status, export ('extraction help')";
    }

    @Override
    public String usage() {
        return "extraction form|set|status|export ...";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            USAGES.forEach(u -> io.out().println("quire " + u));
            return OK;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "form" -> form(Options.parse("form", rest, Set.of("--format"), Set.of("--example")), io);
            case "set" -> set(Options.parse("set", rest, Set.of("--reviewer"), Set.of()), io);
            case "status" -> status(Options.parse("status", rest, Set.of("--format"), Set.of()), io);
            case "export" -> export(Options.parse("export", rest, Set.of("-o", "--output"), Set.of()), io);
            default -> throw new UsageException("unknown subcommand '" + args.get(0)
                    + "' (see 'quire extraction help')");
        };
    }

    private int form(Options options, CommandIO io) throws Exception {
        options.noOperands("form");
        if (options.flag("--example")) {
            io.out().print(ExtractionStore.exampleForm());
            return OK;
        }
        String format = options.format();
        ExtractionForm form;
        try {
            form = store.form();
        } catch (FormException e) {
            e.problems().forEach(io.err()::println);
            io.err().println("quire: the extraction form has " + e.problems().size() + " problem(s); fix "
                    + store.formFile());
            return FAILED;
        }
        if (format.equals("json")) {
            ObjectNode json = ExtractionLog.JSON.createObjectNode();
            json.put("title", form.title());
            json.put("source", form.source());
            ArrayNode fields = json.putArray("fields");
            for (FormField field : form.fields()) {
                ObjectNode node = fields.addObject();
                node.put("id", field.id());
                node.put("label", field.label());
                node.put("type", field.type().jsonName());
                if (field.type().hasChoices()) {
                    field.values().forEach(node.putArray("values")::add);
                }
                node.put("required", field.required());
                field.help().ifPresent(h -> node.put("help", h));
            }
            io.out().println(ExtractionLog.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            return OK;
        }
        io.out().println(form.title().isEmpty() ? "Extraction form" : form.title());
        io.out().println("from " + form.source() + ": " + form.fields().size() + " fields, valid");
        for (FormField field : form.fields()) {
            io.out().printf("  %-16s %-12s %-9s %s%s%n", field.id(), field.type().jsonName(),
                    field.required() ? "required" : "", field.label(),
                    field.type().hasChoices() ? " [" + String.join(" | ", field.values()) + "]" : "");
        }
        return OK;
    }

    private int set(Options options, CommandIO io) throws Exception {
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            throw new UsageException("usage: quire extraction set STUDY FIELD [VALUE...] [--reviewer INITIALS]");
        }
        String study = study(operands.get(0));
        String reviewer = reviewer(options.option("--reviewer"));
        ExtractionForm form = form(io);
        String field = operands.get(1);
        if (form.field(field).isEmpty()) {
            throw new UsageException("no field '" + field + "' in " + form.source() + " (fields: "
                    + String.join(", ", form.fields().stream().map(FormField::id).toList()) + ")");
        }
        Extraction saved;
        try {
            saved = store.set(study, reviewer, field, operands.subList(2, operands.size()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<FormField> missing = form.missing(saved.answers());
        io.out().println(study + " " + field + " = " + String.join("; ", saved.answers().getOrDefault(field,
                List.of())) + " (" + reviewer + "; " + (form.complete(saved.answers()) ? "complete"
                : "still missing: " + String.join(", ", missing.stream().map(FormField::id).toList())) + ")");
        return OK;
    }

    private int status(Options options, CommandIO io) throws Exception {
        options.noOperands("status");
        String format = options.format();
        ExtractionForm form = form(io);
        List<quire.api.model.Reference> studies = IncludedStudies.of(review, library);
        List<Extraction> extractions = store.extractions();
        Set<String> complete = store.completeStudies(form);
        store.problems().forEach(p -> io.err().println("warning: " + p));
        int done = (int) studies.stream().filter(s -> complete.contains(s.id())).count();
        if (format.equals("json")) {
            ObjectNode json = ExtractionLog.JSON.createObjectNode();
            json.put("included", studies.size());
            json.put("complete", done);
            json.put("pending", studies.size() - done);
            ArrayNode rows = json.putArray("studies");
            for (quire.api.model.Reference study : studies) {
                ObjectNode row = rows.addObject();
                row.put("id", study.id());
                row.put("title", study.title());
                row.put("complete", complete.contains(study.id()));
                ObjectNode byReviewer = row.putObject("reviewers");
                extractions.stream().filter(e -> e.study().equals(study.id()))
                        .forEach(e -> byReviewer.put(e.reviewer(), form.complete(e.answers()) ? "complete"
                                : "partial"));
            }
            io.out().println(ExtractionLog.JSON.writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json));
            return OK;
        }
        io.out().println(studies.size() + " included studies: " + done + " extracted, " + (studies.size() - done)
                + " pending");
        for (quire.api.model.Reference study : studies) {
            List<String> who = new ArrayList<>();
            extractions.stream().filter(e -> e.study().equals(study.id())).forEach(e -> who.add(e.reviewer() + " "
                    + (form.complete(e.answers()) ? "complete" : "partial (" + form.missing(e.answers()).size()
                            + " required missing)")));
            io.out().printf("  %-4s %-22s %s%n    %s%n", complete.contains(study.id()) ? "done" : "-",
                    study.id(), shorten(study.title(), 70), who.isEmpty() ? "not started" : String.join(", ", who));
        }
        return OK;
    }

    private int export(Options options, CommandIO io) throws Exception {
        options.noOperands("export");
        Optional<String> output = options.option("-o").or(() -> options.option("--output"));
        ExtractionForm form = form(io);
        List<quire.api.model.Reference> studies = IncludedStudies.of(review, library);
        String csv = Csv.of(ExtractionTable.rows(form, studies, store.extractions()));
        if (output.isEmpty()) {
            io.out().print(csv);
            return OK;
        }
        Path file = Path.of(output.get()).toAbsolutePath();
        writeAtomically(file, csv);
        io.err().println("wrote " + studies.size() + " studies to " + file);
        return OK;
    }

    /** Replaces the file in one step (temp file, fsync, rename): a reader never sees half a CSV. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The form, or every problem of it on err and a one-line failure. */
    private ExtractionForm form(CommandIO io) throws Exception {
        try {
            return store.form();
        } catch (FormException e) {
            e.problems().forEach(io.err()::println);
            throw new Exception("the extraction form has " + e.problems().size() + " problem(s); fix "
                    + store.formFile() + " ('quire extraction form' checks it)");
        }
    }

    /** A study by reference id or citation key; it must be an included study. */
    private String study(String given) throws UsageException {
        List<quire.api.model.Reference> studies = IncludedStudies.of(review, library);
        return studies.stream().filter(s -> s.id().equals(given)
                        || given.equals(s.fields().get(CitationKeyGenerator.FIELD))).map(s -> s.id()).findFirst()
                .orElseThrow(() -> new UsageException("'" + given + "' is not an included study ("
                        + studies.size() + " included; 'quire extraction status' lists them)"));
    }

    private String reviewer(Optional<String> given) throws UsageException {
        if (given.isPresent()) {
            Optional<Reviewer> known = review.protocol().reviewer(given.get());
            if (known.isEmpty()) {
                throw new UsageException("no reviewer '" + given.get() + "' in the protocol ('quire review "
                        + "protocol add reviewer INITIALS NAME')");
            }
            return known.get().id();
        }
        return review.currentReviewer().map(Reviewer::id).orElseThrow(() -> new UsageException(
                "no reviewer chosen: give --reviewer INITIALS, or choose one with 'quire review reviewer INITIALS'"));
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** A subcommand's options and operands; an option it does not take is a usage error. */
    record Options(String command, Map<String, String> values, List<String> operands) {

        static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags)
                throws UsageException {
            Map<String, String> values = new HashMap<>();
            List<String> operands = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--")) {
                    operands.addAll(args.subList(i + 1, args.size()));
                    break;
                }
                if (!arg.startsWith("-") || arg.equals("-")) {
                    operands.add(arg);
                } else if (valued.contains(arg)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + arg + " needs a value");
                    }
                    values.put(arg, args.get(++i));
                } else if (flags.contains(arg)) {
                    values.put(arg, "true");
                } else {
                    throw new UsageException("unknown option " + arg + " for 'extraction " + command + "'");
                }
            }
            return new Options(command, values, operands);
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(values.get(name));
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        String format() throws UsageException {
            String format = option("--format").orElse("text");
            if (!format.equals("text") && !format.equals("json")) {
                throw new UsageException("--format is text or json, not '" + format + "'");
            }
            return format;
        }

        void noOperands(String sub) throws UsageException {
            if (!operands.isEmpty()) {
                throw new UsageException("'extraction " + sub + "' takes no argument '" + operands.get(0) + "'");
            }
        }
    }
}
