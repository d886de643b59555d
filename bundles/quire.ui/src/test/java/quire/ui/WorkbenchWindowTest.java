package quire.ui;

import quire.testing.VirtualDisplay;
import quire.testing.SampleReferences;
import quire.testing.MemoryLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.api.export.ExportService;
import quire.api.export.Exporter;
import quire.api.importing.ImportOptions;
import quire.api.importing.ImportReport;
import quire.api.importing.ImportService;
import quire.api.importing.ImporterInfo;
import quire.api.importing.Seeds;
import quire.api.library.Library;
import quire.api.work.CancelledException;
import quire.ui.api.Command;
import quire.ui.api.MenuContribution;
import quire.ui.api.Placement;
import quire.ui.api.ToolbarContribution;
import quire.ui.api.View;
import quire.ui.api.ViewContext;
import quire.ui.api.WorkbenchContext;

/**
 * The workbench shell on a real display (its own Xvfb), without OSGi: contributions are added and removed as the
 * component's whiteboard bindings do it, and widgets are driven with SWT events.
 */
class WorkbenchWindowTest {

    private static Display display;

    @TempDir
    Path workspace;

    private WorkbenchWindow window;
    private final List<List<Path>> imported = new ArrayList<>();

    @BeforeAll
    static void openDisplay() throws Exception {
        VirtualDisplay.ensure();
        display = new Display();
    }

    @AfterAll
    static void closeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    private record Services(Library library, Optional<Seeds> seeds, Optional<ImportService> importing,
            Optional<ExportService> exporting, List<Exporter> exporters) implements WindowServices {
    }

    private WorkbenchWindow open() {
        ImportService importing = new ImportService() {
            @Override
            public List<ImporterInfo> importers() {
                return List.of(new ImporterInfo("bibtex", "BibTeX", List.of("bib"), "quire.importer.bibtex"),
                        new ImporterInfo("ris", "RIS", List.of("ris"), "quire.importer.ris"));
            }

            @Override
            public Optional<String> detect(Path file) {
                return Optional.of("ris");
            }

            @Override
            public ImportReport importFile(Path file, Optional<String> format, ImportOptions options,
                    quire.api.work.Progress progress) {
                synchronized (imported) {
                    imported.add(List.of(file));
                }
                return new ImportReport(file.getFileName().toString(), "ris", 3, 3, 0, List.of(), false);
            }
        };
        window = new WorkbenchWindow(display, new Services(new MemoryLibrary(workspace, SampleReferences.samples(0, 20)),
                Optional.empty(), Optional.of(importing), Optional.empty(), List.of()), "1.0.0");
        window.open();
        pump(100);
        return window;
    }

    /** A view that shows a label and counts how often it was built and disposed. */
    private static final class LabelView implements View {
        final String id;
        final Placement placement;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger disposed = new AtomicInteger();
        volatile ViewContext context;

        LabelView(String id, Placement placement) {
            this.id = id;
            this.placement = placement;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return "View " + id;
        }

        @Override
        public Placement placement() {
            return placement;
        }

        @Override
        public Control createControl(Composite parent, ViewContext viewContext) {
            context = viewContext;
            created.incrementAndGet();
            Label label = new Label(parent, SWT.NONE);
            label.setText("selected: none");
            viewContext.workbench().watch(WorkbenchContext.Aspect.SELECTION,
                    () -> label.setText("selected: " + viewContext.workbench().selection()));
            return label;
        }

        @Override
        public void dispose() {
            disposed.incrementAndGet();
        }
    }

    private static final class CountingCommand implements Command, MenuContribution, ToolbarContribution {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String id() {
            return "test.count";
        }

        @Override
        public String label() {
            return "Count";
        }

        @Override
        public Optional<String> keyBinding() {
            return Optional.of("Ctrl+Shift+H");
        }

        @Override
        public boolean enabled(WorkbenchContext context) {
            return !context.selection().isEmpty();
        }

        @Override
        public void execute(WorkbenchContext context) {
            runs.incrementAndGet();
            context.showStatus("counted " + context.selection().size());
        }

        @Override
        public String menu() {
            return "Tools";
        }

        @Override
        public String commandId() {
            return id();
        }

        @Override
        public int order() {
            return 500;
        }
    }

