package quire.dedup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import quire.api.dedup.Merge;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * The workspace's record of merges ({@code dedup/merges.jsonl}) and of pairs reviewers rejected
 * ({@code dedup/rejections.jsonl}): append-only JSON lines, each write fsynced before the library changes, so that
 * an undo after a restart still knows what the survivor looked like before. A merge line holds the survivor as it
 * was (the fields the merge changed) and a digest of what the merge made of it; an undo line names the merge it undid. A line cut short by a crash
 * is skipped with a warning.
 */
final class MergeLog {

    private static final Logger LOG = Logger.getLogger(MergeLog.class.getName());

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    /**
     * A merge in effect and what undoing it needs: the survivor's values that the merge changed (most merges change
     * little but the provenance, so the log stays small) and a digest of the survivor the merge made, to tell
     * whether it changed since.
     *
     * @param before      a reference holding the earlier values of the changed components (others at defaults)
     * @param changed     the names of the components the merge changed
     * @param afterDigest the {@link MergeLog#digest} of the merged survivor
     */
    record Entry(Merge merge, Reference before, List<String> changed, String afterDigest) {

        Entry {
            changed = List.copyOf(changed);
        }

        private static final RecordComponent[] COMPONENTS = Reference.class.getRecordComponents();
        private static final java.lang.reflect.Constructor<Reference> CONSTRUCTOR;

        static {
            try {
                CONSTRUCTOR = Reference.class.getDeclaredConstructor(java.util.Arrays.stream(COMPONENTS)
                        .map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static Entry of(Merge merge, Reference survivorBefore, Reference survivorAfter) {
            List<String> changed = new ArrayList<>();
            Object[] values = defaults();
            RecordComponent[] components = COMPONENTS;
            for (int i = 0; i < components.length; i++) {
                Object was = value(components[i], survivorBefore);
                if (i == 0 || !was.equals(value(components[i], survivorAfter))) {
                    values[i] = was;
                    if (i > 0) {
                        changed.add(components[i].getName());
                    }
                }
            }
            return new Entry(merge, construct(values), changed, digest(survivorAfter));
        }

        /** Whether the survivor is still as the merge left it. */
        boolean unchangedSince(Reference survivor) {
            return digest(survivor).equals(afterDigest);
        }

        /** The survivor as it was before the merge, from the survivor as the merge left it. */
        Reference restore(Reference survivorAfter) {
            RecordComponent[] components = COMPONENTS;
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i], changed.contains(components[i].getName()) ? before : survivorAfter);
            }
            return construct(values);
        }

        private static Object[] defaults() {
            return new Object[] {"", ReferenceType.OTHER, "", List.of(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Map.of(), List.of()};
        }

        private static Object value(RecordComponent component, Reference reference) {
            try {
                return component.getAccessor().invoke(reference);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Reference construct(Object[] values) {
            try {
                return CONSTRUCTOR.newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("cannot rebuild a record: " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Path merges;
    private final Path rejections;
    // guarded by this; read on first use
    private Map<String, Entry> inEffect;
    private Set<String> rejected;

    MergeLog(Path workspace) {
        Path folder = workspace.resolve("dedup");
        this.merges = folder.resolve("merges.jsonl");
        this.rejections = folder.resolve("rejections.jsonl");
    }

    synchronized List<Entry> inEffect() {
        load();
        return List.copyOf(inEffect.values());
    }

    synchronized Optional<Entry> entry(String mergeId) {
        load();
        return Optional.ofNullable(inEffect.get(mergeId));
    }

    synchronized Set<String> rejected() {
        load();
        return Set.copyOf(rejected);
    }

    /** Appends merges, durably, before the library is changed. */
    synchronized void appendMerges(List<Entry> entries) throws IOException {
        load();
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            ObjectNode line = JSON.createObjectNode();
            line.put("type", "merge");
            line.put("id", e.merge().id());
            line.put("at", e.merge().at().toString());
            line.put("survivorId", e.merge().survivorId());
            line.set("mergedIds", JSON.valueToTree(e.merge().mergedIds()));
            line.put("confidence", e.merge().confidence());
            line.put("automatic", e.merge().automatic());
            line.set("reasons", JSON.valueToTree(e.merge().reasons()));
            line.set("before", JSON.valueToTree(e.before()));
            line.set("changed", JSON.valueToTree(e.changed()));
            line.put("afterDigest", e.afterDigest());
            lines.add(JSON.writeValueAsString(line));
        }
        append(merges, lines);
        entries.forEach(e -> inEffect.put(e.merge().id(), e));
    }

    /** Appends that a merge was undone, once the library has its old state back. */
    synchronized void appendUndo(String mergeId, Instant at) throws IOException {
        load();
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "undo");
        line.put("id", mergeId);
        line.put("at", at.toString());
        append(merges, List.of(JSON.writeValueAsString(line)));
        inEffect.remove(mergeId);
    }

    synchronized void appendRejection(List<String> ids, Instant at) throws IOException {
        load();
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "reject");
        line.set("ids", JSON.valueToTree(ids));
        line.put("at", at.toString());
        append(rejections, List.of(JSON.writeValueAsString(line)));
        pairs(ids, rejected);
    }

    private static void pairs(List<String> ids, Set<String> into) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                into.add(DuplicateFinder.pairKey(ids.get(i), ids.get(j)));
            }
        }
    }

    /** Appends whole lines and forces them to disk; a torn last line of an earlier crash is closed first. */
    private static void append(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                channel.read(last, size - 1);
                if (last.get(0) != '\n') {
                    text.append('\n');
                }
            }
            lines.forEach(l -> text.append(l).append('\n'));
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            long position = size;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            channel.force(true);
        }
    }

    private void load() {
        if (inEffect != null) {
            return;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> rejectedPairs = new HashSet<>();
        try {
            forEachLine(merges, (node, where) -> {
                switch (node.path("type").asText()) {
                    case "merge" -> {
                        Merge merge = new Merge(node.get("id").asText(), node.get("survivorId").asText(),
                                strings(node.get("mergedIds")), node.path("confidence").asDouble(),
                                node.path("automatic").asBoolean(), strings(node.get("reasons")),
                                Instant.parse(node.get("at").asText()));
                        entries.put(merge.id(), new Entry(merge, JSON.treeToValue(node.get("before"), Reference.class),
                                strings(node.get("changed")), node.get("afterDigest").asText()));
                    }
                    case "undo" -> entries.remove(node.get("id").asText());
                    default -> LOG.warning(where + ": unknown line type '" + node.path("type").asText() + "', skipped");
                }
            });
            forEachLine(rejections, (node, where) -> pairs(strings(node.get("ids")), rejectedPairs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the merge log in " + merges.getParent() + ": "
                    + e.getMessage(), e);
        }
        inEffect = entries;
        rejected = rejectedPairs;
    }

    private interface LineHandler {
        void line(JsonNode node, String where) throws IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            try {
                handler.line(JSON.readTree(line), where);
            } catch (IOException | RuntimeException e) {
                // a line cut short by a crash: the change it began never reached the library
                LOG.warning(where + ": unreadable line skipped (" + e.getMessage() + ")");
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /**
     * SHA-256 of a reference's every value (its record form, and whether its date was inferred, which that form
     * leaves out): tells whether a survivor is still as a merge left it, at a fraction of the cost of its JSON.
     */
    static String digest(Reference reference) {
        try {
            String text = reference + "|" + reference.issued().map(d -> d.inferred()).orElse(false);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
