package quire.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts an embedded Felix with the bundles of a Quire distribution. One instance is one framework; the command
 * line ({@link Main}) and the integration tests both use it.
 */
public final class Launcher implements AutoCloseable {

    /** The features installed by default, in this order; {@code ui} is left out for a headless product. */
    public static final List<String> FEATURES = List.of("core", "importers", "export", "review", "ui");

    /**
     * Started after everything else: the console should not read a command before the commands exist, and plugins
     * should find the core already running.
     */
    static final Set<String> START_LAST = Set.of("org.apache.felix.gogo.shell", "org.apache.felix.fileinstall");

    /** The name of the command-line service interface, which the launcher knows only by name. */
    static final String COMMAND_LINE_SERVICE = "quire.api.cli.CommandLine";

    private final Path home;
    private final Map<String, String> properties;
    private final List<String> features;
    private final Set<String> skippedBundles;
    private final PrintStream err;
    private Framework framework;
    private Path storage;
    private long startedMillis;
    private final List<String> startProblems = new ArrayList<>();

    /**
     * @param home           the distribution folder (holding bundles/, conf/, seeds/, plugins/)
     * @param properties     framework properties, on top of conf/quire.properties
     * @param features       the feature folders under bundles/ to install
     * @param skippedBundles symbolic names not to install (tests that supply the API from their class path)
     */
    public Launcher(Path home, Map<String, String> properties, List<String> features, Set<String> skippedBundles,
            PrintStream err) {
        this.home = home.toAbsolutePath().normalize();
        this.properties = Map.copyOf(properties);
        this.features = List.copyOf(features);
        this.skippedBundles = Set.copyOf(skippedBundles);
        this.err = err;
    }

    /** Installs and starts everything; returns the framework's bundle context. */
    public BundleContext start() throws IOException, BundleException {
        long begin = System.nanoTime();
        storage = Files.createTempDirectory("quire-felix-");
        Map<String, String> config = new HashMap<>(defaults());
        config.putAll(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        // each run installs the bundles afresh into its own cache: two processes never share one
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String feature : features) {
            Path folder = home.resolve("bundles").resolve(feature);
            if (!Files.isDirectory(folder)) {
                throw new IOException("feature '" + feature + "' is missing: no folder " + folder);
            }
            for (Path jar : jars(folder)) {
                String skip = skipReason(jar);
                if (skip != null) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(jar)) {
                    installed.add(context.installBundle(jar.toUri().toString(), in));
                }
            }
        }
        framework.start();
        List<Bundle> startOrder = new ArrayList<>(installed);
        startOrder.sort(Comparator.comparing(b -> START_LAST.contains(b.getSymbolicName())));
        for (Bundle bundle : startOrder) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                // one broken bundle must not take the product down: report it and go on
                String problem = bundle.getSymbolicName() + " " + bundle.getVersion() + " did not start: "
                        + rootMessage(e);
                startProblems.add(problem);
                err.println("quire: " + problem);
            }
        }
        startedMillis = (System.nanoTime() - begin) / 1_000_000;
        return context;
    }

    private Map<String, String> defaults() throws IOException {
        Map<String, String> defaults = new HashMap<>();
        Path file = home.resolve("conf").resolve("quire.properties");
        if (Files.exists(file)) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                loaded.load(in);
            }
            for (String name : loaded.stringPropertyNames()) {
                defaults.put(name, loaded.getProperty(name).replace("${quire.home}", home.toString()));
            }
        }
        return defaults;
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        }
    }

    /** Why a jar is not installed here, or null: skipped by name, or built for another platform. */
    private String skipReason(Path jar) throws IOException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        }
        if (manifest == null) {
            return "no manifest";
        }
        String name = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            return "not a bundle";
        }
        if (skippedBundles.contains(name.split(";")[0].strip())) {
            return "skipped";
        }
        // Felix ignores Eclipse-PlatformFilter, so SWT's fragments for other platforms are filtered here
        String platformFilter = manifest.getMainAttributes().getValue("Eclipse-PlatformFilter");
        if (platformFilter != null && !matchesThisPlatform(platformFilter)) {
            return "for another platform";
        }
        return null;
    }

    static boolean matchesThisPlatform(String ldapFilter) {
        try {
            Filter filter = FrameworkUtil.createFilter(ldapFilter);
            return filter.matches(Map.of("osgi.os", osgiOs(), "osgi.ws", osgiWs(), "osgi.arch", osgiArch()));
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    private static String osgiOs() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        return os.startsWith("win") ? "win32" : os.startsWith("mac") ? "macosx" : os.startsWith("linux") ? "linux" : os;
    }

    private static String osgiWs() {
        String os = osgiOs();
        return os.equals("win32") ? "win32" : os.equals("macosx") ? "cocoa" : "gtk";
    }

    private static String osgiArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    /** Milliseconds from {@link #start()} to every bundle started. */
    public long startMillis() {
        return startedMillis;
    }

    /** Bundles that failed to start, each with its reason. */
    public List<String> startProblems() {
        return List.copyOf(startProblems);
    }

    public Framework framework() {
        return framework;
    }

    /** Runs a command line through the CommandLine service and returns its exit code. */
    public int runCommand(List<String> command, PrintStream out, PrintStream errors) throws InterruptedException {
        BundleContext context = framework.getBundleContext();
        ServiceReference<?> reference = waitForService(context, COMMAND_LINE_SERVICE, 30_000);
        if (reference == null) {
            errors.println("quire: the command line is not available (is the core feature installed and started?)");
            return 1;
        }
        Object commandLine = context.getService(reference);
        try {
            Method execute = commandLine.getClass().getMethod("execute", List.class, PrintStream.class,
                    PrintStream.class);
            return (Integer) execute.invoke(commandLine, command, out, errors);
        } catch (InvocationTargetException e) {
            errors.println("quire: " + rootMessage(e.getCause()));
            return 1;
        } catch (ReflectiveOperationException e) {
            errors.println("quire: the command-line service does not fit this launcher: " + e);
            return 1;
        } finally {
            context.ungetService(reference);
        }
    }

    static ServiceReference<?> waitForService(BundleContext context, String name, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            ServiceReference<?> reference = context.getServiceReference(name);
            if (reference != null || System.currentTimeMillis() > deadline) {
                return reference;
            }
            Thread.sleep(20);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.toString() : message;
    }

    /** Stops the framework (waiting up to 30 s) and deletes its cache. */
    @Override
    public void close() {
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(30_000);
            } catch (BundleException | InterruptedException e) {
                err.println("quire: stopping: " + e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (storage != null) {
            deleteTree(storage);
            storage = null;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
