package quire.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import quire.api.review.Decision;

/**
 * An append-only file of decisions, one JSON object a line. {@link #append} returns only once the lines are on disk
 * (fsync), so a decision the caller was told about survives a crash. A crash in the middle of a write can leave a
 * last line without its end: reading ignores it with a message (it was never acknowledged), and opening for writing
 * cuts it off so that the next line starts clean. A damaged line elsewhere is skipped with its line number; the
 * lines around it are kept.
 */
final class DecisionLog implements Closeable {

    /** What reading a log found. */
    record Contents(List<Decision> decisions, List<String> problems, long goodLength) {
    }

    private final Path file;
    private final ObjectMapper mapper;
    private final FileChannel channel;

    private DecisionLog(Path file, ObjectMapper mapper, FileChannel channel) {
        this.file = file;
        this.mapper = mapper;
        this.channel = channel;
    }

    /**
     * Reads a log (or an exported one); {@code name} is how messages call the file. A missing file reads as empty.
     */
    static Contents read(Path file, String name, ObjectMapper mapper) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of(), 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Decision> decisions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectReader reader = mapper.readerFor(Decision.class);
        int start = 0;
        int line = 0;
        long goodLength = 0;
        while (start < bytes.length) {
            line++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                // no line end: the write of this line was cut short, so it was never acknowledged
                if (!new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                    problems.add(name + ":" + line + ": an unfinished last line (cut short by a crash while it was"
                            + " written) was ignored; it had not been acknowledged");
                }
                break;
            }
            if (!blank(bytes, start, end)) {
                try {
                    Decision decision = reader.readValue(bytes, start, end - start);
                    decisions.add(decision);
                } catch (JsonProcessingException | RuntimeException e) {
                    problems.add(name + ":" + line + ": not a decision, skipped (" + firstLine(e) + ")");
                }
            }
            start = end + 1;
            goodLength = start;
        }
        return new Contents(List.copyOf(decisions), List.copyOf(problems), goodLength);
    }

    private static boolean blank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Opens a log for appending, creating it when absent. {@code goodLength} comes from {@link #read}: anything after
     * it is a torn last line, which is cut off.
     */
    static DecisionLog open(Path file, ObjectMapper mapper, long goodLength) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.size() > goodLength) {
                channel.truncate(goodLength);
                channel.force(true);
            }
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (created) {
            AtomicFile.syncFolder(file.toAbsolutePath().getParent());
        }
        return new DecisionLog(file, mapper, channel);
    }

    /** Appends the decisions and returns once they are on disk. */
    void append(Collection<Decision> decisions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Decision decision : decisions) {
            out.write(line(decision));
        }
        ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    byte[] line(Decision decision) throws JsonProcessingException {
        byte[] json = mapper.writeValueAsBytes(decision);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    /** Writes a whole log to a new file atomically (an export). */
    static void writeAll(Path file, ObjectMapper mapper, Collection<Decision> decisions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Decision decision : decisions) {
            out.write(mapper.writeValueAsBytes(decision));
            out.write('\n');
        }
        AtomicFile.write(file, out.toByteArray());
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
