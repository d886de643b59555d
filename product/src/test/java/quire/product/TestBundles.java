package quire.product;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small bundles during a test: Java sources compiled against the product's API jar, a hand-written manifest
 * and Declarative Services component XML. For faults no real plugin would ship on purpose.
 */
final class TestBundles {

    private TestBundles() {
    }

    /** The API bundle of the distribution, to compile against. */
    static Path apiJar() throws IOException {
        try (Stream<Path> jars = Files.list(Distribution.HOME.resolve("bundles/core"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith("quire.api-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no quire.api bundle in " + Distribution.HOME));
        }
    }

    /**
     * A bundle jar.
     *
     * @param sources    class name to Java source
     * @param headers    manifest headers besides the symbolic name and version
     * @param components name of the XML file under OSGI-INF to its content
     */
    static Path build(Path dir, String symbolicName, Map<String, String> sources, Map<String, String> headers,
            Map<String, String> components) throws IOException {
        Path src = Files.createDirectories(dir.resolve(symbolicName + "-src"));
        Path classes = Files.createDirectories(dir.resolve(symbolicName + "-classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-classpath", apiJar().toString(),
                "-d", classes.toString()));
        arguments.addAll(files);
        int exit = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new AssertionError("the test bundle " + symbolicName + " does not compile");
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        if (!components.isEmpty()) {
            main.putValue("Service-Component", String.join(",",
                    components.keySet().stream().map(name -> "OSGI-INF/" + name).toList()));
        }
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) compiled.filter(Files::isRegularFile)::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            for (Map.Entry<String, String> component : components.entrySet()) {
                jarOut.putNextEntry(new JarEntry("OSGI-INF/" + component.getKey()));
                jarOut.write(component.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** DS component XML registering {@code implementation} as a service of {@code service}, with properties. */
    static String component(String name, String implementation, String service, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"")
                .append(name).append("\" immediate=\"true\">\n  <implementation class=\"").append(implementation)
                .append("\"/>\n  <service><provide interface=\"").append(service).append("\"/></service>\n");
        properties.forEach((key, value) -> xml.append("  <property name=\"").append(key).append("\" ")
                .append(key.equals("service.ranking") ? "type=\"Integer\" " : "").append("value=\"")
                .append(value).append("\"/>\n"));
        return xml.append("</scr:component>\n").toString();
    }
}
