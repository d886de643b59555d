package quire.importing;

import java.io.IOException;
import java.util.List;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;
import quire.api.model.Provenance;
import quire.api.model.Reference;

/** A test format: a file starting with "#lines", then one title per line; "!" lines are errors. */
final class LineImporter implements Importer {
    @Override public String format() { return "lines"; }
    @Override public String label() { return "One title per line"; }
    @Override public List<String> extensions() { return List.of("lines"); }
    @Override public boolean recognises(String fileName, String head) { return head.startsWith("#lines"); }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        List<String> lines;
        try (var reader = source.openReader()) {
            lines = reader.lines().toList();
        }
        int position = 0;
        for (int i = 1; i < lines.size() && !sink.cancelled(); i++) {
            String line = lines.get(i);
            if (line.startsWith("!")) {
                sink.problem(ImportProblem.error(source.name(), i + 1, "bad line"));
                continue;
            }
            sink.reference(Reference.builder().title(line)
                    .provenance(Provenance.of(source.name(), format(), position++, i + 1)).build());
        }
    }
}