    @Test
    void viewsCommandsMenusAndToolItemsAppearAndDisappearLive() {
        open();
        LabelView view = new LabelView("test.notes", Placement.BOTTOM);
        assertFalse(window.areaVisible(Placement.BOTTOM), "an empty area is hidden");
        window.addView(view);
        pump(50);
        assertEquals(List.of(view), window.views(Placement.BOTTOM));
        assertTrue(window.areaVisible(Placement.BOTTOM));
        assertEquals(1, view.created.get());
        CTabItem tab = window.area(Placement.BOTTOM).getItem(0);
        assertEquals("View test.notes", tab.getText());

        // the view follows the shared context
        window.context().setSelection(List.of("ref-1", "ref-2"));
        pump(50);
        Label label = WorkbenchWindow.find(tab.getControl(), Label.class);
        assertEquals("selected: [ref-1, ref-2]", label.getText());

        CountingCommand command = new CountingCommand();
        window.addCommand(command);
        window.addMenuContribution(command);
        window.addToolbarContribution(command);
        pump(50);
        MenuItem tools = menu("&Tools");
        assertEquals("Count\tCtrl+Shift+H", tools.getMenu().getItem(0).getText());
        assertTrue(Arrays.stream(window.toolBar().getItems()).anyMatch(i -> i.getText().equals("Count")));

        // the key binding runs it, from any widget of the window but a text field
        pressKey(tab.getControl(), 'h', SWT.MOD1 | SWT.MOD2);
        assertEquals(1, command.runs.get());
        pump(50);
        assertEquals("counted 2", window.statusText().getText());
        // disabled when nothing is selected: the key says so instead
        window.context().setSelection(List.of());
        pump(50);
        ToolItem button = Arrays.stream(window.toolBar().getItems()).filter(i -> i.getText().equals("Count"))
                .findFirst().orElseThrow();
        assertFalse(button.getEnabled());
        pressKey(tab.getControl(), 'h', SWT.MOD1 | SWT.MOD2);
        assertEquals(1, command.runs.get());
        assertEquals("Count is not available now", window.statusText().getText());

        // unregistered: gone, and the view was told
        window.removeView(view);
        window.removeCommand(command);
        window.removeMenuContribution(command);
        window.removeToolbarContribution(command);
        pump(50);
        assertEquals(List.of(), window.views(Placement.BOTTOM));
        assertFalse(window.areaVisible(Placement.BOTTOM));
        assertEquals(1, view.disposed.get());
        assertTrue(label.isDisposed());
        assertTrue(Arrays.stream(window.shell().getMenuBar().getItems()).noneMatch(i -> i.getText().equals("&Tools")));
        assertTrue(Arrays.stream(window.toolBar().getItems()).noneMatch(i -> i.getText().equals("Count")));
        pressKey(window.area(Placement.CENTRE), 'h', SWT.MOD1 | SWT.MOD2);
        assertEquals(1, command.runs.get());
    }

    @Test
    void aThrowingContributionIsReportedAndTheRestCarriesOn() {
        open();
        View broken = new View() {
            @Override
            public String id() {
                return "test.broken";
            }

            @Override
            public String label() {
                return "Broken";
            }

            @Override
            public Placement placement() {
                return Placement.LEFT;
            }

            @Override
            public Control createControl(Composite parent, ViewContext context) {
                throw new IllegalStateException("no data source configured");
            }
        };
        window.addView(broken);
        pump(50);
        assertTrue(window.statusText().getText().contains("\"Broken\" failed to open: no data source configured"),
                window.statusText().getText());
        assertEquals(List.of(), window.views(Placement.LEFT));

        LabelView good = new LabelView("test.good", Placement.LEFT);
        window.addView(good);
        assertEquals(List.of(good), window.views(Placement.LEFT));

        Command failing = new Command() {
            @Override
            public String id() {
                return "test.fail";
            }

            @Override
            public String label() {
                return "Fail";
            }

            @Override
            public Optional<String> keyBinding() {
                return Optional.of("F7");
            }

            @Override
            public void execute(WorkbenchContext context) throws Exception {
                throw new java.io.IOException("disk full");
            }
        };
        window.addCommand(failing);
        pressKey(window.area(Placement.LEFT), SWT.F7, 0);
        pump(50);
        assertEquals("\"Fail\" failed: disk full", window.statusText().getText());
        // the window still works: another command runs
        CountingCommand command = new CountingCommand();
        window.addCommand(command);
        window.context().setSelection(List.of("ref-3"));
        pressKey(window.area(Placement.LEFT), 'h', SWT.MOD1 | SWT.MOD2);
        assertEquals(1, command.runs.get());
    }

