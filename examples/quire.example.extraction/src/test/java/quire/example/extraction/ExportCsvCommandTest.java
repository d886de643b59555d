package quire.example.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.model.Reference;
import quire.api.work.JobStatus;
import quire.api.work.Jobs;
import quire.api.work.Progress;
import quire.api.work.Work;
import quire.ui.api.MenuContribution;
import quire.ui.api.WorkbenchContext;

/** The window's "Export extraction as CSV" command, past its file dialog: the CSV is written in a job. */
class ExportCsvCommandTest {

    @TempDir
    Path workspace;

    @Test
    void writesTheCsvInAJobAndSaysSoInTheStatusLine() throws Exception {
        ExtractionStoreTest.writeForm(workspace, ExtractionStoreTest.FORM);
        ExtractionStore store = new ExtractionStore(workspace, ExtractionStoreTest.CLOCK);
        store.save("r1", "AB", Map.of("design", List.of("RCT"), "n", List.of("8")));
        ExportCsvCommand command = new ExportCsvCommand(store, ReviewFixture.review(Set.of("r1"), Optional.of("AB")),
                ReviewFixture.library(workspace, List.of(Reference.builder().id("r1").title("One, two").build())));
        List<String> jobs = new CopyOnWriteArrayList<>();
        List<String> status = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> done = new CompletableFuture<>();
        WorkbenchContext workbench = (WorkbenchContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkbenchContext.class}, (proxy, method, args) -> {
                    status.add(method.getName() + ": " + args[0]);
                    done.complete(null);
                    return null;
                });
        assertFalse(command.enabled(workbench), "without the window's jobs there is nowhere to run it");
        command.jobs = new Jobs() {
            @Override
            public <T> CompletableFuture<T> submit(String name, Work<T> work) {
                jobs.add(name);
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return work.run(Progress.NONE);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
            }

            @Override
            public List<JobStatus> running() {
                return List.of();
            }

            @Override
            public boolean cancel(long jobId) {
                return false;
            }
        };
        assertTrue(command.enabled(workbench));
        assertEquals(MenuContribution.REVIEW, command.menu());
        assertEquals(command.id(), command.commandId());

        Path csv = workspace.resolve("out/extraction.csv");
        command.export(csv, workbench);
        done.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("Export extraction to extraction.csv"), jobs);
        assertEquals(List.of("showStatus: Exported the extraction of 1 studies to " + csv), status);
        assertEquals("study,citation_key,title,reviewer,design,n,age,outcomes,blinded,notes\r\n"
                + "r1,,\"One, two\",AB,RCT,8,,,,\r\n", Files.readString(csv));
        store.close();
    }
}
