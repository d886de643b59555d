package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.importing.UnrecognisedFormatException;

/** {@code import [--from FORMAT] [--option NAME=VALUE]... [--format text|json] FILE...} */
@Component(service = Command.class, property = Command.NAME + "=import")
public final class ImportCommand implements Command {

    private final ImportService imports;

    @Activate
    public ImportCommand(@Reference ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import files or folders into the library (format detected)";
    }

    @Override
    public String usage() {
        return "import [--from FORMAT] [--option NAME=VALUE] [--format text|json] FILE|FOLDER...";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--from", "--option", "--format"), Set.of());
        String output = arguments.format("text", "json");
        if (arguments.operands().isEmpty()) {
            throw new UsageException("name at least one file to import");
        }
        // a folder stands for every file in it (not hidden, not in sub-folders), in name order
        List<Path> files = new ArrayList<>();
        List<String> shownNames = new ArrayList<>();
        for (String operand : arguments.operands()) {
            Path path = Path.of(operand);
            if (Files.isDirectory(path)) {
                try (var listing = Files.list(path)) {
                    for (Path file : listing.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        files.add(file);
                        shownNames.add(file.toString());
                    }
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
                shownNames.add(operand);
            } else {
                throw new NoSuchFileException(operand);
            }
        }
        Map<String, String> options = new HashMap<>();
        for (String option : arguments.all("--option")) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--option needs NAME=VALUE, not '" + option + "'");
            }
            options.put(option.substring(0, equals), option.substring(equals + 1));
        }
        ArrayNode json = ReferenceJson.MAPPER.createArrayNode();
        int code = OK;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String shown = shownNames.get(i);
            ConsoleProgress progress = new ConsoleProgress(io.err(), io.interactive());
            ImportReport report;
            try {
                report = imports.importFile(file, arguments.option("--from"), new ImportOptions(options), progress);
            } catch (UnrecognisedFormatException e) {
                progress.finish();
                io.err().println("quire import: " + shown + ": not a format any installed importer knows");
                json.addObject().put("file", shown).put("error", e.getMessage());
                code = FAILED;
                continue;
            }
            progress.finish();
            long warnings = report.problems().size() - report.errors();
            if (output.equals("text")) {
                io.out().printf("%s: %d records imported (format %s), %d already in the library, %d errors, %d warnings%s%n",
                        shown, report.added(), report.format(), report.alreadyPresent(), report.errors(), warnings,
                        report.cancelled() ? ", cancelled" : "");
                for (ImportProblem problem : report.problems()) {
                    io.err().println(problem.toString().replaceFirst("^" + java.util.regex.Pattern.quote(report.file()),
                            java.util.regex.Matcher.quoteReplacement(shown)));
                }
            } else {
                ObjectNode node = json.addObject();
                node.put("file", shown).put("format", report.format()).put("read", report.read())
                        .put("imported", report.added()).put("alreadyPresent", report.alreadyPresent())
                        .put("errors", report.errors()).put("warnings", warnings).put("cancelled", report.cancelled());
                ArrayNode problems = node.putArray("problems");
                report.problems().forEach(p -> problems.addObject().put("line", p.line())
                        .put("column", p.column())
                        .put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT))
                        .put("message", p.message()));
            }
        }
        if (output.equals("json")) {
            io.out().println(ReferenceJson.MAPPER.writeValueAsString(json));
        }
        return code;
    }
}
