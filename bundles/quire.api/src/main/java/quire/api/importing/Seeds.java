package quire.api.importing;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import quire.api.work.Progress;

/**
 * The seed documents a new default workspace starts with, so that a new user sees a library rather than an empty
 * table. Only the default workspace is seeded; one named with {@code --workspace} starts empty.
 */
@ProviderType
public interface Seeds {

    /**
     * Imports the seeds that an installed importer recognises, once per workspace; does nothing when the
     * workspace was seeded before or is not the default one. Returns a report per file imported now.
     */
    List<ImportReport> ensureImported(Progress progress) throws IOException;
}
