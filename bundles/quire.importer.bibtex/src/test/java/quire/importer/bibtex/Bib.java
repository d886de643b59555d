package quire.importer.bibtex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportSource;
import quire.api.model.Reference;

/** Imports BibTeX text or a fixture through the importer, as the import service would. */
final class Bib {

    private Bib() {
    }

    /** Imports {@code text}, written to a file named {@code name} in {@code dir}. */
    static CollectingSink read(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the file. */
    static CollectingSink read(Path file) {
        CollectingSink sink = new CollectingSink();
        try {
            new BibtexImporter().read(ImportSource.ofUtf8File(file, ImportOptions.NONE), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** The one reference imported from {@code text}, failing on any problem. */
    static Reference one(Path dir, String text) {
        CollectingSink sink = read(dir, "one.bib", text);
        if (!sink.problems.isEmpty() || sink.references.size() != 1) {
            throw new AssertionError("expected one reference and no problem, got " + sink.references.size()
                    + " references and " + sink.problems);
        }
        return sink.references.getFirst();
    }

    /** A fixture from src/test/resources/fixtures. */
    static Path fixture(String name) {
        try {
            return Path.of(Bib.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
