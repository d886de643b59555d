package quire.product;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
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
 * Builds small plugin bundles for tests from Java sources: compiled with the JDK's compiler against the
 * distribution's own jars (the Quire API, the workbench API, SWT), with the manifest headers and Declarative
 * Services descriptors the test gives, so that the product's test class path needs nothing more.
 */
final class TestBundles {

    private TestBundles() {
    }

    /** The Quire API bundle of the distribution. */
    static Path apiJar() throws IOException {
        return distributionJar("core", "quire.api-");
    }

    /**
     * A bundle jar in {@code dir}, named after the bundle.
     *
     * @param dir          where to compile and put the jar
     * @param symbolicName the bundle's symbolic name
     * @param sources      Java sources by class name (e.g. {@code acme.hello.HelloView})
     * @param headers      further manifest headers (e.g. {@code Import-Package})
     * @param components   DS descriptors by file name; each goes to {@code OSGI-INF/} and into
     *                     {@code Service-Component}
     */
    static Path build(Path dir, String symbolicName, Map<String, String> sources, Map<String, String> headers,
            Map<String, String> components) throws IOException {
        Path work = Files.createDirectories(dir.resolve("build-" + symbolicName));
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AssertionError("the tests need a JDK (javax.tools), not a JRE");
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-proc:none", "-d", classes.toString(),
                "-classpath", classPath()));
        arguments.addAll(files);
        StringWriter errors = new StringWriter();
        PrintStream sink = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        if (compiler.run(null, sink, sink, arguments.toArray(String[]::new)) != 0) {
            throw new AssertionError("the test bundle " + symbolicName + " does not compile:\n" + errors);
        }

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        if (!components.isEmpty()) {
            main.putValue("Service-Component",
                    String.join(",", components.keySet().stream().map(c -> "OSGI-INF/" + c).toList()));
        }
        headers.forEach(main::putValue);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            for (Map.Entry<String, String> component : components.entrySet()) {
                out.putNextEntry(new JarEntry("OSGI-INF/" + component.getKey()));
                out.write(component.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A DS descriptor: one immediate component of the class, providing the services, with the properties.
     *
     * @param name       the component's name
     * @param className  the implementation class
     * @param provides   the service interfaces, separated by commas
     * @param properties service properties (strings)
     */
    static String component(String name, String className, String provides, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name
                + "\" immediate=\"true\">\n  <implementation class=\"" + className + "\"/>\n");
        // service.ranking must be an Integer, or the framework treats it as 0
        properties.forEach((key, value) -> xml.append("  <property name=\"").append(key).append("\" ")
                .append(key.equals("service.ranking") ? "type=\"Integer\" " : "").append("value=\"")
                .append(value).append("\"/>\n"));
        xml.append("  <service>\n");
        for (String service : provides.split(",")) {
            xml.append("    <provide interface=\"").append(service.strip()).append("\"/>\n");
        }
        xml.append("  </service>\n</scr:component>\n");
        return xml.toString();
    }

    /** The distribution's jars a plugin compiles against. */
    private static String classPath() throws IOException {
        List<String> jars = new ArrayList<>();
        jars.add(apiJar().toString());
        jars.add(distributionJar("ui", "quire.ui.api-").toString());
        jars.add(distributionJar("ui", "org.eclipse.swt.gtk").toString());
        try (Stream<Path> lib = Files.list(Distribution.HOME.resolve("lib"))) {
            lib.filter(p -> p.getFileName().toString().startsWith("org.apache.felix.framework"))
                    .forEach(p -> jars.add(p.toString())); // the OSGi framework API
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static Path distributionJar(String feature, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(Distribution.HOME.resolve("bundles").resolve(feature))) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "* in " + Distribution.HOME
                            + "/bundles/" + feature));
        }
    }
}
