package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.library.LibraryChanges;
import quire.api.library.WorkspaceLockedException;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

class JournalLibraryTest {

    @TempDir
    Path workspace;

    static Reference reference(String id, String title) {
        return Reference.builder().id(id).type(ReferenceType.PREPRINT).title(title)
                .author(Person.of("Simhi", "Adi")).author(Person.institution("World Health Organization"))
                .authorsTruncated(true)
                .issued(IssuedDate.ofDay(2026, 5, 17).asInferred())
                .venue("arXiv").doi("10.1000/xyz").abstractText("An abstract with “quotes” and Gödel.")
                .keyword("interpretability").tag("seed").field("relevance", "93.1")
                .provenance(Provenance.of("listing.txt", "listing", 0, 1).imported("abc", Instant.parse("2026-11-23T10:00:00Z")))
                .build();
    }

    @Test
    void storedReferencesSurviveReopenExactly() throws IOException {
        Reference first = reference("r1", "Old Habits Die Hard");
        Reference second = reference("r2", "Second");
        JournalLibrary library = new JournalLibrary(workspace);
        assertEquals(0, library.generation());
        long g = library.store(List.of(first, second));
        assertEquals(1, g);
        library.close();

        JournalLibrary reopened = new JournalLibrary(workspace);
        assertEquals(List.of(first, second), reopened.references());
        assertEquals(1, reopened.generation());
        reopened.close();
    }

    @Test
    void replacingAndRemovingKeepsFirstStorageOrder() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.store(List.of(reference("a", "A"), reference("b", "B"), reference("c", "C")));
        library.store(List.of(reference("a", "A2")));
        library.remove(List.of("b", "unknown"));
        assertEquals(List.of("a", "c"), library.references().stream().map(Reference::id).toList());
        assertEquals("A2", library.reference("a").orElseThrow().title());
        library.close();
        JournalLibrary reopened = new JournalLibrary(workspace);
        assertEquals(List.of("a", "c"), reopened.references().stream().map(Reference::id).toList());
        assertEquals(3, reopened.generation());
        reopened.close();
    }

    @Test
    void changesSinceNamesEveryChangedId() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.store(List.of(reference("a", "A"), reference("b", "B")));
        long g1 = library.generation();
        library.store(List.of(reference("c", "C")));
        library.remove(List.of("a"));
        LibraryChanges changes = library.changesSince(g1);
        assertTrue(changes.complete());
        assertEquals(Set.of("a", "c"), changes.changed());
        assertEquals(3, changes.to());
        assertFalse(library.changesSince(99).complete(), "a generation from the future cannot be caught up");
        library.close();
    }

    @Test
    void aSecondOpenOfTheSameWorkspaceIsRefusedClearly() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.size();
        JournalLibrary second = new JournalLibrary(workspace);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, second::size);
        assertTrue(e.getCause() instanceof WorkspaceLockedException);
        assertTrue(e.getCause().getMessage().contains("is open in another Quire process"), e.getMessage());
        library.close();
        assertEquals(0, new JournalLibrary(workspace).size(), "the lock is released on close");
    }

    @Test
    void anUnfinishedBatchAtTheEndIsDroppedAndEverythingAcknowledgedKept() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.store(List.of(reference("a", "A")));
        library.close();
        Path file = workspace.resolve(Journal.FILE_NAME);
        // a crash mid-batch: a complete line of generation 2 and half a line, no commit
        Files.writeString(file, "{\"g\":2,\"put\":{\"id\":\"b\",\"type\":\"OTHER\",\"title\":\"B\"}}\n{\"g\":2,\"put\":{\"id\":\"c\",\"ti",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JournalLibrary reopened = new JournalLibrary(workspace);
        assertEquals(List.of("a"), reopened.references().stream().map(Reference::id).toList());
        assertEquals(1, reopened.generation());
        reopened.store(List.of(reference("d", "D")));
        reopened.close();
        JournalLibrary again = new JournalLibrary(workspace);
        assertEquals(List.of("a", "d"), again.references().stream().map(Reference::id).toList());
        again.close();
    }

    @Test
    void compactionKeepsLiveReferencesAndForgetsHistory() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        for (int round = 0; round < 30; round++) {
            List<Reference> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(reference("r" + i, "Title " + round));
            }
            library.store(batch);
        }
        long generation = library.generation();
        library.close();
        long linesBefore = Files.lines(workspace.resolve(Journal.FILE_NAME)).count();

        JournalLibrary reopened = new JournalLibrary(workspace); // 1,531 lines for 50 references: compacts
        assertEquals(50, reopened.size());
        assertEquals(generation, reopened.generation());
        assertEquals("Title 29", reopened.reference("r7").orElseThrow().title());
        assertFalse(reopened.changesSince(generation - 1).complete(), "history before compaction is gone");
        assertTrue(reopened.changesSince(generation).complete());
        reopened.close();
        long linesAfter = Files.lines(workspace.resolve(Journal.FILE_NAME)).count();
        assertTrue(linesAfter < linesBefore / 10, linesBefore + " -> " + linesAfter);
        JournalLibrary again = new JournalLibrary(workspace);
        assertEquals(50, again.size());
        again.close();
    }

    @Test
    void aTransactionCountsOnlyWhenCommittedAndRollsBackOtherwise() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.store(List.of(reference("a", "A")));
        try (var transaction = library.begin()) {
            transaction.store(List.of(reference("b", "B")));
            transaction.store(List.of(reference("c", "C")));
            assertTrue(transaction.contains("b"));
            assertEquals(1, library.size(), "nothing is visible before the commit");
        } // closed without commit: rolled back
        assertEquals(List.of("a"), library.references().stream().map(Reference::id).toList());
        try (var transaction = library.begin()) {
            transaction.store(List.of(reference("d", "D")));
            assertEquals(2, transaction.commit());
        }
        library.close();
        JournalLibrary reopened = new JournalLibrary(workspace);
        assertEquals(List.of("a", "d"), reopened.references().stream().map(Reference::id).toList());
        reopened.close();
    }

    @Test
    void aCrashInsideATransactionLeavesTheLibraryAsItWas() throws IOException {
        JournalLibrary library = new JournalLibrary(workspace);
        library.store(List.of(reference("a", "A")));
        var transaction = library.begin();
        transaction.store(List.of(reference("b", "B")));
        // the process dies here: no commit, no rollback; the next process opens the journal as it is on disk
        Path copy = workspace.resolveSibling(workspace.getFileName() + "-after-crash");
        Files.createDirectories(copy);
        Files.copy(workspace.resolve(Journal.FILE_NAME), copy.resolve(Journal.FILE_NAME));
        JournalLibrary afterCrash = new JournalLibrary(copy);
        assertEquals(List.of("a"), afterCrash.references().stream().map(Reference::id).toList());
        afterCrash.close();
        transaction.close();
        library.close();
    }

    @Test
    void referencesWithoutIdAreRejected() {
        JournalLibrary library = new JournalLibrary(workspace);
        assertThrows(IllegalArgumentException.class,
                () -> library.store(List.of(Reference.builder().title("no id").build())));
        library.close();
    }
}
