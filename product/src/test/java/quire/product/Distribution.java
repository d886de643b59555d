package quire.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built distribution (product/target/quire), run as a user runs it: a separate JVM per command. */
final class Distribution {

    static final Path HOME = Path.of(System.getProperty("quire.dist", "target/quire")).toAbsolutePath();
    static final Path REPO = Path.of(System.getProperty("quire.repo", "..")).toAbsolutePath().normalize();
    /** The shared test documents: {@code ../shared} beside the clone, else the copy in quire.testing. */
    static final Path SHARED = java.nio.file.Files.isDirectory(REPO.resolveSibling("shared").resolve("fixtures"))
            ? REPO.resolveSibling("shared") : REPO.resolve("bundles/quire.testing/shared");
    static final Path SEED_LISTING = REPO.resolve("seeds/002_b89f686bb3a49483.txt");

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Distribution() {
    }

    static List<String> javaCommand(Path userHome) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.asList(System.getProperty("quire.jvm.flags", "").trim().split("\\s+")));
        command.add("-Duser.home=" + userHome);
        command.add("-jar");
        command.add(HOME.resolve("quire-launcher.jar").toString());
        return command;
    }

    static Result run(Path userHome, String... args) throws IOException, InterruptedException {
        return run(userHome, Map.of(), args);
    }

    static Result run(Path userHome, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return runWithInput(userHome, environment, "", args);
    }

    /** Runs with {@code input} on standard input, then end of input. */
    static Result runWithInput(Path userHome, Map<String, String> environment, String input, String... args)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(userHome);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().remove("QUIRE_WORKSPACE");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("quire-out", ".txt");
        Path err = Files.createTempFile("quire-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("quire " + String.join(" ", args) + " did not finish in 180 s; stderr:\n"
                    + Files.readString(err));
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
