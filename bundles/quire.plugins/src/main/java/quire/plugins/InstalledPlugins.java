package quire.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;

/**
 * The bundles FileInstall installed from the plugins folder. Disabled plugins are remembered by symbolic name in
 * the workspace ({@code disabled-plugins.txt}, written atomically), so a jar that FileInstall installs again on the
 * next start is stopped again as soon as it starts.
 */
@Component(service = Plugins.class, immediate = true)
public final class InstalledPlugins implements Plugins, SynchronousBundleListener {

    private static final Logger LOG = Logger.getLogger(InstalledPlugins.class.getName());
    /** Service properties that name what a service contributes, checked in this order. */
    private static final List<String> NAMING_PROPERTIES = List.of("quire.importer.format", "quire.exporter.format",
            "quire.command.name", "quire.view.id", "quire.command.id", "quire.stage.id", "quire.model.id",
            Constants.SERVICE_PID, "component.name");

    @Reference
    private GuardedCalls guard;

    private BundleContext context;
    private Optional<Path> pluginsFolder = Optional.empty();
    private Optional<Path> disabledFile = Optional.empty();
    private final Set<String> disabled = new TreeSet<>();

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        pluginsFolder = Optional.ofNullable(context.getProperty("felix.fileinstall.dir"))
                .map(dir -> Path.of(dir).toAbsolutePath().normalize());
        disabledFile = Optional.ofNullable(context.getProperty("quire.workspace"))
                .map(dir -> Path.of(dir).resolve("disabled-plugins.txt"));
        disabledFile.filter(Files::isRegularFile).ifPresent(file -> {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty()).forEach(disabled::add);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read " + file + "; every plugin is enabled", e);
            }
        });
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                stopIfDisabled(bundle);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTED) {
            stopIfDisabled(event.getBundle());
        }
    }

    private void stopIfDisabled(Bundle bundle) {
        boolean isDisabled;
        synchronized (disabled) {
            isDisabled = disabled.contains(bundle.getSymbolicName());
        }
        if (isDisabled && isPlugin(bundle)) {
            // off the listener's thread: stopping a bundle from its own STARTED event is not allowed
            Thread stopper = new Thread(() -> {
                try {
                    bundle.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(Level.WARNING, "cannot stop disabled plugin " + bundle.getSymbolicName(), e);
                }
            }, "quire-disable-plugin");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (isPlugin(bundle)) {
                plugins.add(describe(bundle));
            }
        }
        return plugins;
    }

    /** Whether the bundle came from the plugins folder. */
    boolean isPlugin(Bundle bundle) {
        if (bundle.getBundleId() == 0 || pluginsFolder.isEmpty()) {
            return false;
        }
        return locationPath(bundle.getLocation()).map(path -> path.startsWith(pluginsFolder.get())).orElse(false);
    }

    private static Optional<Path> locationPath(String location) {
        try {
            String uri = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
            return uri.startsWith("file:") ? Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private PluginInfo describe(Bundle bundle) {
        String name = bundle.getSymbolicName() == null ? bundle.getLocation() : bundle.getSymbolicName();
        List<PluginProblem> problems = new ArrayList<>(guard.problemsOf(name));
        if (bundle.getState() == Bundle.INSTALLED) {
            unresolvedReason(bundle).ifPresent(reason -> problems.add(new PluginProblem(name,
                    PluginProblem.Kind.UNRESOLVED, "resolve", reason, Instant.now())));
        }
        boolean isDisabled;
        synchronized (disabled) {
            isDisabled = disabled.contains(name);
        }
        return new PluginInfo(bundle.getBundleId(), name, bundle.getVersion().toString(), bundle.getLocation(),
                state(bundle.getState()), isDisabled, contributions(bundle), problems);
    }

    /** Why the framework cannot resolve the bundle, in its own words (the missing requirement). */
    private Optional<String> unresolvedReason(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (wiring.resolveBundles(List.of(bundle))) {
            return Optional.empty();
        }
        try {
            // starting is how Felix tells why: the exception names the missing requirement
            bundle.start(Bundle.START_TRANSIENT);
            return Optional.empty();
        } catch (BundleException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<String> contributions(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services == null) {
            return List.of();
        }
        List<String> contributions = new ArrayList<>();
        for (ServiceReference<?> service : services) {
            String[] classes = (String[]) service.getProperty(Constants.OBJECTCLASS);
            String kind = classes[0].substring(classes[0].lastIndexOf('.') + 1);
            String named = NAMING_PROPERTIES.stream().map(service::getProperty)
                    .filter(value -> value != null).map(String::valueOf).findFirst().orElse("");
            contributions.add(named.isEmpty() ? kind : kind + " " + named);
        }
        return contributions;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public void disable(long bundleId) throws Exception {
        Bundle bundle = plugin(bundleId);
        synchronized (disabled) {
            disabled.add(bundle.getSymbolicName());
            save();
        }
        bundle.stop(Bundle.STOP_TRANSIENT);
    }

    @Override
    public void enable(long bundleId) throws Exception {
        Bundle bundle = plugin(bundleId);
        synchronized (disabled) {
            disabled.remove(bundle.getSymbolicName());
            save();
        }
        bundle.start(Bundle.START_TRANSIENT);
    }

    private Bundle plugin(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null || !isPlugin(bundle)) {
            throw new IllegalArgumentException("no plugin has bundle id " + bundleId);
        }
        return bundle;
    }

    /** Writes the disabled list atomically: a crash leaves the old list or the new one. */
    private void save() throws IOException {
        if (disabledFile.isEmpty()) {
            return;
        }
        Path file = disabledFile.get();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, String.join("\n", disabled) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
