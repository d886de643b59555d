package quire.api.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import quire.api.model.Reference;

/**
 * The references of the open workspace, kept durably on disk. Every change gets a new, higher
 * {@link #generation()}; a change method returns only once the change is on disk (fsync), so a reference that a
 * caller was told is stored survives a crash. After each change the store posts an EventAdmin event on
 * {@link #TOPIC_CHANGED}.
 *
 * <p>Readers get snapshots: the list from {@link #references()} never changes under the caller.
 */
@ProviderType
public interface Library {

    /** EventAdmin topic posted after every change, with properties {@code generation} (Long) and {@code count}. */
    String TOPIC_CHANGED = "quire/library/CHANGED";

    /** The workspace folder this library lives in. */
    Path workspace();

    /** The number of references. */
    int size();

    /** A number that grows with every change; 0 for a new, empty library. */
    long generation();

    /** All references, in the order they were first stored. */
    List<Reference> references();

    /** The reference with this id. */
    Optional<Reference> reference(String id);

    /**
     * Stores references: a reference whose id is already present replaces it, others are added. Every reference
     * must have an id. Returns the new generation once the change is durable.
     */
    long store(Collection<Reference> references) throws IOException;

    /**
     * Starts a transaction; the caller must close it (try-with-resources). Blocks while another transaction is
     * open.
     */
    LibraryTransaction begin() throws IOException;

    /** Removes the references with these ids (unknown ids are ignored); returns the new generation. */
    long remove(Collection<String> ids) throws IOException;

    /** What changed after {@code generation}: a derived view such as the index uses this to catch up. */
    LibraryChanges changesSince(long generation);
}
