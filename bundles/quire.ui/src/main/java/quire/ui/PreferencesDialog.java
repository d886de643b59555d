package quire.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Control;
import quire.ui.api.PreferencePage;
import quire.ui.api.ViewContext;

/**
 * File &gt; Preferences: the pages registered when it opens, listed by label; a page's control is built when it is
 * first shown. OK applies every page shown (a page that throws keeps the dialog open with its message), Cancel
 * applies nothing.
 */
final class PreferencesDialog {

    private final Shell dialog;
    private final org.eclipse.swt.widgets.List names;
    private final Composite pageArea;
    private final StackLayout stack = new StackLayout();
    private final Label problem;
    private final List<PreferencePage> pages;
    private final Map<PreferencePage, Control> built = new IdentityHashMap<>();
    private final Function<Composite, ViewContext> sites;
    private final BiConsumer<String, Throwable> report;

    PreferencesDialog(Shell parent, List<PreferencePage> registered, Function<Composite, ViewContext> sites,
            BiConsumer<String, Throwable> report) {
        this.sites = sites;
        this.report = report;
        pages = new ArrayList<>(registered);
        pages.sort((a, b) -> label(a).compareToIgnoreCase(label(b)));
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.PRIMARY_MODAL);
        dialog.setText("Preferences");
        dialog.setLayout(new GridLayout(2, false));
        names = new org.eclipse.swt.widgets.List(dialog, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridData namesData = new GridData(SWT.FILL, SWT.FILL, false, true);
        namesData.widthHint = 180;
        names.setLayoutData(namesData);
        pages.forEach(page -> names.add(label(page)));
        pageArea = new Composite(dialog, SWT.NONE);
        GridData pageData = new GridData(SWT.FILL, SWT.FILL, true, true);
        pageData.widthHint = 480;
        pageData.heightHint = 320;
        pageArea.setLayoutData(pageData);
        pageArea.setLayout(stack);
        Label empty = new Label(pageArea, SWT.WRAP);
        empty.setText(pages.isEmpty() ? "No bundle has preferences." : "Choose a page.");
        stack.topControl = empty;
        problem = new Label(dialog, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        names.addListener(SWT.Selection, e -> show(names.getSelectionIndex()));

        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new GridLayout(2, true));
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setText("OK");
        ok.addListener(SWT.Selection, e -> applyAndClose());
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(ok);
        dialog.addListener(SWT.Dispose, e -> built.keySet().forEach(page -> {
            try {
                page.dispose();
            } catch (RuntimeException | LinkageError x) {
                report.accept("The preference page \"" + label(page) + "\" failed to close", x);
            }
        }));
        if (!pages.isEmpty()) {
            names.select(0);
            show(0);
        }
    }

    private void show(int index) {
        if (index < 0) {
            return;
        }
        PreferencePage page = pages.get(index);
        Control control = built.get(page);
        if (control == null) {
            Composite holder = new Composite(pageArea, SWT.NONE);
            holder.setLayout(new FillLayout());
            try {
                page.createControl(holder, sites.apply(holder));
            } catch (RuntimeException | LinkageError e) {
                holder.dispose();
                Label failed = new Label(pageArea, SWT.WRAP);
                failed.setText("This page failed: " + Problems.message(e));
                report.accept("The preference page \"" + label(page) + "\" failed to open", e);
                stack.topControl = failed;
                pageArea.layout();
                return;
            }
            built.put(page, holder);
            control = holder;
        }
        stack.topControl = control;
        pageArea.layout(true, true);
    }

    private void applyAndClose() {
        for (PreferencePage page : built.keySet()) {
            try {
                page.apply();
            } catch (Exception | LinkageError e) {
                problem.setText("\"" + label(page) + "\": " + Problems.message(e));
                dialog.layout(true);
                return;
            }
        }
        dialog.close();
    }

    private static String label(PreferencePage page) {
        try {
            return page.label();
        } catch (RuntimeException | LinkageError e) {
            return page.getClass().getSimpleName();
        }
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
}
