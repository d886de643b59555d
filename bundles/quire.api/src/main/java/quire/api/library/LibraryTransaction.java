package quire.api.library;

import java.io.IOException;
import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes that become visible and durable together, or not at all: an import of a large file is one transaction,
 * so a crash or a cancel in the middle leaves the library as it was. References added are written to disk as they
 * come (memory stays flat) but count only after {@link #commit()}. Closing without committing rolls back. Only
 * one transaction is open at a time; other writers wait for it.
 */
@ProviderType
public interface LibraryTransaction extends AutoCloseable {

    /** Adds or replaces references (each with an id), in this transaction. */
    void store(Collection<quire.api.model.Reference> references) throws IOException;

    /** Whether a reference with this id is in the library or was stored in this transaction. */
    boolean contains(String id);

    /** Makes the changes durable and visible as one new generation, which it returns. */
    long commit() throws IOException;

    /** Rolls back unless committed. */
    @Override
    void close() throws IOException;
}
