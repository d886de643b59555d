package quire.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quire.api.model.Reference;

/**
 * The append-only file behind a library. Lines are JSON objects:
 * <pre>
 * {"quire":"library","format":1,"historyFrom":0}   header: first line
 * {"g":7,"put":{...reference...}}                   store a reference in generation 7
 * {"g":7,"remove":"id"}                             remove one
 * {"g":7,"commit":2}                                generation 7 is complete with 2 lines
 * </pre>
 * A generation counts only once its commit line is on disk; {@link #append} fsyncs after writing it.
 */
final class Journal implements Closeable {

    static final String FILE_NAME = "library.jsonl";
    static final int FORMAT = 1;

    /** What replaying the journal found: the live references and the per-id generation of the last change. */
    record State(LinkedHashMap<String, Reference> references, Map<String, Long> changedAt, long generation,
            long historyFrom, long lines, List<String> warnings) {
    }

    private final Path file;
    private final ObjectMapper mapper;
    private FileChannel channel;
    private long lines;

    private Journal(Path file, ObjectMapper mapper, FileChannel channel, long lines) {
        this.file = file;
        this.mapper = mapper;
        this.channel = channel;
        this.lines = lines;
    }

    /** Opens (creating when absent) the journal of a workspace and replays it into {@code state}. */
    static Journal open(Path workspace, ObjectMapper mapper, State[] state) throws IOException {
        Path file = workspace.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            writeAtomically(file, mapper, List.of(), Map.of(), 0);
        }
        State replayed = replay(file, mapper);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        state[0] = replayed;
        return new Journal(file, mapper, channel, replayed.lines());
    }

    /** Lines in the file; compaction is worth it when this is much more than the live references. */
    long lines() {
        return lines;
    }

    /** Appends one generation's changes and its commit line, then fsyncs. Returns once durable. */
    void append(long generation, Collection<Reference> puts, Collection<String> removes) throws IOException {
        appendUncommitted(generation, puts, removes);
        commit(generation, puts.size() + removes.size());
    }

    /** The end of the file: where a transaction starts, and where a rollback cuts back to. */
    long position() throws IOException {
        return channel.size();
    }

    /**
     * Appends changes of a generation that is not committed yet: they count only once {@link #commit} writes the
     * generation's commit line. Not fsynced; the commit is.
     */
    void appendUncommitted(long generation, Collection<Reference> puts, Collection<String> removes)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Reference reference : puts) {
            ObjectNode line = mapper.createObjectNode();
            line.put("g", generation);
            line.set("put", mapper.valueToTree(reference));
            writeLine(out, line);
        }
        for (String id : removes) {
            ObjectNode line = mapper.createObjectNode();
            line.put("g", generation);
            line.put("remove", id);
            writeLine(out, line);
        }
        write(out);
        lines += puts.size() + removes.size();
    }

    /** Writes the commit line of a generation of {@code changes} lines and fsyncs: from now on it counts. */
    void commit(long generation, long changes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode commit = mapper.createObjectNode();
        commit.put("g", generation);
        commit.put("commit", changes);
        writeLine(out, commit);
        write(out);
        channel.force(false);
        lines++;
    }

    /** Drops everything after {@code position}: an uncommitted transaction that was rolled back. */
    void truncate(long position, long linesAtPosition) throws IOException {
        channel.truncate(position);
        channel.force(false);
        lines = linesAtPosition;
    }

    private void write(ByteArrayOutputStream out) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Rewrites the journal with only the live references, atomically; history before now is forgotten. */
    void compact(Collection<Reference> live, Map<String, Long> changedAt, long generation) throws IOException {
        channel.close();
        writeAtomically(file, mapper, live, changedAt, generation);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = live.size() + 1L + (live.isEmpty() ? 0 : countGenerations(live, changedAt));
    }

    private static long countGenerations(Collection<Reference> live, Map<String, Long> changedAt) {
        return live.stream().map(r -> changedAt.getOrDefault(r.id(), 0L)).distinct().count();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void writeLine(ByteArrayOutputStream out, JsonNode line) throws IOException {
        out.write(mapper.writeValueAsBytes(line));
        out.write('\n');
    }

    /** Writes a complete journal (header, each live reference in its generation, commits) via temp + rename. */
    private static void writeAtomically(Path file, ObjectMapper mapper, Collection<Reference> live,
            Map<String, Long> changedAt, long generation) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            ObjectNode header = mapper.createObjectNode();
            header.put("quire", "library");
            header.put("format", FORMAT);
            header.put("historyFrom", generation);
            buffer.write(mapper.writeValueAsBytes(header));
            buffer.write('\n');
            // group by generation so that each keeps its own commit line; order of first storage is kept
            Map<Long, List<Reference>> byGeneration = new java.util.TreeMap<>();
            for (Reference reference : live) {
                byGeneration.computeIfAbsent(changedAt.getOrDefault(reference.id(), 0L), g -> new ArrayList<>())
                        .add(reference);
            }
            for (Map.Entry<Long, List<Reference>> entry : byGeneration.entrySet()) {
                for (Reference reference : entry.getValue()) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("g", entry.getKey());
                    line.set("put", mapper.valueToTree(reference));
                    buffer.write(mapper.writeValueAsBytes(line));
                    buffer.write('\n');
                }
                ObjectNode commit = mapper.createObjectNode();
                commit.put("g", entry.getKey());
                commit.put("commit", entry.getValue().size());
                buffer.write(mapper.writeValueAsBytes(commit));
                buffer.write('\n');
                if (buffer.size() > 1 << 20) {
                    out.write(ByteBuffer.wrap(buffer.toByteArray()));
                    buffer.reset();
                }
            }
            out.write(ByteBuffer.wrap(buffer.toByteArray()));
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.getParent());
    }

    /** Makes a rename durable: on Linux the directory entry needs its own fsync. */
    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open a directory; the rename is still atomic there
        }
    }

    /** One line of the journal, whichever kind it is; absent parts are null. */
    record Line(Long g, Reference put, String remove, Long commit, String quire, Integer format, Long historyFrom) {
    }

    private static State replay(Path file, ObjectMapper mapper) throws IOException {
        LinkedHashMap<String, Reference> references = new LinkedHashMap<>();
        Map<String, Long> changedAt = new java.util.HashMap<>();
        List<String> warnings = new ArrayList<>();
        List<Line> pending = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectReader reader = mapper.readerFor(Line.class);
        long generation = 0;
        long historyFrom = 0;
        long lineNumber = 0;
        long committedEnd = 0;
        long committedLines = 0;
        long bufferStartOffset = 0; // file offset of buffer[0]
        byte[] buffer = new byte[1 << 20];
        int filled = 0;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                if (filled == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    eof = true; // bytes after the last newline were cut short by a crash: never committed
                    break;
                }
                filled += n;
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    lineNumber++;
                    long lineEnd = bufferStartOffset + i + 1;
                    Line line;
                    try {
                        line = reader.readValue(buffer, start, i - start);
                    } catch (IOException | RuntimeException e) {
                        warnings.add(file.getFileName() + ":" + lineNumber + ": unreadable line skipped ("
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
                        start = i + 1;
                        continue;
                    }
                    start = i + 1;
                    if (line == null) {
                        continue;
                    }
                    if (line.quire() != null) {
                        int format = line.format() == null ? 0 : line.format();
                        if (format > FORMAT) {
                            throw new IOException(file + " was written by a newer Quire (format " + format
                                    + "); this one reads format " + FORMAT);
                        }
                        historyFrom = line.historyFrom() == null ? 0 : line.historyFrom();
                        generation = Math.max(generation, historyFrom);
                        committedEnd = lineEnd;
                        committedLines = lineNumber;
                    } else if (line.commit() != null && line.g() != null) {
                        long g = line.g();
                        for (Line change : pending) {
                            if (change.g() == null || change.g() != g) {
                                continue; // left over from an earlier batch that never committed
                            }
                            if (change.put() != null) {
                                references.put(change.put().id(), change.put());
                                changedAt.put(change.put().id(), g);
                            } else if (change.remove() != null) {
                                references.remove(change.remove());
                                changedAt.put(change.remove(), g);
                            }
                        }
                        pending.clear();
                        generation = Math.max(generation, g);
                        committedEnd = lineEnd;
                        committedLines = lineNumber;
                    } else {
                        pending.add(line);
                    }
                }
                // keep the unfinished line at the front of the buffer
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                bufferStartOffset += start;
                filled -= start;
            }
        }
        if (Files.size(file) > committedEnd) {
            // A change that was never acknowledged (no commit line): drop it so new lines follow clean ones.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(committedEnd);
                channel.force(true);
            }
            warnings.add(file.getFileName() + ": dropped an unfinished change after line " + committedLines
                    + " (the process stopped while writing it; it had not been reported as stored)");
        }
        return new State(references, changedAt, generation, historyFrom, committedLines, warnings);
    }
}
