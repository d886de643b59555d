package quire.searches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.library.Library;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SavedSearch;
import quire.api.search.SavedSearches;
import quire.api.search.SearchRequest;
import quire.api.search.SearchService;

/**
 * The {@link SavedSearches} of the workspace, in {@code <workspace>/searches.json}:
 *
 * <pre>
 * {"version": 1, "searches": [{"name": "...", "query": "...", "hitCount": 12, "runAt": "2026-11-23T09:00:00Z"}]}
 * </pre>
 *
 * Every change rewrites the file atomically (a temporary file, fsync, rename, fsync of the folder), so a crash
 * leaves either the old list or the new one. The file is read again for every call: it is small, and a reviewer
 * may edit it by hand. Thread-safe (one lock); one process owns a workspace at a time.
 */
@Component(service = SavedSearches.class)
public final class WorkspaceSavedSearches implements SavedSearches {

    /** The file's name in the workspace. */
    static final String FILE = "searches.json";

    /** The format version this class writes; a file of a higher version is not touched. */
    static final int VERSION = 1;

    private final SearchService search;
    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Activate
    public WorkspaceSavedSearches(@Reference SearchService search, @Reference Library library) {
        this(search, library.workspace().resolve(FILE), Clock.systemUTC());
    }

    WorkspaceSavedSearches(SearchService search, Path file, Clock clock) {
        this.search = search;
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized SavedSearch save(String name, String query) throws QuerySyntaxException, IOException {
        String key = checkName(name);
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a saved search needs a query");
        }
        Map<String, SavedSearch> searches = read();
        SavedSearch saved = run(key, query);
        // a search saved again under its name keeps its place in the list
        searches.put(key, saved);
        write(searches);
        return saved;
    }

    @Override
    public synchronized Optional<SavedSearch> rerun(String name) throws QuerySyntaxException, IOException {
        Map<String, SavedSearch> searches = read();
        SavedSearch known = searches.get(name == null ? "" : name.strip());
        if (known == null) {
            return Optional.empty();
        }
        SavedSearch again = run(known.name(), known.query());
        searches.put(known.name(), again);
        write(searches);
        return Optional.of(again);
    }

    @Override
    public synchronized List<SavedSearch> list() {
        try {
            return List.copyOf(read().values());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean remove(String name) throws IOException {
        Map<String, SavedSearch> searches = read();
        if (searches.remove(name == null ? "" : name.strip()) == null) {
            return false;
        }
        write(searches);
        return true;
    }

    private SavedSearch run(String name, String query) throws QuerySyntaxException {
        Instant at = clock.instant();
        long hits = search.search(SearchRequest.of(query, 0)).totalHits();
        return new SavedSearch(name, query, hits, at);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a saved search needs a name");
        }
        return name.strip();
    }

    // --- the file -----------------------------------------------------------------------------------------------

    /** What the file holds. */
    record Contents(int version, List<SavedSearch> searches) {
    }

    private Map<String, SavedSearch> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        Contents contents;
        try {
            contents = mapper.readValue(bytes, Contents.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException(file + " cannot be read" + where + ": " + e.getOriginalMessage()
                    + "; fix it, or move it away to start a new list of saved searches", e);
        }
        if (contents == null) {
            throw new IOException(file + " is empty; move it away to start a new list of saved searches");
        }
        if (contents.version() > VERSION) {
            throw new IOException(file + " was written by a newer Quire (format " + contents.version()
                    + ", this one reads " + VERSION + "); it is left as it is");
        }
        Map<String, SavedSearch> searches = new LinkedHashMap<>();
        for (SavedSearch saved : contents.searches() == null ? List.<SavedSearch>of() : contents.searches()) {
            if (saved == null || saved.name() == null || saved.query() == null) {
                throw new IOException(file + " has a saved search without a name or a query; fix it, or move"
                        + " the file away to start a new list of saved searches");
            }
            searches.put(saved.name(), saved);
        }
        return searches;
    }

    /** The old file stays whole until the new one is complete and on disk. */
    private void write(Map<String, SavedSearch> searches) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(new Contents(VERSION, new ArrayList<>(searches.values())));
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(absolute.getParent());
    }

    /** Makes the rename durable: on Linux the folder's entry needs its own fsync. */
    private static void forceDirectory(Path directory) {
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open a folder; the rename is atomic there all the same
        }
    }
}
