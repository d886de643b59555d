package quire.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;
import quire.api.model.Reference;

/**
 * The importers on the test class path, found as Declarative Services would find them (the {@code Service-Component}
 * header of each bundle, the components that provide {@link Importer}) and made with their default configuration.
 * The tests thus use every importer that is built, without naming one, and read files the way the import service
 * does: the first importer that recognises a file reads it.
 */
final class InstalledImporters {

    /** When the import service would have stamped the records, fixed so that exports are reproducible. */
    static final Instant IMPORTED_AT = Instant.parse("2026-05-17T10:15:30Z");

    private static final List<Importer> ALL = discover();

    private InstalledImporters() {
    }

    /** Every importer found. */
    static List<Importer> all() {
        return ALL;
    }

    /** The importer with this format id. */
    static Optional<Importer> format(String format) {
        return ALL.stream().filter(i -> i.format().equals(format)).findFirst();
    }

    /** The first importer that recognises the file. */
    static Optional<Importer> recognising(Path file) throws IOException {
        String head = head(file);
        String name = file.getFileName().toString();
        return ALL.stream().filter(i -> i.recognises(name, head)).findFirst();
    }

    /** What an importer reads from a file, with provenance stamped as the import service would. */
    static List<Reference> read(Importer importer, Path file) throws IOException {
        return read(importer, file, IMPORTED_AT);
    }

    /** What an importer reads from a file, with provenance stamped as the import service would at that time. */
    static List<Reference> read(Importer importer, Path file, Instant at) throws IOException {
        List<Reference> references = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        importer.read(source(file), new ImportSink() {
            @Override
            public void reference(Reference reference) {
                references.add(reference.toBuilder().provenance(reference.provenance().stream()
                        .map(p -> p.imported("test", at)).toList()).build());
            }

            @Override
            public void problem(ImportProblem problem) {
                problems.add(problem);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        return references;
    }

    /** A source that finds the encoding as the import service does: BOM, else UTF-8 if valid, else windows-1252. */
    static ImportSource source(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset charset = charset(bytes);
        return new ImportSource() {
            @Override public Path file() { return file; }
            @Override public String name() { return file.getFileName().toString(); }
            @Override public ImportOptions options() { return ImportOptions.NONE; }
            @Override public Charset charset() { return charset; }
            @Override public long size() { return bytes.length; }

            @Override
            public BufferedReader openReader() {
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new java.io.ByteArrayInputStream(bytes), charset));
                try {
                    reader.mark(1);
                    if (reader.read() != '\uFEFF') {
                        reader.reset();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return reader;
            }

            @Override
            public InputStream openStream() {
                return new BufferedInputStream(new java.io.ByteArrayInputStream(bytes));
            }
        };
    }

    private static Charset charset(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static String head(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(8192);
        }
        String head = new String(bytes, StandardCharsets.UTF_8);
        return head.startsWith("\uFEFF") ? head.substring(1) : head;
    }

    private static List<Importer> discover() {
        List<Importer> importers = new ArrayList<>();
        try {
            for (URL manifestUrl : Collections.list(InstalledImporters.class.getClassLoader()
                    .getResources("META-INF/MANIFEST.MF"))) {
                Manifest manifest;
                try (InputStream in = manifestUrl.openStream()) {
                    manifest = new Manifest(in);
                }
                String components = manifest.getMainAttributes().getValue("Service-Component");
                if (components == null) {
                    continue;
                }
                String base = manifestUrl.toString().substring(0,
                        manifestUrl.toString().length() - "META-INF/MANIFEST.MF".length());
                for (String path : components.split(",")) {
                    Importer importer = importer(new URL(base + path.strip()));
                    if (importer != null) {
                        importers.add(importer);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot look for importers on the class path", e);
        }
        importers.sort((a, b) -> a.format().compareTo(b.format()));
        return List.copyOf(importers);
    }

    /** The importer a component description declares, made with its default configuration; null if none. */
    private static Importer importer(URL description) throws Exception {
        Document xml;
        try (InputStream in = description.openStream()) {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList provides = xml.getElementsByTagName("provide");
        boolean anImporter = false;
        for (int i = 0; i < provides.getLength(); i++) {
            anImporter |= Importer.class.getName().equals(((Element) provides.item(i)).getAttribute("interface"));
        }
        if (!anImporter) {
            return null;
        }
        String className = ((Element) xml.getElementsByTagName("implementation").item(0)).getAttribute("class");
        Class<?> type = Class.forName(className);
        for (Constructor<?> constructor : type.getConstructors()) {
            if (Arrays.stream(constructor.getParameterTypes()).allMatch(Class::isAnnotation)) {
                Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                        .map(InstalledImporters::defaults).toArray();
                return (Importer) constructor.newInstance(arguments);
            }
        }
        throw new IllegalStateException(className + " has no constructor taking nothing or its configuration");
    }

    /** A configuration with every attribute at its default, as DS gives one when nothing is configured. */
    static Object defaults(Class<?> annotation) {
        return Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[] {annotation},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> annotation;
                    case "toString" -> "@" + annotation.getName();
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> method.getDefaultValue();
                });
    }
}
