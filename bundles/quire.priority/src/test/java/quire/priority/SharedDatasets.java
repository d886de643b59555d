package quire.priority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labelled SYNERGY datasets ({@code benchmarks/screening} of {@link quire.testing.SharedData}), or where
 * {@code -Dquire.screening.datasets=DIR} says. Tests fail (not skip) when they are missing: they are part of the
 * acceptance of priority screening.
 */
final class SharedDatasets {

    private SharedDatasets() {
    }

    static Path directory() {
        String configured = System.getProperty("quire.screening.datasets");
        if (configured != null) {
            return Path.of(configured);
        }
        return quire.testing.SharedData.screening();
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Path> csv = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
            if (csv.isEmpty()) {
                throw new IllegalStateException("no CSV datasets in " + directory());
            }
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path named(String name) {
        return directory().resolve(name + ".csv");
    }
}