    @Test
    void jobsShowProgressCancelAndNameWhatFailed() throws Exception {
        open();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> job = window.jobs().submit("Reindex the library", progress -> {
            progress.begin("Indexing", 100);
            progress.worked(40);
            progress.detail("40 references");
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.sleep(10);
            }
            throw new CancelledException("stopped");
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        waitUntil(() -> window.jobLine().contains("Reindex the library: Indexing — 40 references"));
        assertEquals(1, window.jobs().running().size());
        assertEquals(0.4, window.jobs().running().get(0).fraction(), 1e-9);
        window.jobCancelButton().notifyListeners(SWT.Selection, new Event());
        ExecutionException cancelled = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> job.get(5, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, cancelled.getCause());
        waitUntil(() -> window.jobLine().isEmpty());

        window.jobs().submit("Export included.bib", progress -> {
            throw new java.io.IOException("/nowhere/included.bib: No such file or directory");
        });
        waitUntil(() -> Arrays.stream(window.shell().getShells())
                .anyMatch(s -> s.getText().equals("Quire: Export included.bib failed")));
        Shell dialog = Arrays.stream(window.shell().getShells())
                .filter(s -> s.getText().equals("Quire: Export included.bib failed")).findFirst().orElseThrow();
        assertEquals("Export included.bib failed: /nowhere/included.bib: No such file or directory",
                dialog.getData("quire.error"));
        assertTrue(window.statusText().getText().startsWith("Export included.bib failed"));
        dialog.close();
    }

    @Test
    void theLayoutIsRememberedPerWorkspace() throws Exception {
        open();
        window.addView(new LabelView("a", Placement.LEFT));
        window.addView(new LabelView("b", Placement.BOTTOM));
        window.setAreaHidden(Placement.BOTTOM, true);
        assertFalse(window.areaVisible(Placement.BOTTOM));
        window.shell().setSize(1000, 700);
        pump(100);
        window.close();
        assertTrue(Files.exists(workspace.resolve(WindowLayout.FILE)));
        assertFalse(Files.exists(workspace.resolve(WindowLayout.FILE + ".tmp")));

        open();
        LabelView bottom = new LabelView("b", Placement.BOTTOM);
        window.addView(new LabelView("a", Placement.LEFT));
        window.addView(bottom);
        pump(100);
        assertFalse(window.areaVisible(Placement.BOTTOM), "the hidden area stays hidden");
        assertTrue(window.areaVisible(Placement.LEFT));
        assertEquals(1000, window.layout().width());
        assertEquals(700, window.layout().height());
        window.setAreaHidden(Placement.BOTTOM, false);
        assertTrue(window.areaVisible(Placement.BOTTOM), "and can be restored");
    }

    @Test
    void importListsTheInstalledImportersAndImportsAsJobs() throws Exception {
        open();
        window.openImportDialog();
        pump(50);
        Shell dialog = Arrays.stream(window.shell().getShells()).filter(s -> s.getText().equals("Import references"))
                .findFirst().orElseThrow();
        org.eclipse.swt.widgets.Table table = WorkbenchWindow.find(dialog, org.eclipse.swt.widgets.Table.class);
        assertEquals(2, table.getItemCount());
        assertEquals("bibtex", table.getItem(0).getText(0));
        assertEquals("ris", table.getItem(1).getText(0));
        dialog.close();

        Path folder = Files.createDirectories(workspace.resolve("drop"));
        Files.writeString(folder.resolve("a.ris"), "TY  - JOUR\nER  - \n");
        Files.writeString(folder.resolve("b.ris"), "TY  - JOUR\nER  - \n");
        window.importFiles(List.of(folder), Optional.empty()); // what a drop of the folder does
        waitUntil(() -> {
            synchronized (imported) {
                return imported.size() == 2;
            }
        });
        waitUntil(() -> window.statusText().getText().startsWith("Imported "));
    }

    @Test
    void preferencePagesAreListedAndApplied() {
        open();
        AtomicInteger applied = new AtomicInteger();
        quire.ui.api.PreferencePage keys = new quire.ui.api.PreferencePage() {
            @Override
            public String id() {
                return "test.keys";
            }

            @Override
            public String label() {
                return "Citation keys";
            }

            @Override
            public Control createControl(Composite parent, ViewContext context) {
                Label label = new Label(parent, SWT.NONE);
                label.setText("pattern");
                return label;
            }

            @Override
            public void apply() throws Exception {
                if (applied.incrementAndGet() == 1) {
                    throw new IllegalArgumentException("the pattern needs [auth]");
                }
            }
        };
        window.addPreferencePage(keys);
        window.run(window.command(WorkbenchWindow.PREFERENCES).orElseThrow());
        Shell dialog = Arrays.stream(window.shell().getShells()).filter(s -> s.getText().equals("Preferences"))
                .findFirst().orElseThrow();
        org.eclipse.swt.widgets.List names = WorkbenchWindow.find(dialog, org.eclipse.swt.widgets.List.class);
        assertEquals(List.of("Citation keys"), Arrays.asList(names.getItems()));
        org.eclipse.swt.widgets.Button ok = Arrays.stream(((Composite) dialog.getChildren()[3]).getChildren())
                .map(org.eclipse.swt.widgets.Button.class::cast).filter(b -> b.getText().equals("OK")).findFirst()
                .orElseThrow();
        ok.notifyListeners(SWT.Selection, new Event());
        assertFalse(dialog.isDisposed(), "a page that refuses keeps the dialog open");
        assertTrue(Arrays.stream(dialog.getChildren()).anyMatch(c -> c instanceof Label l
                && l.getText().contains("the pattern needs [auth]")));
        ok.notifyListeners(SWT.Selection, new Event());
        assertTrue(dialog.isDisposed());
        assertEquals(2, applied.get());
    }

    @Test
    void exportListsTheInstalledFormatsAndReplacesTheFileAtomically() throws Exception {
        ExportService exporting = new ExportService() {
            @Override
            public List<String> formats() {
                return List.of("biblatex", "bibtex");
            }

            @Override
            public quire.api.export.ExportReport export(quire.api.export.ExportSelection selection, String format,
                    quire.api.export.ExportOptions options, java.io.Writer out) throws java.io.IOException {
                out.write("@misc{" + selection.kind() + ":" + selection.value() + "}\n");
                return new quire.api.export.ExportReport(format, 1, java.util.Map.of());
            }
        };
        window = new WorkbenchWindow(display, new Services(new MemoryLibrary(workspace, SampleReferences.samples(0, 3)),
                Optional.empty(), Optional.empty(), Optional.of(exporting), List.of()), "1.0.0");
        window.open();
        window.context().setQuery("author:barez");
        window.openExportDialog();
        pump(50);
        Shell dialog = Arrays.stream(window.shell().getShells()).filter(s -> s.getText().equals("Export references"))
                .findFirst().orElseThrow();
        org.eclipse.swt.widgets.Table formats = WorkbenchWindow.find(dialog, org.eclipse.swt.widgets.Table.class);
        assertEquals(2, formats.getItemCount());
        assertEquals("bibtex", formats.getItem(1).getText(0));
        dialog.close();

        Path file = Files.writeString(workspace.resolve("out.bib"), "old");
        ExportDialog.export(exporting, window.jobs(), window.context(),
                quire.api.export.ExportSelection.query(ExportDialog.currentQuery(window.context())), "bibtex", file);
        waitUntil(() -> window.statusText().getText().startsWith("Exported 1 references"));
        assertEquals("@misc{QUERY:author:barez}\n", Files.readString(file));
        assertFalse(Files.exists(workspace.resolve(".out.bib.tmp")));
    }

    private MenuItem menu(String text) {
        return Arrays.stream(window.shell().getMenuBar().getItems()).filter(i -> i.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no menu " + text));
    }

    private static void pressKey(Control control, int key, int modifiers) {
        Event event = new Event();
        event.keyCode = key;
        event.character = key < 0x10000 ? (char) key : 0;
        event.stateMask = modifiers;
        control.notifyListeners(SWT.KeyDown, event);
    }

    private static void pump(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out");
            }
            pump(20);
        }
    }
}
