package quire.review;

import java.util.Locale;

/** Writes a {@link FlowDiagram.Drawing} as a standalone SVG document: plain shapes and text, no scripts. */
final class SvgWriter {

    static final String FONT = "Arial, Helvetica, 'DejaVu Sans', sans-serif";

    private SvgWriter() {
    }

    static String svg(FlowDiagram.Drawing drawing, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(drawing.width()))
                .append("\" height=\"").append(n(drawing.height())).append("\" viewBox=\"0 0 ")
                .append(n(drawing.width())).append(' ').append(n(drawing.height())).append("\">\n");
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <defs>\n    <marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto\">\n      <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#000000\"/>\n"
                + "    </marker>\n  </defs>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("  <g font-family=\"").append(FONT).append("\" font-size=\"").append(n(FlowDiagram.FONT_SIZE))
                .append("\" fill=\"#000000\">\n");
        for (FlowDiagram.Box box : drawing.boxes()) {
            svg.append("    <g id=\"").append(escape(box.id())).append("\">\n");
            svg.append("      <rect x=\"").append(n(box.x())).append("\" y=\"").append(n(box.y()))
                    .append("\" width=\"").append(n(box.width())).append("\" height=\"").append(n(box.height()))
                    .append('"');
            if (box.rounded()) {
                svg.append(" rx=\"8\" ry=\"8\"");
            }
            svg.append(" fill=\"").append(box.fill()).append("\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
            for (FlowDiagram.Text text : drawing.texts()) {
                if (text.box().equals(box.id())) {
                    text(svg, text);
                }
            }
            svg.append("    </g>\n");
        }
        for (FlowDiagram.Arrow arrow : drawing.arrows()) {
            svg.append("    <line x1=\"").append(n(arrow.x1())).append("\" y1=\"").append(n(arrow.y1()))
                    .append("\" x2=\"").append(n(arrow.x2())).append("\" y2=\"").append(n(arrow.y2()))
                    .append("\" stroke=\"#000000\" stroke-width=\"1.5\" marker-end=\"url(#head)\"/>\n");
        }
        svg.append("  </g>\n</svg>\n");
        return svg.toString();
    }

    private static void text(StringBuilder svg, FlowDiagram.Text text) {
        svg.append("      <text x=\"").append(n(text.x())).append("\" y=\"").append(n(text.y())).append('"');
        if (text.centred()) {
            svg.append(" text-anchor=\"middle\"");
        }
        if (text.bold()) {
            svg.append(" font-weight=\"bold\"");
        }
        if (text.vertical()) {
            svg.append(" transform=\"rotate(-90 ").append(n(text.x())).append(' ').append(n(text.y())).append(")\"");
        }
        svg.append('>').append(escape(text.text())).append("</text>\n");
    }

    static String n(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 does not allow are dropped rather than breaking the document
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
