package quire.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.product.Distribution.Result;

/**
 * The real window, in its own process, with a plugins folder of its own: a bundle dropped there while the window
 * is open adds its view, its command and its menu, and removing it takes them away; then the citation view is
 * screened with the keyboard alone (SWT key events on the real table) against the real review, and after a restart
 * the window shows the 20 decisions. A small driver bundle, dropped into the same folder, reports what the window
 * shows (its menus, tabs, rows) and presses the keys on the UI thread.
 */
class WorkbenchPluginsIT {

    private static final long PATIENCE_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void pluginsComeAndGoLiveAndKeyboardScreeningIsDurable() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path workspace = dir.resolve("W");
        Path dist = distributionWithOwnPlugins();
        Path plugins = dist.resolve("plugins");

        // a review with one reviewer, on the listing's 50 papers
        assertEquals(0, Distribution.run(home, "--workspace", workspace.toString(), "import",
                Distribution.SEED_LISTING.toString()).exitCode());
        assertEquals(0, Distribution.run(home, "--workspace", workspace.toString(), "review", "protocol", "add",
                "reviewer", "AB", "Ann Bee").exitCode());
        Result chosen = Distribution.run(home, "--workspace", workspace.toString(), "review", "reviewer", "AB");
        assertEquals(0, chosen.exitCode(), chosen::toString);

        String ui = "quire.ui.api.";
        Map<String, String> imports = Map.of("Import-Package", "org.eclipse.swt,org.eclipse.swt.widgets,"
                + "org.eclipse.swt.custom,org.eclipse.swt.graphics,quire.ui.api,org.osgi.framework");
        Result search = Distribution.run(home, "--workspace", workspace.toString(), "search", "author:barez",
                "--limit", "1000", "--format", "json");
        int barez = new ObjectMapper().readTree(search.out()).size();
        assertTrue(barez > 0 && barez < 50, search::toString);

        Path driver = TestBundles.build(dir, "quire.test.driver", Map.of("quire.test.driver.DriverView", DRIVER),
                imports, Map.of("driver.xml", TestBundles.component("quire.test.driver",
                        "quire.test.driver.DriverView", ui + "View", Map.of())));
        Path hello = TestBundles.build(dir, "acme.hello",
                Map.of("acme.hello.HelloView", HELLO_VIEW, "acme.hello.GreetCommand", GREET_COMMAND), imports,
                Map.of("view.xml", TestBundles.component("acme.hello.view", "acme.hello.HelloView", ui + "View",
                        Map.of()), "command.xml", TestBundles.component("acme.hello.greet",
                        "acme.hello.GreetCommand", ui + "Command," + ui + "MenuContribution", Map.of())));
        Files.copy(driver, plugins.resolve("quire.test.driver.jar"));

        try (VirtualDisplay display = VirtualDisplay.open()) {
            Process window = startWindow(dist, home, workspace, display.display());
            try {
                String state = waitForState(home, s -> s.contains(" Facets") && s.contains(" Citations")
                        && s.contains(" Details") && s.contains("rows: 50"));
                assertFalse(line(state, "tabs:").contains(" Hello"), state);

                Files.copy(hello, plugins.resolve("acme.hello.jar"));
                state = waitForState(home, s -> line(s, "tabs:").contains(" Hello")
                        && s.contains("Acme [Greet\tCtrl+Shift+G]"));
                command(home, "key Ctrl+Shift+G");
                waitForState(home, s -> s.contains("status: Hello, reviewer"));

                Files.delete(plugins.resolve("acme.hello.jar"));
                state = waitForState(home, s -> !line(s, "tabs:").contains(" Hello")
                        && !line(s, "menus:").contains("Acme"));
                assertTrue(state.contains("Citations"), "the rest of the window carries on: " + state);

                // search as you type, in the real window with the real index
                command(home, "search author:barez");
                waitForState(home, s -> s.contains("hits: " + barez + " of 50 match") && s.contains("rows: " + barez));
                command(home, "search author:(barez");
                state = waitForState(home, s -> line(s, "error:").startsWith("error: Cannot search: "));
                assertTrue(line(state, "error:").contains("at character"), state);
                command(home, "search");
                waitForState(home, s -> s.contains("rows: 50") && line(s, "error:").equals("error: "));

                command(home, "screen 20");
                String screened = waitForFile(home.resolve("screened.txt"));
                assertEquals("cursor 20; decisions " + "Include ".repeat(20).strip(), screened);
                command(home, "screenshot " + Path.of("target", "screenshots", "screening.png").toAbsolutePath());
                waitForFile(home.resolve("screenshot.txt"));
                command(home, "close");
                assertTrue(window.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "the window closes");
                assertEquals(0, window.exitValue(), () -> output(home));
            } finally {
                window.destroyForcibly();
            }

            // durable: the review's log has them, and a new window shows them
            Result decisions = Distribution.run(home, "--workspace", workspace.toString(), "review", "decisions",
                    "--format", "json");
            assertEquals(0, decisions.exitCode(), decisions::toString);
            JsonNode log = new ObjectMapper().readTree(decisions.out());
            assertEquals(20, log.size(), decisions.out());
            for (JsonNode decision : log) {
                assertEquals("include", decision.path("verdict").asText(), decision.toString());
                assertEquals("AB", decision.path("reviewer").asText(), decision.toString());
            }

            Files.deleteIfExists(home.resolve("window-state.txt"));
            Process again = startWindow(dist, home, workspace, display.display());
            try {
                waitForState(home, s -> s.contains("rows: 50"));
                command(home, "report");
                assertEquals("decisions " + "Include ".repeat(20).strip() + " | next",
                        waitForFile(home.resolve("report.txt")));
                command(home, "close");
                assertTrue(again.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
            } finally {
                again.destroyForcibly();
            }
        }
    }

