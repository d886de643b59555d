package quire.importer.ris;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSource;
import quire.api.importing.ImportSink;
import quire.api.model.Reference;

/** A sink that keeps what it is given; cancels after {@code cancelAfter} references. */
final class CollectingSink implements ImportSink {
    final List<Reference> references = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    private final int cancelAfter;

    CollectingSink() {
        this(Integer.MAX_VALUE);
    }

    CollectingSink(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    @Override
    public void reference(Reference reference) {
        references.add(reference);
    }

    @Override
    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    @Override
    public boolean cancelled() {
        return references.size() >= cancelAfter;
    }

    List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    List<ImportProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
    }

    /** Imports {@code file} with a fresh sink. */
    static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new RisImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    /** Writes {@code text} to {@code dir/name} as UTF-8 and imports it. */
    static CollectingSink read(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return read(file);
    }
}
