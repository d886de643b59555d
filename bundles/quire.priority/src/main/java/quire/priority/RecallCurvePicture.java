package quire.priority;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The recall curve of simulations as a PNG, drawn with java.awt into an image (no display needed): share of
 * includes found against share of records screened, one thin line per seed and a bold mean per model, random
 * screening as a dashed diagonal and the 95% recall line that WSS@95 is read at.
 */
final class RecallCurvePicture {

    /** One model's runs on the dataset. */
    record Series(String model, String label, List<Simulation.Run> runs, double meanWss95) {
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private RecallCurvePicture() {
    }

    static BufferedImage draw(String title, List<Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            // grid and ticks every 10%
            for (int p = 0; p <= 100; p += 10) {
                int x = LEFT + plotW * p / 100;
                int y = TOP + plotH - plotH * p / 100;
                g.setColor(new Color(0xeeeeee));
                g.drawLine(x, TOP, x, TOP + plotH);
                g.drawLine(LEFT, y, LEFT + plotW, y);
                g.setColor(new Color(0x555555));
                String label = p + "%";
                g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + fm.getAscent() + 6);
                g.drawString(label, LEFT - fm.stringWidth(label) - 8, y + fm.getAscent() / 2 - 1);
            }
            g.setColor(new Color(0x333333));
            g.drawRect(LEFT, TOP, plotW, plotH);
            // random screening and the 95% recall line
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
            g.setColor(new Color(0x888888));
            g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP);
            int y95 = TOP + plotH - (int) Math.round(plotH * 0.95);
            g.setColor(new Color(0xbbbbbb));
            g.drawLine(LEFT, y95, LEFT + plotW, y95);
            g.setStroke(new BasicStroke(1f));
            g.setColor(new Color(0x888888));
            // below the line on the right, where found curves are above it and the diagonal still below
            String recall95 = "95% recall (WSS@95)";
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(recall95, LEFT + (int) (plotW * 0.86) - g.getFontMetrics().stringWidth(recall95), y95 + 16);
            for (int s = 0; s < series.size(); s++) {
                Color color = PALETTE[s % PALETTE.length];
                Series one = series.get(s);
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
                g.setStroke(new BasicStroke(1f));
                for (Simulation.Run run : one.runs()) {
                    g.draw(curve(recall(run.labels()), plotW, plotH));
                }
                g.setColor(color);
                g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(curve(meanRecall(one.runs()), plotW, plotH));
            }
            // legend, bottom right inside the plot
            g.setStroke(new BasicStroke(1f));
            int lineHeight = fm.getHeight() + 4;
            int legendW = 0;
            for (Series one : series) {
                legendW = Math.max(legendW, fm.stringWidth(legend(one)));
            }
            legendW += 44;
            int legendH = lineHeight * (series.size() + 1) + 8;
            int lx = LEFT + plotW - legendW - 12;
            int ly = TOP + plotH - legendH - 12;
            g.setColor(new Color(255, 255, 255, 230));
            g.fillRect(lx, ly, legendW, legendH);
            g.setColor(new Color(0xcccccc));
            g.drawRect(lx, ly, legendW, legendH);
            for (int s = 0; s <= series.size(); s++) {
                int y = ly + 6 + lineHeight * s + lineHeight / 2;
                if (s < series.size()) {
                    g.setColor(PALETTE[s % PALETTE.length]);
                    g.setStroke(new BasicStroke(2.6f));
                } else {
                    g.setColor(new Color(0x888888));
                    g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                            new float[] {6, 5}, 0));
                }
                g.drawLine(lx + 8, y, lx + 34, y);
                g.setColor(new Color(0x222222));
                g.drawString(s < series.size() ? legend(series.get(s)) : "random screening", lx + 40,
                        y + fm.getAscent() / 2 - 2);
            }
            g.setStroke(new BasicStroke(1f));
            // titles
            g.setColor(new Color(0x222222));
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 17);
            g.setFont(bold);
            g.drawString(title, LEFT, TOP - 22);
            g.setFont(small);
            String xTitle = "records screened (after the 2 prior records)";
            g.drawString(xTitle, LEFT + plotW / 2 - fm.stringWidth(xTitle) / 2, HEIGHT - 18);
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            String yTitle = "includes found (recall)";
            rotated.drawString(yTitle, -(TOP + plotH / 2 + fm.stringWidth(yTitle) / 2), 22);
            rotated.dispose();
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String legend(Series one) {
        return String.format(Locale.ROOT, "%s: %s, mean WSS@95 %.1f%% (%d seeds)", one.model(), one.label(),
                one.meanWss95() * 100, one.runs().size());
    }

    /** Recall after each screened record: the share of includes found. */
    static double[] recall(int[] labels) {
        int total = 0;
        for (int label : labels) {
            total += label;
        }
        double[] recall = new double[labels.length];
        int found = 0;
        for (int i = 0; i < labels.length; i++) {
            found += labels[i];
            recall[i] = (double) found / total;
        }
        return recall;
    }

    private static double[] meanRecall(List<Simulation.Run> runs) {
        double[] mean = new double[runs.get(0).labels().length];
        for (Simulation.Run run : runs) {
            double[] r = recall(run.labels());
            for (int i = 0; i < mean.length; i++) {
                mean[i] += r[i] / runs.size();
            }
        }
        return mean;
    }

    private static Path2D curve(double[] recall, int plotW, int plotH) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(LEFT, TOP + plotH);
        int n = recall.length;
        for (int i = 0; i < n; i++) {
            path.lineTo(LEFT + plotW * (i + 1.0) / n, TOP + plotH - plotH * recall[i]);
        }
        return path;
    }

    /** Writes the picture as PNG, atomically: a temporary file beside it, synced, then renamed over it. */
    static void write(BufferedImage image, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
