package quire.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** {@code quire [--workspace DIR] [--verbose] [--headless] [--screenshot FILE] [COMMAND [ARGS]]} */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (LaunchOptions.UsageError e) {
            err.println(e.getMessage());
            return 2;
        }
        Logger.getLogger("").setLevel(options.verbose() ? Level.INFO : Level.WARNING);
        Path home = home();
        Map<String, String> properties = new HashMap<>();
        Path workspace;
        if (options.workspace().isPresent()) {
            workspace = options.workspace().get().toAbsolutePath().normalize();
        } else {
            workspace = Path.of(System.getProperty("user.home"), ".quire", "workspace");
            properties.put("quire.seeds", home.resolve("seeds").toString()); // only the default one is seeded
        }
        properties.put("quire.workspace", workspace.toString());
        properties.put("gosh.args", options.opensConsole() ? "" : "--nointeractive");
        properties.put("felix.log.level", options.verbose() ? "3" : "1");
        options.screenshot().ifPresent(png -> properties.put("quire.ui.screenshot", png.toAbsolutePath().toString()));
        List<String> features = Launcher.FEATURES.stream()
                .filter(f -> !(options.headless() && f.equals("ui")))
                .filter(f -> home.resolve("bundles").resolve(f).toFile().isDirectory())
                .toList();

        Launcher launcher = new Launcher(home, properties, features, Set.of(), err);
        Thread stopper = new Thread(launcher::close, "quire-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            BundleContext context = launcher.start();
            if (options.verbose()) {
                long active = java.util.Arrays.stream(context.getBundles())
                        .filter(b -> b.getState() == Bundle.ACTIVE).count();
                err.printf("quire: %d bundles started in %d ms (%d active, features %s, workspace %s)%n",
                        context.getBundles().length, launcher.startMillis(), active, String.join(",", features),
                        workspace);
            }
            if (options.opensConsole()) {
                launcher.framework().waitForStop(0); // Gogo owns the terminal until 'stop 0' or exit
                return 0;
            }
            if (options.opensWindow()) {
                return openWindow(launcher, context, err);
            }
            return launcher.runCommand(options.command(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("quire: could not start: " + e.getMessage());
            return 1;
        } finally {
            launcher.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private static int openWindow(Launcher launcher, BundleContext context, PrintStream err)
            throws InterruptedException {
        boolean uiInstalled = java.util.Arrays.stream(context.getBundles())
                .anyMatch(b -> "quire.ui".equals(b.getSymbolicName()));
        if (!uiInstalled) {
            err.println("quire: this product has no window (the ui feature is not installed); 'quire help' lists "
                    + "the commands");
            return 2;
        }
        MainThreadExecutor mainThread = new MainThreadExecutor();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("quire.thread", "main");
        context.registerService(Executor.class, mainThread, properties);
        mainThread.runUntil(() -> (launcher.framework().getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0);
        return 0;
    }

    /** The distribution folder: -Dquire.home, else the folder of the launcher jar. */
    static Path home() {
        String configured = System.getProperty("quire.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the launcher lives", e);
        }
    }
}
