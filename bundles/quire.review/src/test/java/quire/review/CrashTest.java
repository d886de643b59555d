package quire.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.review.Decision;

/**
 * Kill -9 during screening loses no acknowledged decision: a screening session runs in its own JVM and is killed
 * with SIGKILL after a (seeded) random number of acknowledged decisions, again and again on the same workspace;
 * after each kill every decision it acknowledged is in the log, and the log reads without damage apart from at
 * most one torn last line.
 */
class CrashTest {

    @TempDir
    Path workspace;

    @Test
    void killedSessionsLoseNoAcknowledgedDecision() throws Exception {
        Random random = new Random(20261123);
        Set<String> acknowledged = new HashSet<>();
        int rounds = 8;
        int torn = 0;
        for (int round = 0; round < rounds; round++) {
            int killAfter = 5 + random.nextInt(150);
            Process child = new ProcessBuilder(javaCommand()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> acknowledgedHere = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String ready = out.readLine();
                assertTrue(ready != null && ready.startsWith("ready "), "the child started: " + ready);
                assertEquals(acknowledged.size(), Integer.parseInt(ready.substring(6)),
                        "the child read back every earlier decision");
                String line;
                while ((line = out.readLine()) != null) {
                    acknowledgedHere.add(line);
                    if (acknowledgedHere.size() == killAfter) {
                        // SIGKILL, possibly in the middle of the next write (the handle leaves the pipe open)
                        child.toHandle().destroyForcibly();
                    }
                }
                // what the child printed before the kill landed was acknowledged too: drained above to the end
            }
            child.waitFor();
            assertTrue(acknowledgedHere.size() >= killAfter, "round " + round);
            int before = acknowledged.size();
            acknowledged.addAll(acknowledgedHere);

            WorkspaceReview reopened = Fixtures.review(MemoryLibrary.withRecords(workspace, 50, "PubMed"));
            Set<String> logged = reopened.log().stream().map(Decision::id).collect(Collectors.toSet());
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(logged);
            assertEquals(Set.of(), missing, "round " + round + ": acknowledged decisions missing from the log");
            assertTrue(reopened.problems().size() <= 1, reopened.problems().toString());
            reopened.problems().forEach(p -> assertTrue(p.contains("an unfinished last line"), p));
            torn += reopened.problems().size();
            // the log may also hold the one decision written but not yet acknowledged when the kill came
            assertTrue(logged.size() - acknowledged.size() <= 1, "round " + round + ": " + logged.size()
                    + " logged, " + acknowledged.size() + " acknowledged (" + before + " before this round)");
            acknowledged.clear();
            acknowledged.addAll(logged); // the next child reads all of these back
            reopened.close();
        }
        // how often the kill came in the middle of a write (varies from run to run; reported, not asserted)
        System.out.println("CrashTest: " + rounds + " kills, " + torn + " of them tore the last line");
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(workspace.toString());
        return command;
    }
}