    /** The distribution's bundles, configuration and seeds, with a plugins folder for this test alone. */
    private Path distributionWithOwnPlugins() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        for (String part : List.of("bundles", "conf", "lib", "seeds")) {
            Files.createSymbolicLink(dist.resolve(part), Distribution.HOME.resolve(part));
        }
        Files.createDirectories(dist.resolve("plugins"));
        return dist;
    }

    /** The window process running now, for a thread dump when it does not get where the test waits for. */
    private static volatile Process running;

    private static Process startWindow(Path dist, Path home, Path workspace, String display) throws IOException {
        List<String> command = new java.util.ArrayList<>(Distribution.javaCommand(home));
        command.add(command.indexOf("-jar"), "-Dquire.home=" + dist);
        command.add("--workspace");
        command.add(workspace.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(Distribution.REPO.toFile());
        builder.environment().remove("QUIRE_WORKSPACE");
        builder.environment().put("DISPLAY", display);
        builder.environment().put("NO_AT_BRIDGE", "1");
        builder.redirectOutput(home.resolve("window-out.txt").toFile());
        builder.redirectError(home.resolve("window-err.txt").toFile());
        running = builder.start();
        return running;
    }

    /** The line of the driver's report that starts so. */
    private static String line(String state, String start) {
        return state.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
    }

    private static void command(Path home, String command) throws IOException {
        Path temp = home.resolve("driver-command.tmp");
        Files.writeString(temp, command);
        Files.move(temp, home.resolve("driver-command.txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String waitForState(Path home, Predicate<String> condition) throws Exception {
        Path file = home.resolve("window-state.txt");
        long end = System.currentTimeMillis() + PATIENCE_SECONDS * 1000;
        String state = "";
        while (System.currentTimeMillis() < end) {
            if (Files.exists(file)) {
                state = Files.readString(file);
                if (condition.test(state)) {
                    return state;
                }
            }
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        throw new AssertionError("the window never got there; it shows:\n" + state + "\n2 s later:\n"
                + (Files.exists(file) ? Files.readString(file) : "") + "\ncommand waiting: "
                + (Files.exists(home.resolve("driver-command.txt")) ? Files.readString(home.resolve("driver-command.txt"))
                        : "none") + "\n" + output(home));
    }

    private static String waitForFile(Path file) throws Exception {
        long end = System.currentTimeMillis() + PATIENCE_SECONDS * 1000;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + file + "\n" + output(file.getParent()));
    }

    private static String output(Path home) {
        try {
            String error = Files.exists(home.resolve("driver-error.txt")) ? Files.readString(home.resolve("driver-error.txt")) : "";
            String log = Files.exists(home.resolve("driver-log.txt")) ? Files.readString(home.resolve("driver-log.txt")) : "";
            return "driver: " + error + "\ndriver log:\n" + log + "\nwindow threads:\n" + threads() + "\nstdout: " + Files.readString(home.resolve("window-out.txt"))
                    + "\nstderr: " + Files.readString(home.resolve("window-err.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The window process's UI thread and the citation view's thread, from jstack. */
    private static String threads() {
        Process window = running;
        if (window == null || !window.isAlive()) {
            return "(no window process)";
        }
        try {
            Path javaBin = Path.of(ProcessHandle.current().info().command().orElse("java"));
            Process jstack = new ProcessBuilder(javaBin.resolveSibling("jstack").toString(), Long.toString(window.pid()))
                    .redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder wanted = new StringBuilder();
            for (String block : dump.split("\n\n")) {
                if (block.startsWith("\"main\"") || block.startsWith("\"quire-citations")) {
                    wanted.append(block).append("\n\n");
                }
            }
            return wanted.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static final String HELLO_VIEW = """
            package acme.hello;

            import org.eclipse.swt.SWT;
            import org.eclipse.swt.widgets.Composite;
            import org.eclipse.swt.widgets.Control;
            import org.eclipse.swt.widgets.Label;
            import quire.ui.api.Placement;
            import quire.ui.api.View;
            import quire.ui.api.ViewContext;

            public final class HelloView implements View {
                public String id() { return "acme.hello"; }
                public String label() { return "Hello"; }
                public Placement placement() { return Placement.RIGHT; }
                public Control createControl(Composite parent, ViewContext context) {
                    Label label = new Label(parent, SWT.NONE);
                    label.setText("Hello from a plugin");
                    return label;
                }
            }
            """;

    private static final String GREET_COMMAND = """
            package acme.hello;

            import java.util.Optional;
            import quire.ui.api.Command;
            import quire.ui.api.MenuContribution;
            import quire.ui.api.WorkbenchContext;

            public final class GreetCommand implements Command, MenuContribution {
                public String id() { return "acme.hello.greet"; }
                public String label() { return "Greet"; }
                public Optional<String> keyBinding() { return Optional.of("Ctrl+Shift+G"); }
                public void execute(WorkbenchContext context) { context.showStatus("Hello, reviewer"); }
                public String menu() { return "Acme"; }
                public String commandId() { return id(); }
            }
            """;

    /** Reports the window's menus, tabs, rows and status every 200 ms, and runs the test's commands on the UI thread. */
    private static final String DRIVER = """
            package quire.test.driver;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;
            import org.eclipse.swt.SWT;
            import org.eclipse.swt.custom.CTabFolder;
            import org.eclipse.swt.custom.CTabItem;
            import org.eclipse.swt.graphics.GC;
            import org.eclipse.swt.graphics.Image;
            import org.eclipse.swt.graphics.ImageData;
            import org.eclipse.swt.graphics.ImageLoader;
            import org.eclipse.swt.graphics.Point;
            import org.eclipse.swt.graphics.Rectangle;
            import org.eclipse.swt.widgets.Composite;
            import org.eclipse.swt.widgets.Control;
            import org.eclipse.swt.widgets.Display;
            import org.eclipse.swt.widgets.Event;
            import org.eclipse.swt.widgets.Label;
            import org.eclipse.swt.widgets.MenuItem;
            import org.eclipse.swt.widgets.Shell;
            import org.eclipse.swt.widgets.Table;
            import org.eclipse.swt.widgets.TableColumn;
            import org.eclipse.swt.widgets.Text;
            import quire.ui.api.Placement;
            import quire.ui.api.View;
            import quire.ui.api.ViewContext;

            public final class DriverView implements View {
                private final Path home = Path.of(System.getProperty("user.home"));
                private long ticks;

                public String id() { return "quire.test.driver"; }
                public String label() { return "Driver"; }
                public Placement placement() { return Placement.BOTTOM; }
                public int order() { return 900; }

                public Control createControl(Composite parent, ViewContext context) {
                    Label label = new Label(parent, SWT.NONE);
                    label.setText("test driver");
                    log("driver created in bundle " + org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleId());
                    label.addListener(SWT.Dispose, e -> log("driver disposed"));
                    Display display = parent.getDisplay();
                    Runnable[] tick = new Runnable[1];
                    tick[0] = () -> {
                        if (label.isDisposed()) {
                            return;
                        }
                        try {
                            step(label.getShell(), context, display);
                        } catch (Exception | Error e) {
                            write("driver-error.txt", e.toString());
                        }
                        display.timerExec(200, tick[0]);
                    };
                    display.timerExec(200, tick[0]);
                    return label;
                }

                private void step(Shell shell, ViewContext context, Display display) throws Exception {
                    ticks++;
                    StringBuilder state = new StringBuilder("menus:");
                    for (MenuItem item : shell.getMenuBar().getItems()) {
                        state.append(' ').append(item.getText().replace("&", ""));
                        if (item.getMenu() != null) {
                            StringBuilder items = new StringBuilder();
                            for (MenuItem sub : item.getMenu().getItems()) {
                                if (!sub.getText().isEmpty()) {
                                    items.append(items.length() == 0 ? "" : ", ").append(sub.getText());
                                }
                            }
                            state.append(" [").append(items).append(']');
                        }
                    }
                    state.append("\\ntabs:");
                    tabs(shell, state);
                    Table table = citations(shell);
                    state.append("\\nrows: ").append(table == null ? -1 : table.getItemCount());
                    if (table != null) {
                        Label[] labels = java.util.Arrays.stream(table.getParent().getChildren())
                                .filter(c -> c instanceof Label).toArray(Label[]::new);
                        state.append("\\nhits: ").append(labels[0].getText());
                        state.append("\\nerror: ").append(labels[1].getVisible() ? labels[1].getText() : "");
                        state.append("\\nquery: ").append(context.workbench().query()).append(" | box: ")
                                .append(java.util.Arrays.stream(table.getParent().getChildren())
                                        .filter(c -> c instanceof Text).map(c -> ((Text) c).getText()).findFirst()
                                        .orElse("?"));
                    }
                    state.append("\\nstatus: ").append(context.workbench().statusMessage().map(m -> m.text()).orElse(""));
                    state.append("\\ntick: ").append(ticks).append(" at ").append(java.time.LocalTime.now());
                    write("window-state.txt", state.toString());

                    Path command = home.resolve("driver-command.txt");
                    if (!Files.exists(command)) {
                        return;
                    }
                    String what = Files.readString(command).strip();
                    Files.delete(command);
                    log("ran " + what);
                    if (what.startsWith("screen ")) {
                        int count = Integer.parseInt(what.substring(7));
                        table.setFocus();
                        for (int i = 0; i < count; i++) {
                            key(table, 'i', 0);
                        }
                        write("screened.txt", "cursor " + table.getSelectionIndex() + "; decisions " + decisions(table, count));
                    } else if (what.startsWith("search")) {
                        for (Control child : table.getParent().getChildren()) {
                            if (child instanceof Text box) {
                                String query = what.length() > 7 ? what.substring(7) : "";
                                box.setText("");
                                for (int i = 1; i <= query.length(); i++) {
                                    box.setText(query.substring(0, i)); // as typed, a Modify event a key
                                }
                            }
                        }
                    } else if (what.equals("report")) {
                        write("report.txt", "decisions " + decisions(table, 20) + " | next " + decisionColumnText(table, 20));
                    } else if (what.startsWith("key ")) {
                        key(table, 'g', SWT.MOD1 | SWT.MOD2);
                    } else if (what.startsWith("screenshot ")) {
                        Path file = Path.of(what.substring(11));
                        screenshot(shell, file);
                        write("screenshot.txt", file.toString());
                    } else if (what.equals("close")) {
                        shell.close();
                    }
                }

                private static void key(Control control, int key, int modifiers) {
                    Event event = new Event();
                    event.keyCode = key;
                    event.character = (char) key;
                    event.stateMask = modifiers;
                    control.notifyListeners(SWT.KeyDown, event);
                }

                private static String decisions(Table table, int count) {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < count; i++) {
                        text.append(i == 0 ? "" : " ").append(decisionColumnText(table, i));
                    }
                    return text.toString();
                }

                private static String decisionColumnText(Table table, int row) {
                    TableColumn[] columns = table.getColumns();
                    for (int c = 0; c < columns.length; c++) {
                        if (columns[c].getText().equals("Decision")) {
                            return table.getItem(row).getText(c);
                        }
                    }
                    return "?";
                }

                private static void tabs(Control control, StringBuilder out) {
                    if (control instanceof CTabFolder folder && folder.getVisible()) {
                        for (CTabItem item : folder.getItems()) {
                            out.append(' ').append(item.getText());
                        }
                    }
                    if (control instanceof Composite composite) {
                        for (Control child : composite.getChildren()) {
                            tabs(child, out);
                        }
                    }
                }

                private static Table citations(Control control) {
                    if (control instanceof Table table && table.getVisible()) {
                        for (TableColumn column : table.getColumns()) {
                            if (column.getText().equals("Decision")) {
                                return table;
                            }
                        }
                    }
                    if (control instanceof Composite composite) {
                        for (Control child : composite.getChildren()) {
                            Table found = citations(child);
                            if (found != null) {
                                return found;
                            }
                        }
                    }
                    return null;
                }

                private static void screenshot(Shell shell, Path file) throws Exception {
                    shell.update();
                    Rectangle bounds = shell.getBounds();
                    Rectangle client = shell.getClientArea();
                    Point end = shell.toDisplay(client.x + client.width, client.y + client.height);
                    Rectangle area = new Rectangle(bounds.x, bounds.y, end.x - bounds.x, end.y - bounds.y)
                            .intersection(shell.getDisplay().getBounds());
                    Image image = new Image(shell.getDisplay(), area.width, area.height);
                    GC gc = new GC(shell.getDisplay());
                    gc.copyArea(image, area.x, area.y);
                    gc.dispose();
                    Files.createDirectories(file.getParent());
                    ImageLoader loader = new ImageLoader();
                    loader.data = new ImageData[] {image.getImageData()};
                    loader.save(file.toString(), SWT.IMAGE_PNG);
                    image.dispose();
                }

                private void log(String line) {
                    try {
                        Files.writeString(home.resolve("driver-log.txt"), line + "\\n",
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }

                public void dispose() {
                    log("view disposed by the workbench");
                }

                private void write(String name, String text) {
                    try {
                        Path temp = home.resolve(name + ".tmp");
                        Files.writeString(temp, text);
                        Files.move(temp, home.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            }
            """;
}
