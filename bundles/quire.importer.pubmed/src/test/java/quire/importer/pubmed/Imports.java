package quire.importer.pubmed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/** Runs an importer over text or a fixture, as the import service would. */
final class Imports {

    private Imports() {
    }

    static CollectingSink run(Importer importer, Path file) throws IOException {
        return run(importer, file, Integer.MAX_VALUE);
    }

    static CollectingSink run(Importer importer, Path file, int cancelAfter) throws IOException {
        CollectingSink sink = new CollectingSink(cancelAfter);
        importer.read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        return sink;
    }

    static CollectingSink text(Importer importer, Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return run(importer, file);
    }

    static Path fixture(String name) {
        try {
            return Path.of(Imports.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String head(Path file) {
        try {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            return all.substring(0, Math.min(all.length(), 8192));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
