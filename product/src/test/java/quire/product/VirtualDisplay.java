package quire.product;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An X display for window tests: the one in DISPLAY when there is one, else a private Xvfb started here (CI and
 * fresh machines have Xvfb installed but no display). Without either, the test fails and says what to install.
 */
final class VirtualDisplay implements AutoCloseable {

    private final String display;
    private final Process xvfb;

    private VirtualDisplay(String display, Process xvfb) {
        this.display = display;
        this.xvfb = xvfb;
    }

    static VirtualDisplay open() throws IOException, InterruptedException {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new VirtualDisplay(existing, null);
        }
        for (int n = 91; n < 120; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process process;
            try {
                process = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("window tests need an X display: set DISPLAY, or install Xvfb "
                        + "(apt-get install xvfb xauth libgtk-3-0); .ci/run does this", e);
            }
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int wait = 0; wait < 100 && process.isAlive() && !Files.exists(socket); wait++) {
                Thread.sleep(50);
            }
            if (process.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(":" + n, process);
            }
            process.destroyForcibly();
        }
        throw new AssertionError("could not start Xvfb on any display :91-:119");
    }

    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
