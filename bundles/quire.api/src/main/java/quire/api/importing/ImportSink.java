package quire.api.importing;

import org.osgi.annotation.versioning.ProviderType;
import quire.api.model.Reference;

/** Receives what an {@link Importer} reads. Called from the importing thread only. */
@ProviderType
public interface ImportSink {

    /** A reference read from the file, in file order, with its provenance and without an id. */
    void reference(Reference reference);

    /** Something wrong in the file; an {@link ImportProblem.Severity#ERROR} means a record was skipped. */
    void problem(ImportProblem problem);

    /** Whether the user cancelled; the importer stops at the next record when true. */
    boolean cancelled();
}
