package quire.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import quire.api.review.PrismaCounts;

/**
 * The PRISMA 2020 flow diagram for new reviews (databases and registers), laid out once as boxes, text and arrows
 * so that the SVG and the PNG show exactly the same thing. The layout follows the template of Page et al. (2021):
 * a title box on top, the phases as bars down the left, the records flowing down the left column and what was
 * removed at each step to the right. Every number box carries the PRISMA2020 package's field name as its id.
 */
final class FlowDiagram {

    /** A box; {@code id} names what it counts (a PRISMA2020 field name) or what it is. */
    record Box(String id, double x, double y, double width, double height, String fill, boolean rounded) {
    }

    /** A line of text with its baseline at {@code y}; centred on {@code x} or starting there; maybe turned up. */
    record Text(String box, double x, double y, String text, boolean bold, boolean centred, boolean vertical) {
    }

    /** An arrow from one point to another, the head at the end. */
    record Arrow(double x1, double y1, double x2, double y2) {
    }

    /** The whole drawing. */
    record Drawing(double width, double height, List<Box> boxes, List<Text> texts, List<Arrow> arrows) {
    }

    static final double FONT_SIZE = 13;
    static final double LINE = 17;
    /** A generous width of an average character of a sans-serif font at {@link #FONT_SIZE}, to wrap lines. */
    static final double CHAR_WIDTH = 7.4;
    static final String WHITE = "#ffffff";
    static final String TITLE_FILL = "#ffc000";
    static final String PHASE_FILL = "#9dc3e6";

    private static final double MARGIN = 20;
    private static final double BAR = 34;
    private static final double GAP = 24;
    private static final double COLUMN = 340;
    private static final double ARROW_GAP = 60;
    private static final double PAD = 10;

    private final List<Box> boxes = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    private FlowDiagram() {
    }

    /** A box's text: its lines, some of them bold, some indented. */
    private record Line(String text, boolean bold, boolean indented) {
        static Line of(String text) {
            return new Line(text, false, false);
        }
    }

    static Drawing of(PrismaCounts counts) {
        return new FlowDiagram().layout(counts);
    }

    private Drawing layout(PrismaCounts c) {
        double left = MARGIN + BAR + GAP;
        double right = left + COLUMN + ARROW_GAP;
        double width = right + COLUMN + MARGIN;
        double y = MARGIN;

        List<Line> title = List.of(new Line("Identification of new studies via databases and registers", true,
                false));
        double titleHeight = height(title) + 6;
        box("title", left, y, right + COLUMN - left, titleHeight, TITLE_FILL, true, title, true);
        y += titleHeight + GAP;

        // identification
        List<Line> identified = new ArrayList<>();
        identified.add(Line.of("Records identified from:"));
        identified.add(Line.of("Databases (n = " + c.identified() + ")"));
        c.databaseResults().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> identified.add(new Line(e.getKey() + " (n = " + e.getValue() + ")", false, true)));
        List<Line> removed = List.of(Line.of("Records removed before screening:"),
                new Line("Duplicate records removed (n = " + c.duplicates() + ")", false, true),
                new Line("Records removed for other reasons (n = " + c.removedOther() + ")", false, true));
        double identificationTop = y;
        double rowHeight = Math.max(Math.max(height(identified), height(removed)), barLabel("Identification"));
        row("database_results", identified, "duplicates", removed, left, right, y, rowHeight);
        y += rowHeight;
        bar("Identification", identificationTop, y);
        y += GAP + 16;

        // screening
        double screeningTop = y;
        List<Line> screened = List.of(Line.of("Records screened"), Line.of("(n = " + c.recordsScreened() + ")"));
        List<Line> excluded = List.of(Line.of("Records excluded"), Line.of("(n = " + c.recordsExcluded() + ")"));
        arrowDown(left, y - GAP - 16, y);
        rowHeight = Math.max(height(screened), height(excluded));
        row("records_screened", screened, "records_excluded", excluded, left, right, y, rowHeight);
        y += rowHeight + GAP + 16;

        List<Line> sought = List.of(Line.of("Reports sought for retrieval"),
                Line.of("(n = " + c.reportsSought() + ")"));
        List<Line> notRetrieved = List.of(Line.of("Reports not retrieved"),
                Line.of("(n = " + c.reportsNotRetrieved() + ")"));
        arrowDown(left, y - GAP - 16, y);
        rowHeight = Math.max(height(sought), height(notRetrieved));
        row("dbr_sought_reports", sought, "dbr_notretrieved_reports", notRetrieved, left, right, y, rowHeight);
        y += rowHeight + GAP + 16;

