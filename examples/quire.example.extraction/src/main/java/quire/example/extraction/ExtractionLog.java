package quire.example.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extractions on disk: an append-only file of JSON lines, one line per save holding the whole form of one study
 * by one reviewer, fsynced before {@link #append} returns. Nothing is ever rewritten, so no save can be lost by a
 * later one; the latest line of a study and reviewer is the one that counts, and the earlier ones are its history.
 *
 * <p>A last line without its line end was cut short by a crash before its save returned: it is ignored (and
 * reported), and cut off before the next append. A line in the middle that does not parse is reported with its
 * number and skipped; the lines around it are kept. Values keep their JSON types (numbers, booleans, lists), so
 * the file is useful without Quire.
 */
final class ExtractionLog implements Closeable {

    /** Numbers keep the digits the reviewer typed: 54.50 stays 54.50 (reported precision is data too). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private final Path file;
    private final String name;
    private final Map<Extraction.Key, Extraction> latest = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long goodLength;
    private FileChannel channel;

    private ExtractionLog(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /**
     * Reads the file (a missing one is an empty log).
     *
     * @param name what to call the file in messages, e.g. {@code extraction/extractions.jsonl}
     */
    static ExtractionLog open(Path file, String name) throws IOException {
        ExtractionLog log = new ExtractionLog(file, name);
        if (Files.exists(file)) {
            log.read(Files.readAllBytes(file));
        }
        return log;
    }

    private void read(byte[] bytes) {
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                // no line end: the save was cut short before it returned, so no one was told it was stored
                problems.add(name + ":" + lineNumber + ": an incomplete last line (cut short by a crash) was ignored");
                break;
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
            start = end + 1;
            goodLength = start;
            if (line.isEmpty()) {
                continue;
            }
            try {
                Extraction extraction = parse(JSON.readTree(line));
                latest.remove(extraction.key()); // keep the order of the latest saves
                latest.put(extraction.key(), extraction);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(name + ":" + lineNumber + ": skipped, not an extraction: " + message(e));
            }
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static Extraction parse(JsonNode node) {
        String study = text(node, "study");
        String reviewer = text(node, "reviewer");
        Instant at;
        try {
            at = Instant.parse(text(node, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'at' is not a time: " + node.get("at"));
        }
        JsonNode answers = node.get("answers");
        if (answers == null || !answers.isObject()) {
            throw new IllegalArgumentException("no \"answers\" object");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        answers.properties().forEach(entry -> values.put(entry.getKey(), values(entry.getValue())));
        return new Extraction(study, reviewer, at, values);
    }

    private static List<String> values(JsonNode node) {
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> values.addAll(values(element)));
            return values;
        }
        if (node.isNull()) {
            return List.of();
        }
        if (node.isNumber()) {
            return List.of(node.decimalValue().toPlainString());
        }
        return List.of(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return value.asText();
    }

    /** Writes the extraction as a new line and returns once it is on disk. Answers must fit the form. */
    synchronized void append(Extraction extraction, ExtractionForm form) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("study", extraction.study());
        line.put("reviewer", extraction.reviewer());
        line.put("at", extraction.at().toString());
        ObjectNode answers = line.putObject("answers");
        // in the form's order, then answers kept from an earlier form: the same save always writes the same line
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        form.fields().stream().filter(f -> extraction.answers().containsKey(f.id()))
                .forEach(f -> ordered.put(f.id(), extraction.answers().get(f.id())));
        ordered.putAll(extraction.answers());
        ordered.forEach((field, values) -> {
            FieldType type = form.field(field).map(FormField::type).orElse(FieldType.TEXT);
            if (type == FieldType.MULTI_CHOICE) {
                ArrayNode array = answers.putArray(field);
                values.forEach(array::add);
            } else {
                String value = values.get(0);
                switch (type) {
                    case INTEGER -> answers.put(field, Long.parseLong(value.strip()));
                    case NUMBER -> answers.put(field, new BigDecimal(value.strip()));
                    case BOOLEAN -> answers.put(field, Boolean.parseBoolean(value));
                    default -> answers.put(field, value);
                }
            }
        });
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        FileChannel out = channel();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        out.force(true);
        goodLength += bytes.length;
        // what is in memory is what was read back from the line, so the file and the view never disagree
        Extraction stored = parse(JSON.readTree(bytes));
        latest.remove(stored.key());
        latest.put(stored.key(), stored);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            boolean created = !Files.exists(file);
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // a torn last line is cut off so that the next line starts on a line of its own
            channel.truncate(goodLength);
            channel.position(goodLength);
            if (created) {
                syncFolder(file.getParent());
            }
        }
        return channel;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the file itself is synced
        }
    }

    synchronized Optional<Extraction> latest(String study, String reviewer) {
        return Optional.ofNullable(latest.get(new Extraction.Key(study, reviewer)));
    }

    /** The latest extraction of every study and reviewer, in the order of their last save. */
    synchronized List<Extraction> latest() {
        return List.copyOf(latest.values());
    }

    /** What reading the file found wrong, each as {@code file:line: what}. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
