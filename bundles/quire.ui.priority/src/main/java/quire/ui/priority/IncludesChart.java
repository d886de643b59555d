package quire.ui.priority;

import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The chart of includes found against records screened, drawn on a canvas: the step line of includes with the area
 * under it along the whole stage, and the current run of excludes marked (stronger once the stopping hint is reached).
 */
final class IncludesChart {

    private static final int LEFT = 52;
    private static final int RIGHT = 16;
    private static final int TOP = 26;
    private static final int BOTTOM = 38;

    private final Canvas canvas;
    private ScreeningProgress progress = ScreeningProgress.EMPTY;
    private StoppingRule rule = new StoppingRule(StoppingRule.DEFAULT);

    IncludesChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
    }

    Canvas control() {
        return canvas;
    }

    void show(ScreeningProgress shown, StoppingRule stoppingRule) {
        progress = shown;
        rule = stoppingRule;
        canvas.redraw();
    }

    private void paint(GC gc, Rectangle area) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        var display = canvas.getDisplay();
        Color text = new Color(0x33, 0x33, 0x33);
        Color grid = new Color(0xee, 0xee, 0xee);
        Color blue = new Color(0x1f, 0x77, 0xb4);
        Color fill = new Color(0xd6, 0xe6, 0xf4);
        Color orange = new Color(0xe0, 0x7b, 0x22);
        int w = area.width - LEFT - RIGHT;
        int h = area.height - TOP - BOTTOM;
        if (w < 40 || h < 40) {
            return;
        }
        int total = Math.max(1, progress.total());
        int includes = progress.includes();
        int yMax = niceCeiling(Math.max(5, includes + Math.max(1, includes / 5)));
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        // grid: five steps on each axis
        gc.setForeground(grid);
        gc.setLineWidth(1);
        for (int i = 0; i <= 5; i++) {
            int x = LEFT + w * i / 5;
            int y = TOP + h - h * i / 5;
            gc.drawLine(x, TOP, x, TOP + h);
            gc.drawLine(LEFT, y, LEFT + w, y);
        }
        gc.setForeground(text);
        for (int i = 0; i <= 5; i++) {
            String xLabel = String.format(Locale.ROOT, "%,d", Math.round((double) total * i / 5));
            Point size = gc.textExtent(xLabel);
            gc.drawText(xLabel, LEFT + w * i / 5 - size.x / 2, TOP + h + 4, true);
            String yLabel = String.format(Locale.ROOT, "%,d", Math.round((double) yMax * i / 5));
            size = gc.textExtent(yLabel);
            gc.drawText(yLabel, LEFT - size.x - 6, TOP + h - h * i / 5 - size.y / 2, true);
        }
        gc.drawText("records screened", LEFT + w / 2 - gc.textExtent("records screened").x / 2,
                TOP + h + 4 + gc.getFontMetrics().getHeight(), true);
        gc.drawText("includes found", LEFT, 4, true);
        List<Integer> found = progress.found();
        int n = found.size();
        if (n > 0) {
            // the area under the steps, then the steps
            int[] points = new int[(n + 2) * 4];
            int k = 0;
            points[k++] = LEFT;
            points[k++] = TOP + h;
            int previous = 0;
            for (int i = 0; i < n; i++) {
                int x = x(i + 1, total, w);
                points[k++] = x;
                points[k++] = y(previous, yMax, h);
                points[k++] = x;
                points[k++] = y(found.get(i), yMax, h);
                previous = found.get(i);
            }
            int[] line = java.util.Arrays.copyOf(points, k);
            int[] polygon = java.util.Arrays.copyOf(points, k + 2);
            polygon[k] = x(n, total, w);
            polygon[k + 1] = TOP + h;
            gc.setBackground(fill);
            gc.fillPolygon(polygon);
            gc.setForeground(blue);
            gc.setLineWidth(2);
            gc.drawPolyline(line);
            gc.setLineWidth(1);
            // the run of excludes since the last include
            int run = progress.consecutiveExcludes();
            if (run > 0) {
                int from = x(n - run, total, w);
                int to = Math.max(from + 2, x(n, total, w));
                gc.setBackground(orange);
                gc.setAlpha(rule.reached(progress) ? 80 : 35);
                gc.fillRectangle(from, TOP, to - from, h);
                gc.setAlpha(255);
                gc.setForeground(orange);
                String label = run + " excludes in a row";
                Point size = gc.textExtent(label);
                int lx = Math.min(to + 4, LEFT + w - size.x);
                gc.drawText(label, Math.max(LEFT + 2, lx), TOP + 4, true);
            }
            // where we are
            gc.setBackground(blue);
            gc.fillOval(x(n, total, w) - 4, y(includes, yMax, h) - 4, 8, 8);
            gc.setForeground(text);
            String now = String.format(Locale.ROOT, "%,d includes in %,d records", includes, n);
            Point size = gc.textExtent(now);
            int nx = Math.min(x(n, total, w) + 8, LEFT + w - size.x - 2);
            int ny = Math.max(TOP + 20, y(includes, yMax, h) - size.y - 6);
            gc.drawText(now, nx, ny, true);
        }
        gc.setForeground(text);
        gc.drawRectangle(LEFT, TOP, w, h);
        for (Color c : new Color[] {text, grid, blue, fill, orange}) {
            c.dispose();
        }
    }

    private static int x(double records, int total, int w) {
        return LEFT + (int) Math.round(w * records / total);
    }

    private static int y(double includes, int yMax, int h) {
        return TOP + h - (int) Math.round(h * includes / yMax);
    }

    /** 5, 10, 20, 25, 50, 100, ... at or above the value, so that fifths of the axis are whole numbers. */
    static int niceCeiling(int value) {
        int base = 5;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (base * m >= value) {
                    return base * m;
                }
            }
            base *= 10;
        }
    }
}