        List<Line> assessed = List.of(Line.of("Reports assessed for eligibility"),
                Line.of("(n = " + c.reportsAssessed() + ")"));
        List<Line> reasons = new ArrayList<>();
        reasons.add(Line.of("Reports excluded (n = " + c.reportsExcludedTotal() + ")"
                + (c.reportsExcluded().isEmpty() ? "" : ":")));
        c.reportsExcluded().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> reasons.add(new Line(e.getKey() + " (n = " + e.getValue() + ")", false, true)));
        arrowDown(left, y - GAP - 16, y);
        rowHeight = Math.max(height(assessed), height(reasons));
        row("dbr_assessed", assessed, "dbr_excluded", reasons, left, right, y, rowHeight);
        y += rowHeight;
        bar("Screening", screeningTop, y);
        y += GAP + 16;

        // included
        double includedTop = y;
        List<Line> included = List.of(Line.of("Studies included in review"),
                Line.of("(n = " + c.newStudies() + ")"), Line.of("Reports of included studies"),
                Line.of("(n = " + c.newStudies() + ")"));
        arrowDown(left, y - GAP - 16, y);
        // tall enough for the phase bar's turned label beside it
        rowHeight = Math.max(height(included), barLabel("Included"));
        box("new_studies", left, y, COLUMN, rowHeight, WHITE, false, included, true);
        y += rowHeight;
        bar("Included", includedTop, y);
        y += GAP;

        if (c.pending() > 0) {
            List<Line> note = wrap(List.of(Line.of("Still awaiting a decision: " + c.pending()
                    + (c.pending() == 1 ? " record" : " records")
                    + " (the review is in progress; these counts will change)")), right + COLUMN - left);
            double noteHeight = note.size() * LINE + 2 * PAD;
            box("pending", left, y, right + COLUMN - left, noteHeight, "#f2f2f2", false, note, false);
            y += noteHeight + GAP;
        }
        return new Drawing(width, y - GAP + MARGIN, List.copyOf(boxes), List.copyOf(texts), List.copyOf(arrows));
    }

    /** A left box, its right neighbour and the arrow between them, both as high as the taller. */
    private void row(String leftId, List<Line> leftLines, String rightId, List<Line> rightLines, double left,
            double right, double y, double height) {
        // a box with a list (databases, reasons) reads best left-aligned; a box with one count centred
        box(leftId, left, y, COLUMN, height, WHITE, false, leftLines, !listed(leftLines));
        box(rightId, right, y, COLUMN, height, WHITE, false, rightLines, !listed(rightLines));
        arrows.add(new Arrow(left + COLUMN, y + height / 2, right, y + height / 2));
    }

    private static boolean listed(List<Line> lines) {
        return lines.stream().anyMatch(Line::indented);
    }

    private void arrowDown(double left, double from, double to) {
        arrows.add(new Arrow(left + COLUMN / 2, from, left + COLUMN / 2, to));
    }

    private void bar(String label, double top, double bottom) {
        double x = MARGIN;
        boxes.add(new Box("phase-" + label.toLowerCase(java.util.Locale.ROOT), x, top, BAR, bottom - top,
                PHASE_FILL, true));
        texts.add(new Text("phase-" + label.toLowerCase(java.util.Locale.ROOT), x + BAR / 2 + FONT_SIZE / 2 - 2,
                (top + bottom) / 2, label, true, true, true));
    }

    private void box(String id, double x, double y, double width, double height, String fill, boolean rounded,
            List<Line> lines, boolean centred) {
        List<Line> wrapped = wrap(lines, width);
        boxes.add(new Box(id, x, y, width, height, fill, rounded));
        double textHeight = wrapped.size() * LINE;
        double baseline = y + (height - textHeight) / 2 + LINE - 4;
        for (Line line : wrapped) {
            double indent = line.indented() ? 14 : 0;
            texts.add(centred ? new Text(id, x + width / 2, baseline, line.text(), line.bold(), true, false)
                    : new Text(id, x + PAD + indent, baseline, line.text(), line.bold(), false, false));
            baseline += LINE;
        }
    }

    /** How tall a phase bar must be for its turned label (bold, so a little wider than plain text). */
    private static double barLabel(String label) {
        return label.length() * CHAR_WIDTH * 1.15 + 2 * PAD;
    }

    private static double height(List<Line> lines) {
        return wrap(lines, COLUMN).size() * LINE + 2 * PAD;
    }

    /** Breaks lines that would not fit the box at word boundaries, keeping "(n = 12)" whole. */
    static List<Line> wrap(List<Line> lines, double width) {
        List<Line> wrapped = new ArrayList<>();
        for (Line line : lines) {
            int room = (int) ((width - 2 * PAD - (line.indented() ? 14 : 0)) / CHAR_WIDTH);
            String rest = line.text();
            while (rest.length() > room) {
                int cut = rest.lastIndexOf(' ', room);
                int count = rest.lastIndexOf(" (n = ");
                if (count > 0 && cut > count && count <= room) {
                    cut = count; // the count goes to the next line whole
                }
                if (cut <= 0) {
                    cut = room;
                }
                wrapped.add(new Line(rest.substring(0, cut).strip(), line.bold(), line.indented()));
                rest = rest.substring(cut).strip();
            }
            wrapped.add(new Line(rest, line.bold(), line.indented()));
        }
        return wrapped;
    }

    static Comparator<Box> byPosition() {
        return Comparator.comparingDouble(Box::y).thenComparingDouble(Box::x);
    }
}
