package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API is semantically versioned and the build holds it to that: a copy of quire.api with one method changed
 * fails bnd's baseline check against the released API unless its package's version says the change is major.
 * Runs the real build (./mvnw, offline: the outer build has fetched every plugin) on a copy of the module.
 */
class ApiBaselineIT {

    private static final String LIBRARY = "bundles/quire.api/src/main/java/quire/api/library/Library.java";
    private static final String LIBRARY_PACKAGE = "bundles/quire.api/src/main/java/quire/api/library/package-info.java";

    @TempDir
    static Path copy;

    @BeforeAll
    static void copyTheApiModule() throws IOException {
        for (String file : List.of("pom.xml", "bundles/pom.xml", "mvnw", ".mvn/find-jdk.sh",
                ".mvn/api-baseline.sh", ".mvn/wrapper/maven-wrapper.properties")) {
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(Distribution.REPO.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path source = Distribution.REPO.resolve("bundles/quire.api");
        try (Stream<Path> files = Files.walk(source.resolve("src"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = copy.resolve("bundles/quire.api").resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.copy(source.resolve("pom.xml"), copy.resolve("bundles/quire.api/pom.xml"));
    }

    @Test
    void changingAMethodWithoutRaisingTheVersionFailsTheBuild() throws Exception {
        edit(LIBRARY, "    int size();", "    long size();");
        Build changed = build();
        assertNotEquals(0, changed.exit, "the build must fail:\n" + changed.output);
        assertTrue(changed.output.contains("Baseline problems detected"), changed.output);
        assertTrue(changed.output.contains("quire.api.library.Library"), "names the interface:\n" + changed.output);
        assertTrue(changed.output.contains("size()"), "names the method:\n" + changed.output);

        // the same change, declared: the package's major version raised
        String packageInfo = read(LIBRARY_PACKAGE);
        assertTrue(packageInfo.contains("@org.osgi.annotation.versioning.Version(\"1.0.0\")"), packageInfo);
        edit(LIBRARY_PACKAGE, "Version(\"1.0.0\")", "Version(\"2.0.0\")");
        Build declared = build();
        assertEquals(0, declared.exit, "a declared major change builds:\n" + declared.output);
        assertTrue(declared.output.contains("Baseline check succeeded"), declared.output);
    }

    private record Build(int exit, String output) {
    }

    private static Build build() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(copy.resolve("mvnw").toString(), "-o", "-B", "-DskipTests",
                "-f", copy.resolve("bundles/quire.api/pom.xml").toString(), "verify"));
        String localRepository = System.getProperty("quire.maven.repo.local", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = copy.resolve("build.log");
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the build took more than 5 minutes");
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String read(String file) throws IOException {
        return Files.readString(copy.resolve(file), StandardCharsets.UTF_8);
    }

    private static void edit(String file, String from, String to) throws IOException {
        String text = read(file);
        assertTrue(text.contains(from), file + " no longer has " + from);
        Files.writeString(copy.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
    }
}
