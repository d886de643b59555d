package quire.review;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders a {@link FlowDiagram.Drawing} to PNG with Java2D, headless (no display needed): the same boxes, text and
 * arrows as the SVG.
 */
final class PngWriter {

    private PngWriter() {
    }

    static byte[] png(FlowDiagram.Drawing drawing, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale must be above 0 and at most 8, not " + scale);
        }
        if (System.getProperty("java.awt.headless") == null) {
            // an image in memory needs no display; without this AWT may look for one
            System.setProperty("java.awt.headless", "true");
        }
        int width = (int) Math.ceil(drawing.width() * scale);
        int height = (int) Math.ceil(drawing.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(scale, scale);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, (int) FlowDiagram.FONT_SIZE);
            Font bold = plain.deriveFont(Font.BOLD);
            for (FlowDiagram.Box box : drawing.boxes()) {
                java.awt.Shape shape = box.rounded()
                        ? new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 16, 16)
                        : new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
                g.setColor(Color.decode(box.fill()));
                g.fill(shape);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.draw(shape);
            }
            for (FlowDiagram.Text text : drawing.texts()) {
                g.setFont(text.bold() ? bold : plain);
                FontMetrics metrics = g.getFontMetrics();
                double advance = metrics.getStringBounds(text.text(), g).getWidth();
                AffineTransform saved = g.getTransform();
                if (text.vertical()) {
                    g.rotate(-Math.PI / 2, text.x(), text.y());
                }
                double x = text.centred() ? text.x() - advance / 2 : text.x();
                g.drawString(text.text(), (float) x, (float) text.y());
                g.setTransform(saved);
            }
            g.setStroke(new BasicStroke(1.5f));
            for (FlowDiagram.Arrow arrow : drawing.arrows()) {
                double angle = Math.atan2(arrow.y2() - arrow.y1(), arrow.x2() - arrow.x1());
                double headLength = 10;
                double baseX = arrow.x2() - headLength * Math.cos(angle);
                double baseY = arrow.y2() - headLength * Math.sin(angle);
                g.draw(new Line2D.Double(arrow.x1(), arrow.y1(), baseX, baseY));
                Path2D head = new Path2D.Double();
                head.moveTo(arrow.x2(), arrow.y2());
                head.lineTo(baseX + 5 * Math.sin(angle), baseY - 5 * Math.cos(angle));
                head.lineTo(baseX - 5 * Math.sin(angle), baseY + 5 * Math.cos(angle));
                head.closePath();
                g.fill(head);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
