package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real TeX tools on an exported {@code .bib} file and fails on anything they report: errors, and warnings
 * beyond a short allow-list whose every entry says why it is there. Needs {@code pdflatex}, {@code bibtex} and
 * {@code biber} on the PATH and fails, rather than skips, without them: CI installs TeX Live.
 *
 * <ul>
 * <li>{@link #bibtex}: pdflatex, bibtex with {@code plain.bst}, pdflatex, on a document that {@code \nocite{*}}s
 *     everything.</li>
 * <li>{@link #biber}: pdflatex, biber, pdflatex with <code>&#92;usepackage[backend=biber]{biblatex}</code>,
 *     {@code \addbibresource{refs.bib}}, {@code \nocite{*}} and {@code \printbibliography}.</li>
 * </ul>
 * Both also check that the bibliography has exactly the expected keys and that nothing from the data was executed:
 * a canary file that an {@code \input} from the data would read, files that {@code \write18} would create, and
 * the log for {@code /etc/passwd} and shell escapes.
 */
public final class TexToolchain {

    private static final long TIMEOUT_SECONDS = 300;
    private static final String CANARY = "CANARY-INPUT-WAS-EXECUTED";

    /**
     * What plain.bst says about fields an entry type needs or does not combine. Allowed only where the caller says
     * the data may be incomplete (real files, random data): the exporter writes what the reference has and does not
     * invent a journal or a year. A field's content is never wrong.
     */
    private static final Pattern MISSING_FIELD = Pattern.compile(
            "Warning--(empty |to sort, need |there's a number but no (series|volume)|can't use both )");

    /**
     * What biber may warn about: checks of content that Quire passes on as the source gives it and biber then prints
     * as written. A page range it cannot split into numbers ("12-", text); an ISBN whose form or checksum it does
     * not accept (a typo in the source, or two ISBNs in one field, which biblatex has no other place for).
     */
    private static final Pattern BIBER_ALLOWED = Pattern.compile(
            "WARN - (Range field 'pages' in entry '[^']*' is malformed, falling back to literal"
                    + "|ISBN '[^']*' in entry '[^']*' is invalid - run biber with '--validate_datamodel' for details)");

    private final Path dir;

    /** A toolchain working in {@code dir}, which should be empty. */
    public TexToolchain(Path dir) {
        this.dir = dir;
    }

    /**
     * Typesets {@code bib} with bibtex and plain.bst and checks everything; returns the {@code .bbl}.
     *
     * @param keys                the keys the file holds; the bibliography must have exactly these
     * @param allowMissingFields  whether plain.bst may warn that an entry lacks a field its type needs
     */
    public String bibtex(String bib, List<String> keys, boolean allowMissingFields) throws IOException,
            InterruptedException {
        String pdflatex = tool("pdflatex");
        String bibtex = tool("bibtex");
        prepare(bib, StandardCharsets.US_ASCII);
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
        // the usual cycle: the second run reads the bibliography, the third the labels it wrote
        run(0, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
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
        assertKeys(keys, bbl, Pattern.compile("\\\\bibitem\\{([^}]*)\\}"));
        checkLog(List.of());
        return bbl;
    }

    /** Typesets {@code bib} (UTF-8) with biblatex and biber and checks everything; returns the {@code .bbl}. */
    public String biber(String bib, List<String> keys) throws IOException, InterruptedException {
        String bbl = biberOnly(bib, keys);
        // the usual cycle: the second run reads the bibliography, the third the labels it wrote
        run(0, tool("pdflatex"), "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        run(0, tool("pdflatex"), "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        // biblatex repeats biber's warnings, which biberOnly has checked against the allow-list
        checkLog(List.of(Pattern.compile("^Package biblatex Warning: Biber reported the following issues$")));
        return bbl;
    }

    /**
     * Runs biber on {@code bib} (UTF-8) and checks what it reports and that the {@code .bbl} has the keys, without
     * typesetting the result: for UTF-8 meant for xelatex or lualatex. Returns the {@code .bbl}.
     */
    public String biberOnly(String bib, List<String> keys) throws IOException, InterruptedException {
        String pdflatex = tool("pdflatex");
        String biber = tool("biber");
        prepare(bib, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("paper.tex"), """
                \\documentclass{article}
                \\usepackage[backend=biber]{biblatex}
                \\addbibresource{refs.bib}
                \\begin{document}
                \\nocite{*}
                \\printbibliography
                \\end{document}
                """, StandardCharsets.US_ASCII);

        run(0, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        run(0, biber, "paper");

        List<String> blg = Files.readAllLines(dir.resolve("paper.blg"), StandardCharsets.UTF_8);
        for (String line : blg) {
            assertFalse(line.contains("ERROR - "), "biber reported an error: " + line);
            assertFalse(line.contains("WARN - ") && !BIBER_ALLOWED.matcher(line).find(), "biber warned: " + line);
        }
        String bbl = Files.readString(dir.resolve("paper.bbl"), StandardCharsets.UTF_8);
        assertKeys(keys, bbl, Pattern.compile("\\\\entry\\{([^}]*)\\}"));
        return bbl;
    }

    private void prepare(String bib, java.nio.charset.Charset charset) throws IOException {
        // If any \input in the data were read as a command, this file would announce itself in the log.
        Files.writeString(dir.resolve("canary.tex"), "\\typeout{" + CANARY + "}\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("refs.bib"), bib, charset);
    }

    private static void assertKeys(List<String> keys, String bbl, Pattern item) {
        List<String> items = new ArrayList<>();
        Matcher m = item.matcher(bbl);
        while (m.find()) {
            items.add(m.group(1));
        }
        assertEquals(keys.size(), items.size(), "one bibliography item per reference:\n" + bbl);
        assertEquals(keys.stream().sorted().toList(), items.stream().sorted().toList());
    }

    /** The final log: no error, no warning (but allowed ones), nothing executed. */
    private void checkLog(List<Pattern> allowedWarnings) throws IOException {
        String log = Files.readString(dir.resolve("paper.log"), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains(CANARY), "an \\input from the data was executed:\n" + log);
        assertFalse(log.contains("canary.tex"), "the canary file was opened:\n" + log);
        assertFalse(log.contains("(/etc/passwd"), "/etc/passwd was read:\n" + log);
        assertFalse(log.contains("runsystem"), "a \\write18 from the data reached the shell:\n" + log);
        assertFalse(Files.exists(dir.resolve("pwned")), "\\write18 ran a command");
        assertFalse(Files.exists(dir.resolve("pwned2")), "\\immediate\\write18 ran a command");
        assertFalse(Files.exists(dir.resolve("pwned3.tex")), "\\openout wrote a file");
        assertFalse(log.contains("Undefined control sequence"), log);
        for (String line : log.split("\n")) {
            assertFalse(line.startsWith("!"), "pdflatex reported an error: " + line + "\n" + log);
            boolean warning = line.contains("Warning:") || line.contains("Warning--");
            if (warning && allowedWarnings.stream().noneMatch(p -> p.matcher(line).find())) {
                fail("pdflatex warned: " + line);
            }
            assertFalse(line.startsWith("Missing character:"), "a character is missing from the font: " + line);
        }
        assertTrue(Files.size(dir.resolve("paper.pdf")) > 0);
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
                + "skipped; install TeX Live with biber and biblatex (on Debian/Ubuntu: apt-get install "
                + "texlive-latex-base texlive-latex-recommended texlive-binaries texlive-bibtex-extra biber) and "
                + "run the build again.");
    }

    /** Runs a tool in the directory and asserts that it exits within the time limit, with at most maxExit. */
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
                + process.exitValue() + ":\n" + tail(output) + errorsInLog());
    }

    /** The errors pdflatex logged, with the lines that show where. */
    private String errorsInLog() throws IOException {
        Path log = dir.resolve("paper.log");
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        StringBuilder errors = new StringBuilder("\nerrors in paper.log:\n");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("!")) {
                lines.subList(i, Math.min(lines.size(), i + 6)).forEach(l -> errors.append(l).append('\n'));
            }
        }
        return errors.toString();
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
