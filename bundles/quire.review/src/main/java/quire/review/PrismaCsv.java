package quire.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import quire.api.review.PrismaCounts;

/**
 * The counts in the layout of the PRISMA2020 R package's template ({@code inst/extdata/PRISMA.csv}): one row per
 * field with the columns {@code data,node,box,description,boxtext,tooltips,url,n}. The {@code data}, {@code node}
 * and {@code box} values are the package's own, so {@code PRISMA_data(read.csv(...))} reads the file; fields of the
 * arms this review has no data for (previous studies, other methods) are 0. A field with several values
 * ({@code database_specific_results}, {@code dbr_excluded}) lists them as {@code name, n; name, n}.
 */
final class PrismaCsv {

    static final String HEADER = "data,node,box,description,boxtext,tooltips,url,n";

    private PrismaCsv() {
    }

    private record Row(String data, String node, String box, String description, String boxtext, String tooltips,
            String url, String n) {
    }

    static String csv(PrismaCounts c) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("NA", "node4", "prevstud", "Grey title box; Previous studies", "Previous studies",
                "Grey title box; Previous studies", "prevstud.html", "0"));
        rows.add(field("previous_studies", "node5", "box1", "Studies included in previous version of review", 0));
        rows.add(field("previous_reports", "NA", "box1", "Reports of studies included in previous version of review",
                0));
        rows.add(new Row("NA", "node6", "newstud", "Yellow title box; Identification of new studies via databases"
                + " and registers", "Identification of new studies via databases and registers",
                "Yellow title box; Identification of new studies via databases and registers", "newstud.html", "0"));
        rows.add(field("database_results", "node7", "box2", "Records identified from: Databases", c.identified()));
        rows.add(new Row("database_specific_results", "NA", "box2", "Records identified from: specific databases",
                "Specific Databases", "NA", "database_results.html", list(c.databaseResults())));
        rows.add(field("register_results", "NA", "box2", "Records identified from: Registers", 0));
        rows.add(new Row("register_specific_results", "NA", "box2", "Records identified from: specific registers",
                "Specific Registers", "NA", "database_results.html", ""));
        rows.add(new Row("NA", "node16", "othstud", "Grey title box; Identification of new studies via other methods",
                "Identification of new studies via other methods",
                "Grey title box; Identification of new studies via other methods", "othstud.html", "0"));
        rows.add(field("website_results", "node17", "box11", "Records identified from: Websites", 0));
        rows.add(field("organisation_results", "NA", "box11", "Records identified from: Organisations", 0));
        rows.add(field("citations_results", "NA", "box11", "Records identified from: Citation searching", 0));
        rows.add(field("duplicates", "node8", "box3", "Duplicate records", c.duplicates()));
        rows.add(field("excluded_automatic", "NA", "box3", "Records marked as ineligible by automation tools", 0));
        rows.add(field("excluded_other", "NA", "box3", "Records removed for other reasons", c.removedOther()));
        rows.add(field("records_screened", "node9", "box4", "Records screened (databases and registers)",
                c.recordsScreened()));
        rows.add(field("records_excluded", "node10", "box5", "Records excluded (databases and registers)",
                c.recordsExcluded()));
        rows.add(field("dbr_sought_reports", "node11", "box6", "Reports sought for retrieval (databases and"
                + " registers)", c.reportsSought()));
        rows.add(field("dbr_notretrieved_reports", "node12", "box7", "Reports not retrieved (databases and"
                + " registers)", c.reportsNotRetrieved()));
        rows.add(field("other_sought_reports", "node18", "box12", "Reports sought for retrieval (other)", 0));
        rows.add(field("other_notretrieved_reports", "node19", "box13", "Reports not retrieved (other)", 0));
        rows.add(field("dbr_assessed", "node13", "box8", "Reports assessed for eligibility (databases and registers)",
                c.reportsAssessed()));
        rows.add(new Row("dbr_excluded", "node14", "box9", "Reports excluded (databases and registers), by reason",
                "Reports excluded", "Reports excluded (databases and registers)", "dbrexcludedrecords.html",
                list(c.reportsExcluded())));
        rows.add(field("other_assessed", "node20", "box14", "Reports assessed for eligibility (other)", 0));
        rows.add(new Row("other_excluded", "node21", "box15", "Reports excluded (other), by reason",
                "Reports excluded", "Reports excluded (other)", "other_excluded.html", ""));
        rows.add(field("new_studies", "node15", "box10", "New studies included in review", c.newStudies()));
        rows.add(field("new_reports", "NA", "box10", "Reports of new included studies", c.newStudies()));
        rows.add(field("total_studies", "node22", "box16", "Total studies included in review", c.newStudies()));
        rows.add(field("total_reports", "NA", "box16", "Reports of total included studies", c.newStudies()));
        rows.add(new Row("NA", "node1", "identification", "Blue identification box", "Identification",
                "Blue identification box", "identification.html", "0"));
        rows.add(new Row("NA", "node2", "screening", "Blue screening box", "Screening", "Blue screening box",
                "screening.html", "0"));
        rows.add(new Row("NA", "node3", "included", "Blue included box", "Included", "Blue included box",
                "included.html", "0"));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Row row : rows) {
            csv.append(String.join(",", List.of(cell(row.data()), cell(row.node()), cell(row.box()),
                    cell(row.description()), cell(row.boxtext()), cell(row.tooltips()), cell(row.url()),
                    cell(row.n())))).append('\n');
        }
        return csv.toString();
    }

    /** A row whose node shows in the diagram: its text is also its tooltip; the box has its own page. */
    private static Row field(String data, String node, String box, String description, int n) {
        boolean shown = !node.equals("NA");
        String boxtext = description.replaceAll(" \\((databases and registers|other)\\)$", "")
                .replaceFirst("^Records identified from: ", "");
        return new Row(data, node, box, description, boxtext, shown ? description : "NA",
                shown ? data + ".html" : "NA", Integer.toString(n));
    }

    /** {@code name, n; name, n}, the package's way of giving several values in one cell. */
    static String list(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                // the package splits on ";" and ",": a name must not carry them
                .map(e -> e.getKey().replace(';', ' ').replace(',', ' ').strip() + ", " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
