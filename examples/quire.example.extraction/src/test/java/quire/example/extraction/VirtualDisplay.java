package quire.example.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.internal.gtk.OS;

/**
 * An X display for the SWT tests: the one in DISPLAY when there is one, else a private Xvfb started here, so that
 * {@code ./mvnw verify} passes on a machine with Xvfb but no display. GTK reads DISPLAY from the C environment,
 * which Java cannot change; SWT's own binding of {@code setenv} (internal, used here in tests only) can.
 */
final class VirtualDisplay {

    private static Process xvfb;

    private VirtualDisplay() {
    }

    /** Makes sure GTK will find a display; call before the first {@code new Display()}. */
    static synchronized void ensure() throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if ((existing != null && !existing.isBlank()) || xvfb != null) {
            return;
        }
        for (int n = 210; n < 220; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process process;
            try {
                process = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("the view test needs an X display: set DISPLAY, or install Xvfb "
                        + "(apt-get install xvfb xauth libgtk-3-0); .ci/run does this", e);
            }
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int wait = 0; wait < 100 && process.isAlive() && !Files.exists(socket); wait++) {
                Thread.sleep(50);
            }
            if (process.isAlive() && Files.exists(socket)) {
                xvfb = process;
                OS.setenv(bytes("DISPLAY"), bytes(":" + n), 1);
                OS.setenv(bytes("NO_AT_BRIDGE"), bytes("1"), 1);
                Runtime.getRuntime().addShutdownHook(new Thread(VirtualDisplay::stop));
                return;
            }
            process.destroyForcibly();
        }
        throw new AssertionError("could not start Xvfb on any display :210-:219");
    }

    private static byte[] bytes(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static synchronized void stop() {
        if (xvfb != null) {
            xvfb.destroy();
            try {
                xvfb.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
