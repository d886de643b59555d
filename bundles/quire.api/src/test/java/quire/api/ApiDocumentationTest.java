package quire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plugin authors read the API's Javadoc: every exported package says what it holds and carries a version, and
 * every public type and every public or interface method is documented (a record's accessors by its
 * {@code @param} tags, an override by what it overrides, a constructor by its type, a nested builder's setters
 * by the builder).
 */
class ApiDocumentationTest {

    private static final Path SOURCES = Path.of("src/main/java/quire/api");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^public (?:(?:final|abstract|sealed|non-sealed) )*(?:class|interface|record|enum|@interface) (\\w+)");
    /** A method of an interface or a public one of a class, at the indentation of a member. */
    private static final Pattern METHOD = Pattern.compile(
            "(?m)^    (?! )(?:public |default |static )*(?:<[^>]+> )?[\\w.<>\\[\\], ?]+ (\\w+)\\([^)]*\\)[^;{]*[;{]");

    @Test
    void everyExportedPackageIsDescribedAndVersioned() throws IOException {
        List<String> undocumented = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Path info = dir.resolve("package-info.java");
                String text = Files.exists(info) ? Files.readString(info) : "";
                if (!text.contains("/**") || !text.contains("@org.osgi.annotation.bundle.Export")
                        || !text.contains("@org.osgi.annotation.versioning.Version(")) {
                    undocumented.add(dir.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), undocumented, "packages without Javadoc, @Export or @Version");
    }

    @Test
    void everyPublicTypeAndMethodHasJavadoc() throws IOException {
        List<String> undocumented = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java"))::iterator) {
                String text = Files.readString(file);
                Matcher type = TYPE.matcher(text);
                assertTrue(type.find(), "no public type in " + file);
                if (!documented(text, type.start())) {
                    undocumented.add(type.group(1));
                }
                boolean isInterface = text.substring(type.start(), type.end()).contains("interface ");
                Matcher method = METHOD.matcher(text);
                while (method.find()) {
                    String declaration = method.group();
                    boolean isPublic = isInterface || declaration.contains("public ");
                    // constructors are covered by the type's documentation
                    if (!isPublic || method.group(1).equals(type.group(1)) || declaration.contains(" new ") || declaration.strip().startsWith("return")
                            || overrides(text, method.start())) {
                        continue;
                    }
                    if (!documented(text, method.start())) {
                        undocumented.add(type.group(1) + "." + method.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), undocumented, "public API without Javadoc");
    }

    /** Whether a Javadoc comment ends just before the declaration at {@code at} (annotations between allowed). */
    private static boolean documented(String text, int at) {
        String before = text.substring(0, at).stripTrailing();
        while (before.endsWith(")") || before.matches("(?s).*\\n\\s*@\\w+(\\.\\w+)*$")) {
            int lineStart = before.lastIndexOf('\n');
            String line = before.substring(lineStart + 1).strip();
            if (!line.startsWith("@")) {
                break;
            }
            before = before.substring(0, Math.max(0, lineStart)).stripTrailing();
        }
        return before.endsWith("*/") && before.lastIndexOf("/**") > before.lastIndexOf("*/", before.length() - 3);
    }

    private static boolean overrides(String text, int at) {
        String before = text.substring(0, at).stripTrailing();
        return before.endsWith("@Override");
    }
}
