package quire.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import quire.api.export.ExportOptions;
import quire.api.export.ExportReport;
import quire.api.export.ExportSelection;
import quire.api.export.ExportService;
import quire.api.export.Exporter;
import quire.api.work.Jobs;
import quire.ui.api.WorkbenchContext;

/**
 * File &gt; Export: the exporters installed right now, which references (all, the current search, a tag, a
 * decision), and the file; the export runs as a job and replaces the file atomically.
 */
final class ExportDialog {

    private final Shell dialog;
    private final Table formats;
    private final ExportService service;
    private final WorkbenchContext context;
    private final Jobs jobs;
    private final Button all;
    private final Button search;
    private final Button tag;
    private final Text tagName;
    private final Button decision;
    private final Combo decisionValue;

    ExportDialog(Shell parent, ExportService service, List<Exporter> exporters, WorkbenchContext context, Jobs jobs) {
        this.service = service;
        this.context = context;
        this.jobs = jobs;
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.PRIMARY_MODAL);
        dialog.setText("Export references");
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 14;
        layout.marginHeight = 12;
        dialog.setLayout(layout);

        formats = new Table(dialog, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        formats.setHeaderVisible(true);
        formats.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 120;
        tableData.widthHint = 520;
        formats.setLayoutData(tableData);
        for (String header : List.of("Format", "Name", "Extension")) {
            new TableColumn(formats, SWT.LEFT).setText(header);
        }
        for (String format : service.formats()) {
            Optional<Exporter> exporter = exporters.stream().filter(x -> format.equals(x.format())).findFirst();
            TableItem item = new TableItem(formats, SWT.NONE);
            item.setText(new String[] {format, exporter.map(Exporter::label).orElse(format),
                    exporter.map(Exporter::extension).orElse("txt")});
        }
        if (formats.getItemCount() > 0) {
            formats.select(0);
        }
        for (TableColumn column : formats.getColumns()) {
            column.pack();
        }

        String current = currentQuery(context);
        all = radio("All references");
        search = radio(current.isEmpty() ? "The current search (none)" : "The current search: " + current);
        search.setEnabled(!current.isEmpty());
        tag = radio("The references tagged");
        tagName = new Text(dialog, SWT.BORDER);
        tagName.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tagName.addListener(SWT.Modify, e -> select(tag));
        decision = radio("The references screened as");
        decisionValue = new Combo(dialog, SWT.READ_ONLY);
        decisionValue.setItems("include", "exclude", "maybe");
        decisionValue.select(0);
        decisionValue.addListener(SWT.Selection, e -> select(decision));
        select(current.isEmpty() ? all : search);

        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new GridLayout(2, true));
        Button export = new Button(buttons, SWT.PUSH);
        export.setText("Export…");
        export.setEnabled(formats.getItemCount() > 0);
        export.addListener(SWT.Selection, e -> chooseFile());
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(export);
    }

    private Button radio(String text) {
        Button button = new Button(dialog, SWT.RADIO);
        button.setText(text);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false,
                text.startsWith("All") || text.startsWith("The current") ? 2 : 1, 1));
        return button;
    }

    private void select(Button chosen) {
        for (Button button : List.of(all, search, tag, decision)) {
            button.setSelection(button == chosen);
        }
    }

    /** The search box's query and the facets' filter, as one query. */
    static String currentQuery(WorkbenchContext context) {
        String query = context.query();
        String filter = context.filter();
        if (query.isEmpty() || filter.isEmpty()) {
            return query.isEmpty() ? filter : query;
        }
        return "(" + query + ") AND (" + filter + ")";
    }

    /** The selection the dialog shows; fails for a tag left empty. */
    ExportSelection selection() {
        if (search.getSelection()) {
            return ExportSelection.query(currentQuery(context));
        }
        if (tag.getSelection()) {
            return ExportSelection.tag(tagName.getText());
        }
        if (decision.getSelection()) {
            return ExportSelection.decision(decisionValue.getText());
        }
        return ExportSelection.all();
    }

    private void chooseFile() {
        int index = formats.getSelectionIndex();
        if (index < 0) {
            return;
        }
        String format = formats.getItem(index).getText(0);
        String extension = formats.getItem(index).getText(2);
        ExportSelection selection;
        try {
            selection = selection();
        } catch (IllegalArgumentException e) {
            context.showError("Cannot export: " + e.getMessage());
            return;
        }
        FileDialog files = new FileDialog(dialog, SWT.SAVE);
        files.setText("Export references as " + format);
        files.setFilterExtensions(new String[] {"*." + extension, "*"});
        files.setFileName("references." + extension);
        files.setOverwrite(true);
        String chosen = files.open();
        if (chosen == null) {
            return;
        }
        dialog.close();
        export(service, jobs, context, selection, format, Path.of(chosen));
    }

    /** Exports as a job: into a temporary file next to the target, fsynced, then renamed over it. */
    static void export(ExportService service, Jobs jobs, WorkbenchContext context, ExportSelection selection,
            String format, Path file) {
        String name = "Export " + file.getFileName();
        jobs.submit(name, progress -> {
            progress.begin("Writing " + file.getFileName(), -1);
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            ExportReport report;
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                                Channels.newOutputStream(channel), StandardCharsets.UTF_8))) {
                    report = service.export(selection, format, ExportOptions.NONE, out);
                    out.flush();
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return report;
        }).thenAccept(report -> context.showStatus("Exported " + report.exported() + " references to " + file));
    }

    void open() {
        dialog.pack();
        Shell parent = (Shell) dialog.getParent();
        dialog.setLocation(parent.getBounds().x + 80, parent.getBounds().y + 60);
        dialog.open();
    }

    Shell shell() {
        return dialog;
    }

    /** The formats listed, in order. */
    List<String> formats() {
        List<String> list = new ArrayList<>();
        for (TableItem item : formats.getItems()) {
            list.add(item.getText(0));
        }
        return list;
    }

}
