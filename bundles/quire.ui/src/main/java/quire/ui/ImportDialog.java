package quire.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
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
import quire.api.importing.ImporterInfo;

/**
 * File &gt; Import: the importers installed right now, a format to read as (or detect), and the files to import.
 * The import itself runs as a job, one per file.
 */
final class ImportDialog {

    static final String DETECT = "Detect from the content";

    private final Shell dialog;
    private final Table importers;
    private final Combo format;

    /** @param chosen told the files and the format (empty: detect) when the user picks files */
    ImportDialog(Shell parent, List<ImporterInfo> installed, BiConsumer<List<Path>, Optional<String>> chosen) {
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.PRIMARY_MODAL);
        dialog.setText("Import references");
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 14;
        layout.marginHeight = 12;
        dialog.setLayout(layout);

        Label intro = new Label(dialog, SWT.WRAP);
        intro.setText(installed.isEmpty() ? "No importer is installed: add an importer bundle to plugins/."
                : installed.size() + " formats can be imported; files may also be dropped onto the window.");
        intro.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        importers = new Table(dialog, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        importers.setHeaderVisible(true);
        importers.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 240;
        tableData.widthHint = 620;
        importers.setLayoutData(tableData);
        for (String header : List.of("Format", "Name", "Extensions", "Bundle")) {
            new TableColumn(importers, SWT.LEFT).setText(header);
        }
        for (ImporterInfo info : installed) {
            TableItem item = new TableItem(importers, SWT.NONE);
            item.setText(new String[] {info.format(), info.label(), String.join(", ", info.extensions()),
                    info.bundle()});
            item.setData(info);
        }
        for (TableColumn column : importers.getColumns()) {
            column.pack();
        }

        new Label(dialog, SWT.NONE).setText("Read as:");
        format = new Combo(dialog, SWT.READ_ONLY | SWT.DROP_DOWN);
        format.add(DETECT);
        installed.forEach(info -> format.add(info.format()));
        format.select(0);
        importers.addListener(SWT.Selection, e -> {
            int index = importers.getSelectionIndex();
            format.select(index < 0 ? 0 : index + 1);
        });

        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new GridLayout(2, true));
        Button choose = new Button(buttons, SWT.PUSH);
        choose.setText("Choose files…");
        choose.setEnabled(!installed.isEmpty());
        choose.addListener(SWT.Selection, e -> {
            FileDialog files = new FileDialog(dialog, SWT.OPEN | SWT.MULTI);
            files.setText("Import references");
            if (files.open() == null) {
                return;
            }
            List<Path> paths = new ArrayList<>();
            for (String name : files.getFileNames()) {
                paths.add(Path.of(files.getFilterPath(), name));
            }
            Optional<String> chosenFormat = format.getSelectionIndex() <= 0 ? Optional.empty()
                    : Optional.of(format.getItem(format.getSelectionIndex()));
            dialog.close();
            chosen.accept(paths, chosenFormat);
        });
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(choose);
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
        for (TableItem item : importers.getItems()) {
            list.add(item.getText(0));
        }
        return list;
    }
}
