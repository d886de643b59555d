package quire.example.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import quire.api.library.Library;

/**
 * The extraction data of the open workspace, in its folder {@code extraction/}: the team's form
 * ({@code form.json}, read again whenever it changes; a built-in example form while there is none) and the
 * extractions ({@code extractions.jsonl}, see {@link ExtractionLog}). The stage, the view and the commands of this
 * plugin share it; the files stay when the plugin is removed. Thread-safe.
 */
@Component(service = ExtractionStore.class)
public final class ExtractionStore {

    static final String FOLDER = "extraction";
    static final String FORM = "form.json";
    static final String EXTRACTIONS = "extractions.jsonl";
    static final String DEFAULT_FORM = "default-form.json";

    private static final Logger LOG = Logger.getLogger(ExtractionStore.class.getName());

    private final Path folder;
    private final Clock clock;
    private final ExtractionLog log;
    private FormRead form;

    /** A form as read, with the file's state then, so that an edited form.json is read again. */
    private record FormRead(Optional<FileTime> modified, long size, ExtractionForm form,
            Optional<FormException> error) {
    }

    @Activate
    public ExtractionStore(@Reference Library library) throws IOException {
        this(library.workspace(), Clock.systemUTC());
    }

    ExtractionStore(Path workspace, Clock clock) throws IOException {
        this.folder = workspace.resolve(FOLDER);
        this.clock = clock;
        this.log = ExtractionLog.open(folder.resolve(EXTRACTIONS), FOLDER + "/" + EXTRACTIONS);
        log.problems().forEach(LOG::warning);
    }

    @Deactivate
    public void close() throws IOException {
        log.close();
    }

    /** Where the team's form lives: {@code <workspace>/extraction/form.json}. */
    public Path formFile() {
        return folder.resolve(FORM);
    }

    /** Whether the team has a form of its own (else the built-in example form is used). */
    public boolean hasOwnForm() {
        return Files.exists(formFile());
    }

    /**
     * The form now in force: {@code extraction/form.json}, or the built-in example form when there is none.
     *
     * @throws FormException when form.json is not a valid form (nothing can be extracted until it is fixed)
     */
    public synchronized ExtractionForm form() throws FormException {
        Path file = formFile();
        try {
            Optional<FileTime> modified = Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file))
                    : Optional.empty();
            long size = modified.isPresent() ? Files.size(file) : -1;
            if (form == null || !form.modified().equals(modified) || form.size() != size) {
                form = read(modified, size);
            }
        } catch (IOException e) {
            throw new FormException(List.of(FOLDER + "/" + FORM + ": cannot be read: " + e.getMessage()));
        }
        if (form.error().isPresent()) {
            throw form.error().get();
        }
        return form.form();
    }

    private FormRead read(Optional<FileTime> modified, long size) throws IOException {
        byte[] json;
        String name;
        if (modified.isPresent()) {
            json = Files.readAllBytes(formFile());
            name = FOLDER + "/" + FORM;
        } else {
            try (InputStream in = ExtractionStore.class.getResourceAsStream(DEFAULT_FORM)) {
                json = in.readAllBytes();
            }
            name = "the example form (no " + FOLDER + "/" + FORM + " in the workspace)";
        }
        try {
            return new FormRead(modified, size, FormReader.read(name, json), Optional.empty());
        } catch (FormException e) {
            return new FormRead(modified, size, new ExtractionForm("", name, List.of()), Optional.of(e));
        }
    }

    /** The built-in example form, as text: what a team starts its own form.json from. */
    public static String exampleForm() {
        try (InputStream in = ExtractionStore.class.getResourceAsStream(DEFAULT_FORM)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest extraction of a study by a reviewer. */
    public Optional<Extraction> extraction(String study, String reviewer) {
        return log.latest(study, reviewer);
    }

    /** The latest extraction of every study and reviewer. */
    public List<Extraction> extractions() {
        return log.latest();
    }

    /** The studies at least one reviewer has extracted completely under the current form. */
    public Set<String> completeStudies(ExtractionForm form) {
        return log.latest().stream().filter(e -> form.complete(e.answers())).map(Extraction::study)
                .collect(Collectors.toSet());
    }

    /**
     * Saves a reviewer's answers for a study, durably: returns once they are on disk.
     *
     * @throws FormException            when the form cannot be read
     * @throws IllegalArgumentException when an answer does not fit the form (naming the field and what is wrong);
     *                                  nothing is saved then
     */
    public Extraction save(String study, String reviewer, Map<String, List<String>> answers)
            throws IOException, FormException {
        ExtractionForm current = form();
        Extraction extraction = new Extraction(study, reviewer, Instant.now(clock), answers);
        // answers saved earlier are kept as they are even if the form has changed since (a field renamed or
        // removed): they were entered by someone, and only what is entered now must fit the form now
        Map<String, List<String>> before = extraction(study, reviewer).map(Extraction::answers).orElse(Map.of());
        Map<String, List<String>> changed = new java.util.LinkedHashMap<>(extraction.answers());
        changed.entrySet().removeIf(answer -> answer.getValue().equals(before.get(answer.getKey())));
        List<String> problems = current.problems(changed);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        log.append(extraction, current);
        return log.latest(study, reviewer).orElseThrow();
    }

    /** Sets one field of a reviewer's extraction of a study, keeping the others (an empty list clears it). */
    public synchronized Extraction set(String study, String reviewer, String field, List<String> values)
            throws IOException, FormException {
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(
                extraction(study, reviewer).map(Extraction::answers).orElse(Map.of()));
        answers.put(field, values);
        return save(study, reviewer, answers);
    }

    /** What reading the stored extractions found wrong, each as {@code file:line: what}. */
    public List<String> problems() {
        return log.problems();
    }
}
