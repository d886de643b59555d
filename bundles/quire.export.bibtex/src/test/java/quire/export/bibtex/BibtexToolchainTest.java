package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.export.ExportOptions;
import quire.api.model.Reference;

/**
 * Runs the real tools on an export: pdflatex, bibtex with the plain style, pdflatex again. This is the test that
 * the output is BibTeX that BibTeX reads and LaTeX that LaTeX sets, not just text that looks like it. It needs
 * {@code bibtex} and {@code pdflatex} on the PATH and fails, rather than skips, without them: CI installs TeX.
 */
class BibtexToolchainTest {

    private static final long TIMEOUT_SECONDS = 180;
    private static final String CANARY = "CANARY-INPUT-WAS-EXECUTED";
    /** What plain.bst says about fields a type needs or does not combine; the content of fields is never wrong. */
    private static final Pattern MISSING_FIELD = Pattern.compile(
            "Warning--(empty |to sort, need |there's a number but no series|can't use both )");

    @TempDir
    Path dir;

    @Test
    void bibtexAndPdflatexAcceptTheExportAndRunNothingFromIt() throws Exception {
        List<Reference> references = SampleReferences.varied();
        assertEquals(20, references.size());
        String bbl = compile(references, false);
        assertTrue(CitationKeys.assign(references).contains("Pinned:2020"));
        // the attack arrives as printed text
        assertTrue(bbl.contains("{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}"), bbl);
    }

    @Test
    void bibtexAndPdflatexAcceptRandomHardText() throws Exception {
        // Random references lack fields their type requires, which bibtex rightly warns about; nothing else.
        compile(SampleReferences.random(7L, 60), true);
    }

    /**
     * Exports the references, runs pdflatex, bibtex and pdflatex on a document citing all of them, checks that
     * every tool succeeded without warnings from bibtex (but those about missing fields, if allowed), that the
     * bibliography has one item per reference and that nothing from the data was executed; returns the .bbl.
     */
    private String compile(List<Reference> references, boolean allowMissingFields) throws Exception {
        String pdflatex = tool("pdflatex");
        String bibtex = tool("bibtex");
        // If any \input in the data were read as a command, this file would announce itself in the log.
        Files.writeString(dir.resolve("canary.tex"), "\\typeout{" + CANARY + "}\n", StandardCharsets.US_ASCII);
        try (Writer out = Files.newBufferedWriter(dir.resolve("refs.bib"), StandardCharsets.US_ASCII)) {
            new BibtexExporter().write(references, ExportOptions.NONE, out);
        }
        Files.writeString(dir.resolve("paper.tex"), """
                \\documentclass{article}
                \\begin{document}
                \\nocite{*}
                \\bibliographystyle{plain}
                \\bibliography{refs}
                \\end{document}
                """, StandardCharsets.US_ASCII);

        run(0, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        run(allowMissingFields ? 1 : 0, bibtex, "paper"); // bibtex exits with 1 after warnings
        run(0, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");

        List<String> blg = Files.readAllLines(dir.resolve("paper.blg"), StandardCharsets.ISO_8859_1);
        for (String line : blg) {
            assertFalse(line.contains("error message"), "bibtex reported errors:\n" + String.join("\n", blg));
            assertFalse(line.contains("Warning--I didn't find a database entry"), "bibtex missed an entry: " + line);
            boolean missingField = MISSING_FIELD.matcher(line).lookingAt();
            assertFalse(line.startsWith("Warning--") && !(allowMissingFields && missingField),
                    "bibtex warned: " + line);
        }

        String bbl = Files.readString(dir.resolve("paper.bbl"), StandardCharsets.ISO_8859_1);
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("\\\\bibitem\\{([^}]*)\\}").matcher(bbl);
        while (item.find()) {
            items.add(item.group(1));
        }
        assertEquals(references.size(), items.size(), "one \\bibitem per reference:\n" + bbl);
        assertEquals(CitationKeys.assign(references).stream().sorted().toList(), items.stream().sorted().toList());

        String log = Files.readString(dir.resolve("paper.log"), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains(CANARY), "an \\input from the data was executed:\n" + log);
        assertFalse(log.contains("canary.tex"), "the canary file was opened:\n" + log);
        assertFalse(log.contains("(/etc/passwd"), "/etc/passwd was read:\n" + log);
        assertFalse(log.contains("runsystem"), "a \\write18 from the data reached the shell:\n" + log);
        assertFalse(Files.exists(dir.resolve("pwned")), "\\write18 ran a command");
        assertFalse(Files.exists(dir.resolve("pwned2")), "\\immediate\\write18 ran a command");
        assertFalse(log.contains("Undefined control sequence"), log);
        assertTrue(Files.size(dir.resolve("paper.pdf")) > 0);
        return bbl;
    }

    /** The tool's path; fails with what to install when it is missing. */
    private static String tool(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail(name + " is not on the PATH. This test runs the real TeX tools on the export and must not be "
                + "skipped; install TeX Live (on Debian/Ubuntu: apt-get install texlive-latex-base texlive-binaries) "
                + "and run the build again.");
    }

    /** Runs a tool in the test directory and asserts that it exits within the time limit, with at most maxExit. */
    private void run(int maxExit, String... command) throws IOException, InterruptedException {
        Path output = dir.resolve(Path.of(command[0]).getFileName() + "-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(emptyInput()))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + tail(output));
        }
        assertTrue(process.exitValue() <= maxExit, String.join(" ", command) + " failed with exit code "
                + process.exitValue() + ":\n" + tail(output));
    }

    private File emptyInput() throws IOException {
        Path empty = dir.resolve("empty-input");
        if (!Files.exists(empty)) {
            Files.createFile(empty);
        }
        return empty.toFile();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
