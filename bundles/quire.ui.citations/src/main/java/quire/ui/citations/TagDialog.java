package quire.ui.citations;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks for a tag: Enter adds it, Escape cancels. The tag arrives through the callback. */
final class TagDialog {

    private final Shell dialog;
    private final Text text;

    TagDialog(Shell parent, Consumer<String> chosen) {
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.PRIMARY_MODAL);
        dialog.setText("Tag");
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 12;
        layout.marginHeight = 10;
        dialog.setLayout(layout);
        new Label(dialog, SWT.NONE).setText("Tag:");
        text = new Text(dialog, SWT.BORDER | SWT.SINGLE);
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textData.widthHint = 220;
        text.setLayoutData(textData);
        Button add = new Button(dialog, SWT.PUSH);
        add.setText("Add");
        Runnable accept = () -> {
            String tag = text.getText().strip();
            if (!tag.isEmpty()) {
                dialog.close();
                chosen.accept(tag);
            }
        };
        add.addListener(SWT.Selection, e -> accept.run());
        text.addListener(SWT.DefaultSelection, e -> accept.run());
        text.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC) {
                dialog.close();
            }
        });
        dialog.setDefaultButton(add);
    }

    void open() {
        dialog.pack();
        Shell parent = (Shell) dialog.getParent();
        dialog.setLocation(parent.getBounds().x + parent.getBounds().width / 3, parent.getBounds().y + 120);
        dialog.open();
        text.setFocus();
    }
}
