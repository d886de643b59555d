package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchRequest;
import quire.api.work.Progress;

/**
 * A process killed while the index is being written leaves on disk the last commit and whatever files were written
 * since. These tests copy an open index's folder at such a moment (as a crash would leave it: no close, no commit)
 * and open the copy: it must come back consistent with the library, by catching up or rebuilding.
 */
class CrashRecoveryTest {

    @TempDir
    Path workspace;

    @TempDir
    Path crashed;

    private final Progress none = Progress.NONE;

    @Test
    void changesIndexedButNotCommittedAreCaughtUpFromTheLibrary() throws Exception {
        InMemoryLibrary library = new InMemoryLibrary(workspace);
        library.store(TestReferences.all());
        long committed;
        try (LuceneIndex index = LuceneIndex.open(workspace.resolve("index"))) {
            index.catchUp(library, none);
            index.commit();
            committed = index.generation();

            library.store(TestReferences.olah2020());
            library.remove(List.of("goedel1931"));
            index.catchUp(library, none); // searchable, not committed
            assertEquals(library.generation(), index.generation());
            crash(workspace.resolve("index"), crashed);
        }

        assertEquals(Long.toString(committed), commitData(crashed).get(LuceneIndex.GENERATION_KEY));
        try (LuceneIndex index = LuceneIndex.open(crashed)) {
            assertEquals(committed, index.generation());
            index.catchUp(library, none);
            assertEquals(Set.of("olah2020"), ids(index, "distill"));
            assertEquals(Set.of(), ids(index, "godel"));
            assertEquals(10, index.search(new QueryTranslator(index.analyzer()).translate(""), null, 0, 0, false)
                    .totalHits());
        }
    }

    @Test
    void aRebuildKilledHalfWayLeavesTheLastCommitWhichIsCaughtUp() throws Exception {
        InMemoryLibrary library = new InMemoryLibrary(workspace);
        library.store(TestReferences.all().subList(0, 5));
        try (LuceneIndex index = LuceneIndex.open(workspace.resolve("index"))) {
            index.catchUp(library, none);
            index.commit();
            library.store(TestReferences.all().subList(5, 10));
            index.rebuild(library, new Progress() {
                private int done;

                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long amount) {
                    done += (int) amount;
                    if (done == 7) {
                        try {
                            crash(workspace.resolve("index"), crashed);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        try (LuceneIndex index = LuceneIndex.open(crashed)) {
            index.catchUp(library, none);
            assertEquals(10, index.search(new QueryTranslator(index.analyzer()).translate(""), null, 0, 0, false)
                    .totalHits());
            assertEquals(Set.of("goedel1931"), ids(index, "godel"));
        }
    }

    private static Set<String> ids(LuceneIndex index, String query) throws IOException, QuerySyntaxException {
        return Set.copyOf(index.search(new QueryTranslator(index.analyzer()).translate(query), null, 0, 100, false)
                .matches().stream().map(LuceneIndex.Match::id).toList());
    }

    /** The index folder as a killed process leaves it: every file as it is now, the lock released by the OS. */
    private static void crash(Path index, Path target) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.copy(file, target.resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static java.util.Map<String, String> commitData(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory).getUserData();
        }
    }
}
