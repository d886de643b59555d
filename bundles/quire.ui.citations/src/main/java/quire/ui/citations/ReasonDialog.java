package quire.ui.citations;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import quire.api.review.Criterion;

/**
 * Asks why a record is excluded: the protocol's criteria, chosen with the arrow keys and Enter, or with the digit
 * of their position; Escape cancels. Our own shell, without a nested event loop: the choice arrives through the
 * callback.
 */
final class ReasonDialog {

    private final Shell dialog;
    private final org.eclipse.swt.widgets.List list;

    ReasonDialog(Shell parent, List<Criterion> criteria, Consumer<String> chosen) {
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.PRIMARY_MODAL);
        dialog.setText("Exclude: why?");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 12;
        layout.marginHeight = 10;
        dialog.setLayout(layout);
        new Label(dialog, SWT.NONE).setText("The criterion it fails (1-9, or arrows and Enter):");
        list = new org.eclipse.swt.widgets.List(dialog, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
        listData.widthHint = 460;
        listData.heightHint = Math.min(10, criteria.size()) * 22 + 8;
        list.setLayoutData(listData);
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            list.add((i < 9 ? (i + 1) + "  " : "   ") + criterion.id() + " — " + criterion.text());
        }
        list.select(0);
        Runnable accept = () -> {
            int index = list.getSelectionIndex();
            if (index >= 0) {
                dialog.close();
                chosen.accept(criteria.get(index).id());
            }
        };
        list.addListener(SWT.DefaultSelection, e -> accept.run());
        list.addListener(SWT.KeyDown, e -> {
            if (e.character >= '1' && e.character <= '9' && e.character - '1' < criteria.size()) {
                list.select(e.character - '1');
                accept.run();
            } else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                accept.run();
            } else if (e.keyCode == SWT.ESC) {
                dialog.close();
            }
        });
        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        buttons.setLayout(new GridLayout(2, true));
        Button exclude = new Button(buttons, SWT.PUSH);
        exclude.setText("Exclude");
        exclude.addListener(SWT.Selection, e -> accept.run());
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> dialog.close());
        dialog.setDefaultButton(exclude);
    }

    void open() {
        dialog.pack();
        Shell parent = (Shell) dialog.getParent();
        dialog.setLocation(parent.getBounds().x + parent.getBounds().width / 3, parent.getBounds().y + 120);
        dialog.open();
        list.setFocus();
    }

    Shell shell() {
        return dialog;
    }

    org.eclipse.swt.widgets.List list() {
        return list;
    }
}
