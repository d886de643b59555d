package quire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quire.api.cli.CommandIO;
import quire.api.library.Library;
import quire.api.library.LibraryChanges;
import quire.api.library.LibraryTransaction;
import quire.api.model.Reference;
import quire.api.search.QuerySyntaxException;
import quire.api.search.SearchRequest;
import quire.api.search.SearchResult;
import quire.api.search.SearchService;
import quire.api.work.Progress;

/** Fakes for the search commands: a search service that answers what it is told to, a library of a few. */
final class SearchFakes {

    private SearchFakes() {
    }

    /** Answers every search with {@link #result}, remembers the requests; "AND" at the end does not parse. */
    static final class Search implements SearchService {
        final List<SearchRequest> requests = new ArrayList<>();
        final List<Collection<String>> similarAsked = new ArrayList<>();
        SearchResult result = new SearchResult("", 0, List.of());
        int rebuilt;
        long indexed;

        @Override
        public SearchResult search(SearchRequest request) throws QuerySyntaxException {
            if (request.query().endsWith(" AND")) {
                throw new QuerySyntaxException("the query ends too early", request.query().length() - 3);
            }
            requests.add(request);
            if (request.query().isEmpty()) {
                return new SearchResult("", indexed, List.of());
            }
            return result;
        }

        @Override
        public SearchResult similar(Collection<String> ids, int limit) {
            similarAsked.add(List.copyOf(ids));
            return result;
        }

        @Override
        public void rebuild(Progress progress) {
            rebuilt++;
            progress.begin("Indexing 3 references", 3);
            for (int i = 0; i < 3; i++) {
                progress.worked(1);
            }
        }
    }

    /** A library of the given references; only reading is supported. */
    static final class FixedLibrary implements Library {
        private final Map<String, Reference> references = new LinkedHashMap<>();

        FixedLibrary(Reference... references) {
            for (Reference reference : references) {
                this.references.put(reference.id(), reference);
            }
        }

        @Override
        public Path workspace() {
            return Path.of("workspace");
        }

        @Override
        public int size() {
            return references.size();
        }

        @Override
        public long generation() {
            return 1;
        }

        @Override
        public List<Reference> references() {
            return List.copyOf(references.values());
        }

        @Override
        public Optional<Reference> reference(String id) {
            return Optional.ofNullable(references.get(id));
        }

        @Override
        public long store(Collection<Reference> toStore) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LibraryTransaction begin() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long remove(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LibraryChanges changesSince(long generation) {
            throw new UnsupportedOperationException();
        }
    }

    /** Captures what a command prints. */
    static final class Console {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CommandIO io = new CommandIO(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
