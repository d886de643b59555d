package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import quire.product.Distribution.Result;

/**
 * The systematic review end to end through the real distribution, headless: a protocol on the seeds, two
 * reviewers screening blind in two copies of the workspace, the decision logs exchanged, the conflicts seen alike
 * in both and resolved, agreement checked against a hand computation from the decision table, full-text screening,
 * and the PRISMA diagram written as SVG, PNG and CSV with numbers that equal the log's and add up.
 */
class ReviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEED_RECORDS = 107;

    @TempDir
    Path dir;

    private Result quire(Path workspace, String... args) throws IOException, InterruptedException {
        return quireWithInput(workspace, "", args);
    }

    private Result quireWithInput(Path workspace, String input, String... args)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("--headless", "--workspace", workspace.toString()));
        full.addAll(List.of(args));
        Result result = Distribution.runWithInput(dir.resolve("home"), Map.of(), input, full.toArray(String[]::new));
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + "\n" + result);
        return result;
    }

    private JsonNode json(Path workspace, String... args) throws Exception {
        return JSON.readTree(quire(workspace, args).out());
    }

    /** Answers for the screening loop: include, maybe or exclude with a reason, drawn from a seeded random. */
    private static String answers(long seed, int records, double includeShare) {
        Random random = new Random(seed);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < records; i++) {
            double r = random.nextDouble();
            input.append(r < includeShare ? "i\n" : r < includeShare + 0.1 ? "m\n" : "e\n" + (1 + random.nextInt(2))
                    + "\n");
        }
        return input.append("q\n").toString();
    }

    @Test
    void twoReviewersScreenBlindExchangeResolveAndDrawPrisma() throws Exception {
        Path one = dir.resolve("ab-workspace");
        Path two = dir.resolve("cd-workspace");

        // the protocol on the seeds
        Result imported = quire(one, "import", Distribution.REPO.resolve("seeds").toString());
        assertTrue(imported.out().contains("50 records imported (format listing)"), imported::toString);
        quire(one, "review", "protocol", "set", "title", "Interpretability of language models");
        quire(one, "review", "protocol", "set", "question", "Which methods explain what language models do?");
        quire(one, "review", "protocol", "add", "criterion", "off-topic", "Not about language model"
                + " interpretability");
        quire(one, "review", "protocol", "add", "criterion", "no-method", "No method evaluated");
        quire(one, "review", "protocol", "add", "reviewer", "AB", "Ada Byron");
        quire(one, "review", "protocol", "add", "reviewer", "CD", "Carl Dunn");
        quire(one, "review", "protocol", "add", "search", "arXiv listing", "cs.CL new submissions", "--date",
                "2026-05-17", "--hits", "50", "--file", "002_b89f686bb3a49483.txt");
        quire(one, "review", "protocol", "set", "blinded", "on");
        quire(one, "review", "protocol", "set", "reviewers-per-record", "2");
        JsonNode protocol = json(one, "review", "protocol", "--format", "json");
        assertEquals(2, protocol.get("reviewers").size());
        assertTrue(protocol.get("blinded").asBoolean());

        // the second reviewer works on a copy of the workspace, on another machine
        copy(one, two);
        quire(one, "review", "reviewer", "AB");
        quire(two, "review", "reviewer", "CD");
        JsonNode status = json(one, "review", "status", "--format", "json");
        int screened = stage(status, "title-abstract").get("records").asInt();
        assertEquals(SEED_RECORDS, stage(status, "identification").get("records").asInt(), status::toString);
        assertTrue(screened > 0 && screened <= SEED_RECORDS, status::toString);

        // CD screens first and sends the log; AB imports it before screening and still sees nothing of it
        Result cdScreens = quireWithInput(two, answers(7, screened, 0.45), "review", "screen");
        assertTrue(cdScreens.out().contains("CD decided " + screened + " records in this session; 0 left"),
                cdScreens::toString);
        Path fromCd = dir.resolve("cd-decisions.jsonl");
        quire(two, "review", "export-decisions", fromCd.toString(), "--reviewer", "CD");
        Result abImports = quire(one, "review", "import-decisions", fromCd.toString());
        assertTrue(abImports.out().contains("imported " + screened + " new decisions"), abImports::toString);
        assertEquals(0, json(one, "review", "conflicts", "--format", "json").size(), "AB has decided nothing yet");
        assertEquals(0, json(one, "review", "decisions", "--format", "json").size(), "blinded: CD's log is hidden");
        Result abScreens = quireWithInput(one, answers(11, screened, 0.55), "review", "screen");
        assertTrue(abScreens.out().contains("AB decided " + screened + " records in this session; 0 left"),
                "AB screened every record although CD had decided them all: " + abScreens);
        assertFalse(abScreens.out().contains("CD"), "nothing of CD's decisions shows while AB screens");

        Path fromAb = dir.resolve("ab-decisions.jsonl");
        quire(one, "review", "export-decisions", fromAb.toString(), "--reviewer", "AB");
        quire(two, "review", "import-decisions", fromAb.toString());
        assertTrue(quire(two, "review", "import-decisions", fromAb.toString()).out()
                .contains("imported 0 new decisions"), "a second import adds nothing");
        JsonNode logOne = json(one, "review", "decisions", "--format", "json");
        JsonNode logTwo = json(two, "review", "decisions", "--format", "json");
        assertEquals(2 * screened, logOne.size());
        assertEquals(ids(logOne), ids(logTwo), "both workspaces hold the same log, nothing lost or doubled");

        // conflicts: the same in both workspaces, and exactly the records the two decided differently
        Map<String, Map<String, String>> votes = votes(logOne, "title-abstract");
        Set<String> disagreements = new HashSet<>();
        votes.forEach((id, v) -> {
            if (passes(v.get("AB")) != passes(v.get("CD"))) {
                disagreements.add(id);
            }
        });
        Set<String> conflictsOne = conflictIds(json(one, "review", "conflicts", "--format", "json"));
        assertEquals(disagreements, conflictsOne);
        assertEquals(conflictsOne, conflictIds(json(two, "review", "conflicts", "--format", "json")));
        assertFalse(conflictsOne.isEmpty());

        // agreement by hand from the decision table: maybe counts as include
        int[][] table = new int[2][2];
        votes.values().forEach(v -> table[passes(v.get("AB")) ? 0 : 1][passes(v.get("CD")) ? 0 : 1]++);
        double n = screened;
        double po = (table[0][0] + table[1][1]) / n;
        double abIn = (table[0][0] + table[0][1]) / n;
        double cdIn = (table[0][0] + table[1][0]) / n;
        double pe = abIn * cdIn + (1 - abIn) * (1 - cdIn);
        JsonNode agreement = json(one, "review", "agreement", "--format", "json");
        assertEquals(1, agreement.size());
        assertEquals(screened, agreement.get(0).get("records").asInt());
        assertEquals(po, agreement.get(0).get("percent").asDouble(), 1e-9);
        assertEquals((po - pe) / (1 - pe), agreement.get(0).get("kappa").asDouble(), 1e-9);
        Result printed = quire(one, "review", "agreement");
        assertTrue(printed.out().contains("AB/CD"), printed::toString);

        // AB resolves every conflict: one in three excluded, the rest included
        List<String> conflicts = new ArrayList<>(new java.util.TreeSet<>(conflictsOne));
        List<String> toExclude = new ArrayList<>(List.of("resolve"));
        List<String> toInclude = new ArrayList<>(List.of("resolve"));
        for (int i = 0; i < conflicts.size(); i++) {
            (i % 3 == 0 ? toExclude : toInclude).add(conflicts.get(i));
        }
        int resolvedExcluded = toExclude.size() - 1;
        toExclude.addAll(List.of("exclude", "--reason", "off-topic"));
        toInclude.addAll(List.of("include", "--note", "discussed"));
        for (List<String> resolve : List.of(toExclude, toInclude)) {
            if (resolve.size() > 1 + 3) {
                List<String> args = new ArrayList<>(List.of("review"));
                args.addAll(resolve);
                quire(one, args.toArray(String[]::new));
            }
        }
        assertEquals(0, json(one, "review", "conflicts", "--format", "json").size());

        // full text by AB alone: the first not retrieved, two excluded with a reason, the rest included
        quire(one, "review", "protocol", "set", "reviewers-per-record", "1");
        int agreedExcluded = (int) votes.values().stream().filter(v -> !passes(v.get("AB")) && !passes(v.get("CD")))
                .count();
        int excludedOnTitle = agreedExcluded + resolvedExcluded;
        int sought = screened - excludedOnTitle;
        StringBuilder fullText = new StringBuilder("e\n3\ne\n2\ne\n2\n");
        fullText.append("i\n".repeat(sought - 3)).append("q\n");
        Result ft = quireWithInput(one, fullText.toString(), "review", "screen", "--stage", "full-text");
        assertTrue(ft.out().contains("not-retrieved"), "the full-text reasons offer 'not retrieved': " + ft);

        // PRISMA: the files, their numbers against the log, and the flow adds up
        Path svg = dir.resolve("flow.svg");
        Path png = dir.resolve("flow.png");
        Path csv = dir.resolve("counts.csv");
        quire(one, "review", "prisma", "-o", svg.toString(), "-o", png.toString(), "-o", csv.toString());
        Map<String, List<Integer>> boxes = svgNumbers(Files.readString(svg));
        int identified = SEED_RECORDS;
        assertEquals(identified, boxes.get("database_results").get(0));
        assertEquals(identified, boxes.get("database_results").subList(1, boxes.get("database_results").size())
                .stream().mapToInt(Integer::intValue).sum(), "the databases add up to the records identified");
        assertEquals(List.of(identified - screened, 0), boxes.get("duplicates"));
        assertEquals(List.of(screened), boxes.get("records_screened"));
        assertEquals(List.of(excludedOnTitle), boxes.get("records_excluded"));
        assertEquals(List.of(sought), boxes.get("dbr_sought_reports"));
        assertEquals(List.of(1), boxes.get("dbr_notretrieved_reports"));
        assertEquals(List.of(sought - 1), boxes.get("dbr_assessed"));
        assertEquals(List.of(2, 2), boxes.get("dbr_excluded"));
        assertEquals(List.of(sought - 3, sought - 3), boxes.get("new_studies"));
        assertFalse(boxes.containsKey("pending"), "the review is complete");

        JsonNode counts = json(one, "review", "prisma", "--format", "json");
        assertEquals(screened, counts.get("records_screened").asInt());
        assertEquals(sought - 3, counts.get("new_studies").asInt());
        String csvText = Files.readString(csv);
        assertTrue(csvText.startsWith("data,node,box,description,boxtext,tooltips,url,n\n"), csvText);
        assertTrue(csvText.contains("\nrecords_screened,node9,box4,") && csvText.contains(",records_screened.html,"
                + screened + "\n"), csvText);
        assertTrue(csvText.contains(",dbr_assessed.html," + (sought - 1) + "\n"), csvText);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertTrue(image.getWidth() > 1000 && image.getHeight() > 1000, image.getWidth() + "x" + image.getHeight());
        Path keep = Path.of("target/review-it");
        Files.createDirectories(keep);
        Files.copy(png, keep.resolve("flow.png"), StandardCopyOption.REPLACE_EXISTING); // to look at
        Files.copy(svg, keep.resolve("flow.svg"), StandardCopyOption.REPLACE_EXISTING);

        // the included studies go to BibTeX by the review's decisions
        Path bib = dir.resolve("included.bib");
        quire(one, "export", "--format", "bibtex", "--decision", "include", "-o", bib.toString());
        long entries = Files.readAllLines(bib).stream().filter(l -> l.startsWith("@")).count();
        assertEquals(sought - 3, entries, "one BibTeX entry per included study");
        // and the search index knows the decisions too
        JsonNode found = JSON.readTree(quire(one, "search", "decision:include", "--limit", "500", "--format", "json")
                .out());
        assertEquals(sought - 3, found.size(), "decision:include finds the included studies");
        JsonNode excluded = JSON.readTree(quire(one, "search", "decision:exclude", "--limit", "500", "--format",
                "json").out());
        assertEquals(excludedOnTitle + 3, excluded.size(), "excluded on title/abstract or full text");

        Result statusText = quire(one, "review", "status");
        assertTrue(statusText.out().contains("decided: AB " + sought + "/" + sought)
                || statusText.out().contains("decided: AB"), statusText::toString);
    }

    /**
     * Kill -9 in the middle of screening, through the real product: every decision the loop reported as saved is in
     * the log afterwards, round after round.
     */
    @Test
    void killingAScreeningSessionLosesNoSavedDecision() throws Exception {
        Path workspace = dir.resolve("killed");
        quire(workspace, "import", Distribution.SEED_LISTING.toString());
        quire(workspace, "review", "protocol", "add", "reviewer", "AB", "Ada Byron");
        quire(workspace, "review", "reviewer", "AB");
        Random random = new Random(42);
        int saved = 0;
        for (int round = 0; round < 3; round++) {
            int killAfter = 3 + random.nextInt(8);
            List<String> command = Distribution.javaCommand(dir.resolve("home"));
            command.addAll(List.of("--headless", "--workspace", workspace.toString(), "review", "screen"));
            Process process = new ProcessBuilder(command).directory(Distribution.REPO.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int savedHere = 0;
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = process.getOutputStream()) {
                // answers keep coming, as from a reviewer typing fast; no quit
                out.write("m\n".repeat(50).getBytes(StandardCharsets.UTF_8));
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("(saved)")) {
                        savedHere++;
                        if (savedHere == killAfter) {
                            process.toHandle().destroyForcibly(); // SIGKILL; lines already printed still come
                        }
                    }
                }
            }
            process.waitFor();
            assertTrue(savedHere >= killAfter, "round " + round + ": " + savedHere + " saved");
            saved += savedHere;
            JsonNode log = JSON.readTree(quire(workspace, "review", "decisions", "--format", "json").out());
            assertTrue(log.size() >= saved && log.size() <= saved + round + 1,
                    "round " + round + ": " + saved + " reported saved, " + log.size() + " in the log");
            saved = log.size();
        }
    }

    private static JsonNode stage(JsonNode status, String id) {
        for (JsonNode stage : status.get("stages")) {
            if (stage.get("id").asText().equals(id)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + id + " in " + status);
    }

    private static Set<String> ids(JsonNode log) {
        Set<String> ids = new HashSet<>();
        log.forEach(d -> ids.add(d.get("id").asText()));
        assertEquals(log.size(), ids.size(), "no decision twice");
        return ids;
    }

    private static Set<String> conflictIds(JsonNode conflicts) {
        Set<String> ids = new HashSet<>();
        conflicts.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** Each reviewer's standing verdict per record in a stage, from the decision table (latest entry wins). */
    private static Map<String, Map<String, String>> votes(JsonNode log, String stage) {
        Map<String, Map<String, String>> votes = new TreeMap<>();
        for (JsonNode d : log) {
            if (d.get("stage").asText().equals(stage) && !d.get("resolution").asBoolean()) {
                votes.computeIfAbsent(d.get("record").asText(), k -> new HashMap<>())
                        .put(d.get("reviewer").asText(), d.get("verdict").asText());
            }
        }
        return votes;
    }

    private static boolean passes(String verdict) {
        return verdict.equals("include") || verdict.equals("maybe");
    }

    private static Map<String, List<Integer>> svgNumbers(String svg) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        NodeList groups = document.getElementsByTagName("g");
        Pattern count = Pattern.compile("\\(n = (\\d+)\\)");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("id").isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            NodeList texts = group.getElementsByTagName("text");
            for (int j = 0; j < texts.getLength(); j++) {
                text.append(texts.item(j).getTextContent()).append(' ');
            }
            List<Integer> found = new ArrayList<>();
            Matcher m = count.matcher(text.toString().replaceAll("\\s+", " "));
            while (m.find()) {
                found.add(Integer.parseInt(m.group(1)));
            }
            numbers.put(group.getAttribute("id"), found);
        }
        return numbers;
    }

    /** A copy of a workspace as a colleague would receive it: without this machine's reviewer and lock. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                String name = relative.toString();
                if (name.equals(".lock") || name.equals("review/reviewer.json")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
