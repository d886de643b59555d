package quire.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test documents ({@code fixtures/}, {@code benchmarks/screening/}): {@code -Dquire.shared=DIR} when
 * given, else {@code ../shared} beside the clone, else the copy kept in {@code bundles/quire.testing/shared}, so
 * that a clone on its own runs every test.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The folder holding {@code fixtures/} and {@code benchmarks/}. */
    public static Path dir() {
        String configured = System.getProperty("quire.shared");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path beside = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(dir.resolve("bundles"))
                    && Files.isDirectory(beside.resolve("fixtures")) && Files.isDirectory(beside.resolve("benchmarks"))) {
                return beside;
            }
            Path copy = dir.resolve("bundles/quire.testing/shared");
            if (Files.isDirectory(copy.resolve("fixtures"))) {
                return copy;
            }
        }
        throw new IllegalStateException("no shared test data: neither ../shared beside the clone nor "
                + "bundles/quire.testing/shared above " + Path.of("").toAbsolutePath() + " (set -Dquire.shared=DIR)");
    }

    /** A fixture file by name. */
    public static Path fixture(String name) {
        return dir().resolve("fixtures").resolve(name);
    }

    /** The labelled screening datasets' folder. */
    public static Path screening() {
        return dir().resolve("benchmarks/screening");
    }
}
