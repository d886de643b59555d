package quire.ui.review;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Small pieces the views share. */
final class Tables {

    private Tables() {
    }

    static Table table(org.eclipse.swt.widgets.Composite parent, int style, Object... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < columns.length; i += 3) {
            TableColumn column = new TableColumn(table, (Integer) columns[i + 2]);
            column.setText((String) columns[i]);
            column.setWidth((Integer) columns[i + 1]);
        }
        return table;
    }

    /** A bold version of a control's font, disposed with the control. */
    static Font bold(Control control) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        Font font = new Font(control.getDisplay(), data);
        control.addListener(SWT.Dispose, e -> font.dispose());
        return font;
    }
}
