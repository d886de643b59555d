package quire.example.doilist;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;
import quire.api.model.Identifiers;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/**
 * A plain list of identifiers, one per line: DOIs ({@code 10.1000/xyz}, {@code doi:...}, {@code https://doi.org/...})
 * and arXiv ids ({@code 2301.01234}, {@code arXiv:2301.01234v2}, {@code hep-th/9901001}). Blank lines and lines
 * starting with {@code #} are skipped; any other line is reported with its number and the rest is read.
 *
 * <p>The service properties let Quire offer the importer before it is loaded (format id and file extensions).
 */
@Component(property = {Importer.FORMAT + "=identifier-list", Importer.EXTENSIONS + "=txt"})
public final class IdentifierListImporter implements Importer {

    /** The first line that is not blank or a comment must look like an identifier for the file to be one of ours. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?i)\\s*(doi:\\s*|https?://(dx\\.)?doi\\.org/)?10\\.\\d{4,9}/\\S+\\s*"
            + "|\\s*(arxiv:\\s*)?(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[a-z]{2})?/\\d{7})(v\\d+)?\\s*");

    @Override
    public String format() {
        return "identifier-list";
    }

    @Override
    public String label() {
        return "List of DOIs and arXiv ids";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        return head.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().map(line -> IDENTIFIER.matcher(line).matches()).orElse(false);
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        try (BufferedReader reader = source.openReader()) {
            int lineNumber = 0;
            int position = 0;
            for (String line = reader.readLine(); line != null && !sink.cancelled(); line = reader.readLine()) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Optional<Reference> reference = reference(text, source.name(), position, lineNumber);
                if (reference.isPresent()) {
                    sink.reference(reference.get());
                    position++;
                } else {
                    sink.problem(ImportProblem.error(source.name(), lineNumber,
                            "not a DOI or an arXiv id: '" + text + "'"));
                }
            }
        }
    }

    private Optional<Reference> reference(String text, String file, int position, int line) {
        if (!IDENTIFIER.matcher(text).matches()) {
            return Optional.empty();
        }
        Reference.Builder builder = Reference.builder()
                .provenance(Provenance.of(file, format(), position, line));
        Optional<String> doi = Identifiers.doi(text);
        if (doi.isPresent()) {
            return Optional.of(builder.doi(doi.get()).url("https://doi.org/" + doi.get()).build());
        }
        Optional<String> arxiv = Identifiers.arxiv(text);
        if (arxiv.isPresent()) {
            return Optional.of(builder.arxivId(arxiv.get()).url("https://arxiv.org/abs/" + arxiv.get()).build());
        }
        return Optional.empty();
    }
}
