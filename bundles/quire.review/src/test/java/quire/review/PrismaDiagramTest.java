package quire.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import quire.api.review.PrismaCounts;

class PrismaDiagramTest {

    static final PrismaCounts COUNTS = new PrismaCounts(
            Map.of("PubMed", 120, "Scopus", 95, "Web of Science", 41, "002_b89f686bb3a49483.txt (listing)", 150),
            88, 0, 318, 251, 67, 4, 63,
            Map.of("Not about interpretability of language models", 21, "No method evaluated", 17,
                    "Wrong study design & <other> \"quoted\"", 3),
            22, 0);

    private final PrismaFlowDiagram diagram = new PrismaFlowDiagram();

    /** The numbers in each box of the SVG, by box id, as a reader of the picture sees them. */
    static Map<String, List<Integer>> numbers(String svg) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        NodeList groups = document.getElementsByTagName("g");
        Pattern count = Pattern.compile("\\(n = (\\d+)\\)");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("id").isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            NodeList texts = group.getElementsByTagName("text");
            for (int j = 0; j < texts.getLength(); j++) {
                text.append(texts.item(j).getTextContent()).append(' ');
            }
            List<Integer> found = new ArrayList<>();
            Matcher m = count.matcher(text.toString().replaceAll("\\s+", " "));
            while (m.find()) {
                found.add(Integer.parseInt(m.group(1)));
            }
            numbers.put(group.getAttribute("id"), found);
        }
        return numbers;
    }

    @Test
    void theSvgShowsEveryCountInItsBoxAndTheyAddUp() throws Exception {
        String svg = diagram.svg(COUNTS);
        Map<String, List<Integer>> n = numbers(svg);
        assertEquals(List.of(406, 150, 120, 95, 41), n.get("database_results"));
        assertEquals(List.of(88, 0), n.get("duplicates"));
        assertEquals(List.of(318), n.get("records_screened"));
        assertEquals(List.of(251), n.get("records_excluded"));
        assertEquals(List.of(67), n.get("dbr_sought_reports"));
        assertEquals(List.of(4), n.get("dbr_notretrieved_reports"));
        assertEquals(List.of(63), n.get("dbr_assessed"));
        assertEquals(List.of(41, 21, 17, 3), n.get("dbr_excluded"));
        assertEquals(List.of(22, 22), n.get("new_studies"));
        assertTrue(svg.contains("Wrong study design &amp; &lt;other&gt; &quot;quoted&quot;"), "escaped");
        int identified = n.get("database_results").get(0);
        assertEquals(identified, n.get("database_results").subList(1, 5).stream().mapToInt(i -> i).sum());
        assertEquals(n.get("records_screened").get(0), identified - n.get("duplicates").get(0));
        assertEquals(n.get("dbr_sought_reports").get(0),
                n.get("records_screened").get(0) - n.get("records_excluded").get(0));
        assertEquals(n.get("new_studies").get(0), n.get("dbr_assessed").get(0) - n.get("dbr_excluded").get(0));
        assertTrue(!n.containsKey("pending"), "a finished review has no note on pending records");
    }

    @Test
    void anUnfinishedReviewSaysSo() throws Exception {
        PrismaCounts pending = new PrismaCounts(Map.of("PubMed", 3), 0, 3, 1, 0, 0, 0, Map.of(), 0, 2);
        assertEquals(List.of(), numbers(diagram.svg(pending)).get("pending"));
        assertTrue(diagram.svg(pending).contains("Still awaiting a decision: 2 records"));
    }

    @Test
    void thePngIsTheSameDiagram() throws Exception {
        byte[] png = diagram.png(COUNTS, 2);
        Path out = Path.of("target/prisma-test.png");
        Files.write(out, png); // to look at
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        FlowDiagram.Drawing drawing = FlowDiagram.of(COUNTS);
        assertEquals((int) Math.ceil(drawing.width() * 2), image.getWidth());
        assertEquals((int) Math.ceil(drawing.height() * 2), image.getHeight());
        // the title box is filled in the template's gold, the phase bars in its blue, the page white
        FlowDiagram.Box title = drawing.boxes().get(0);
        assertEquals(0xffc000, image.getRGB((int) (title.x() * 2 + 30), (int) (title.y() * 2 + 6)) & 0xffffff);
        assertEquals(0xffffff, image.getRGB(2, 2) & 0xffffff);
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 80) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 10_000, "text and lines are drawn: " + dark);
    }

    @Test
    void theCsvHasThePrisma2020PackageLayoutAndFieldNames() {
        String csv = diagram.csv(COUNTS);
        List<String> lines = csv.lines().toList();
        assertEquals("data,node,box,description,boxtext,tooltips,url,n", lines.get(0));
        Map<String, String> n = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            assertEquals(8, cells.size(), line);
            n.put(cells.get(0) + "/" + cells.get(1), cells.get(7));
        }
        assertEquals("406", n.get("database_results/node7"));
        assertEquals("PubMed, 120; Scopus, 95; Web of Science, 41; 002_b89f686bb3a49483.txt (listing), 150"
                .length(), n.get("database_specific_results/NA").length());
        assertTrue(n.get("database_specific_results/NA").startsWith("002_b89f686bb3a49483.txt (listing), 150; "
                + "PubMed, 120"));
        assertEquals("88", n.get("duplicates/node8"));
        assertEquals("318", n.get("records_screened/node9"));
        assertEquals("251", n.get("records_excluded/node10"));
        assertEquals("67", n.get("dbr_sought_reports/node11"));
        assertEquals("4", n.get("dbr_notretrieved_reports/node12"));
        assertEquals("63", n.get("dbr_assessed/node13"));
        assertEquals("Not about interpretability of language models, 21; No method evaluated, 17; "
                + "Wrong study design & <other> \"quoted\", 3", n.get("dbr_excluded/node14"));
        assertEquals("22", n.get("new_studies/node15"));
        assertEquals("0", n.get("previous_studies/node5"));
    }

    /** A CSV line split into cells (quotes as RFC 4180). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
