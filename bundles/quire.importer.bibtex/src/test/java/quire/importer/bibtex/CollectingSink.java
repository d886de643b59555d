package quire.importer.bibtex;

import java.util.ArrayList;
import java.util.List;
import quire.api.importing.ImportProblem;
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
}
