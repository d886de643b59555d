package quire.review.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.review.Criterion;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewService;
import quire.api.review.Reviewer;
import quire.api.review.SearchRun;

/** {@code review protocol ...}: shows the protocol, or changes one thing in it and saves it. */
final class ProtocolEditing {

    private final ReviewService review;

    ProtocolEditing(ReviewService review) {
        this.review = review;
    }

    int run(List<String> args, CommandIO io) throws Exception {
        Options options = Options.parse("protocol", args, Set.of("--format", "--date", "--hits", "--file"),
                Set.of());
        List<String> ops = options.operands();
        String action = ops.isEmpty() ? "show" : ops.get(0);
        ReviewProtocol p = review.protocol();
        ReviewProtocol changed = switch (action) {
            case "show" -> {
                show(p, options.format("text", "json").equals("json"), io);
                yield null;
            }
            case "set" -> set(p, ops);
            case "add" -> add(p, ops, options);
            case "remove" -> remove(p, ops);
            default -> throw new UsageException("unknown protocol action '" + action + "' (show, set, add, remove)");
        };
        if (changed != null) {
            review.saveProtocol(changed);
            io.out().println("protocol saved: " + summary(changed));
        }
        return Command.OK;
    }

    private static ReviewProtocol set(ReviewProtocol p, List<String> ops) throws UsageException {
        if (ops.size() < 3) {
            throw new UsageException("protocol set needs what and a value, e.g. protocol set title 'My review'");
        }
        String value = String.join(" ", ops.subList(2, ops.size())).strip();
        return switch (ops.get(1)) {
            case "title" -> new ReviewProtocol(value, p.question(), p.criteria(), p.searches(), p.reviewers(),
                    p.blinded(), p.reviewersPerRecord());
            case "question" -> new ReviewProtocol(p.title(), value, p.criteria(), p.searches(), p.reviewers(),
                    p.blinded(), p.reviewersPerRecord());
            case "blinded", "blinding" -> new ReviewProtocol(p.title(), p.question(), p.criteria(), p.searches(),
                    p.reviewers(), onOff(value), p.reviewersPerRecord());
            case "reviewers-per-record" -> {
                int n;
                try {
                    n = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1 || n > 2) {
                    throw new UsageException("reviewers-per-record is 1 or 2, not '" + value + "'");
                }
                yield new ReviewProtocol(p.title(), p.question(), p.criteria(), p.searches(), p.reviewers(),
                        p.blinded(), n);
            }
            default -> throw new UsageException("cannot set '" + ops.get(1) + "' (title, question, blinded,"
                    + " reviewers-per-record)");
        };
    }

    private static boolean onOff(String value) throws UsageException {
        return switch (value) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new UsageException("blinded is on or off, not '" + value + "'");
        };
    }

    private static ReviewProtocol add(ReviewProtocol p, List<String> ops, Options options) throws UsageException {
        if (ops.size() < 3) {
            throw new UsageException("protocol add needs what and its values, e.g. protocol add reviewer AB 'Ada"
                    + " Byron'");
        }
        String rest = String.join(" ", ops.subList(3, ops.size())).strip();
        switch (ops.get(1)) {
            case "criterion" -> {
                String id = ops.get(2);
                if (id.equals(Criterion.NOT_RETRIEVED)) {
                    throw new UsageException("'" + id + "' is reserved for full texts that could not be obtained");
                }
                if (p.criterion(id).isPresent()) {
                    throw new UsageException("there is a criterion '" + id + "' already");
                }
                if (rest.isEmpty()) {
                    throw new UsageException("a criterion needs its text, e.g. protocol add criterion wrong-population"
                            + " 'Not adults with type 2 diabetes'");
                }
                List<Criterion> criteria = new ArrayList<>(p.criteria());
                criteria.add(new Criterion(id, rest));
                return new ReviewProtocol(p.title(), p.question(), criteria, p.searches(), p.reviewers(),
                        p.blinded(), p.reviewersPerRecord());
            }
            case "reviewer" -> {
                String id = ops.get(2);
                if (p.reviewer(id).isPresent()) {
                    throw new UsageException("there is a reviewer '" + id + "' already");
                }
                List<Reviewer> reviewers = new ArrayList<>(p.reviewers());
                reviewers.add(new Reviewer(id, rest.isEmpty() ? id : rest));
                return new ReviewProtocol(p.title(), p.question(), p.criteria(), p.searches(), reviewers,
                        p.blinded(), p.reviewersPerRecord());
            }
            case "search" -> {
                if (ops.size() < 4) {
                    throw new UsageException("a search needs a database and the query as run there");
                }
                LocalDate date;
                int hits;
                try {
                    date = LocalDate.parse(options.option("--date").orElseThrow(
                            () -> new UsageException("a search needs --date YYYY-MM-DD, the day it was run")));
                } catch (DateTimeParseException e) {
                    throw new UsageException("--date is YYYY-MM-DD, not '" + options.option("--date").get() + "'");
                }
                try {
                    hits = Integer.parseInt(options.option("--hits").orElseThrow(
                            () -> new UsageException("a search needs --hits N, the number the database reported")));
                } catch (NumberFormatException e) {
                    throw new UsageException("--hits needs a whole number");
                }
                List<SearchRun> searches = new ArrayList<>(p.searches());
                searches.add(new SearchRun(ops.get(2), rest, date, hits, options.all("--file")));
                return new ReviewProtocol(p.title(), p.question(), p.criteria(), searches, p.reviewers(),
                        p.blinded(), p.reviewersPerRecord());
            }
            default -> throw new UsageException("cannot add '" + ops.get(1) + "' (criterion, reviewer, search)");
        }
    }

    private static ReviewProtocol remove(ReviewProtocol p, List<String> ops) throws UsageException {
        if (ops.size() != 3) {
            throw new UsageException("protocol remove needs what and which, e.g. protocol remove criterion"
                    + " wrong-topic");
        }
        String which = ops.get(2);
        switch (ops.get(1)) {
            case "criterion" -> {
                List<Criterion> criteria = new ArrayList<>(p.criteria());
                if (!criteria.removeIf(c -> c.id().equals(which))) {
                    throw new UsageException("no criterion '" + which + "'");
                }
                return new ReviewProtocol(p.title(), p.question(), criteria, p.searches(), p.reviewers(),
                        p.blinded(), p.reviewersPerRecord());
            }
            case "reviewer" -> {
                List<Reviewer> reviewers = new ArrayList<>(p.reviewers());
                if (!reviewers.removeIf(r -> r.id().equals(which))) {
                    throw new UsageException("no reviewer '" + which + "'");
                }
                return new ReviewProtocol(p.title(), p.question(), p.criteria(), p.searches(), reviewers,
                        p.blinded(), p.reviewersPerRecord());
            }
            case "search" -> {
                List<SearchRun> searches = new ArrayList<>(p.searches());
                int index;
                try {
                    index = Integer.parseInt(which) - 1;
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= searches.size()) {
                    throw new UsageException("searches are numbered 1 to " + searches.size() + " (protocol show)");
                }
                searches.remove(index);
                return new ReviewProtocol(p.title(), p.question(), p.criteria(), searches, p.reviewers(),
                        p.blinded(), p.reviewersPerRecord());
            }
            default -> throw new UsageException("cannot remove '" + ops.get(1) + "' (criterion, reviewer, search)");
        }
    }

    private static String summary(ReviewProtocol p) {
        return p.criteria().size() + " criteria, " + p.reviewers().size() + " reviewers, " + p.searches().size()
                + " searches, " + (p.blinded() ? "blinded" : "not blinded") + ", " + p.reviewersPerRecord()
                + " per record";
    }

    private static void show(ReviewProtocol p, boolean json, CommandIO io) {
        if (json) {
            ObjectNode root = ReviewCommand.JSON.createObjectNode();
            root.put("title", p.title()).put("question", p.question()).put("blinded", p.blinded())
                    .put("reviewersPerRecord", p.reviewersPerRecord());
            ArrayNode criteria = root.putArray("criteria");
            p.criteria().forEach(c -> criteria.addObject().put("id", c.id()).put("text", c.text()));
            ArrayNode reviewers = root.putArray("reviewers");
            p.reviewers().forEach(r -> reviewers.addObject().put("id", r.id()).put("name", r.name()));
            ArrayNode searches = root.putArray("searches");
            p.searches().forEach(s -> {
                ObjectNode node = searches.addObject().put("database", s.database()).put("query", s.query())
                        .put("date", s.date().toString()).put("hits", s.hits());
                node.set("importFiles", ReviewCommand.JSON.valueToTree(s.importFiles()));
            });
            io.out().println(root.toPrettyString());
            return;
        }
        io.out().println("title:     " + p.title());
        io.out().println("question:  " + p.question());
        io.out().println("screening: " + (p.blinded() ? "blinded" : "not blinded") + ", " + p.reviewersPerRecord()
                + (p.reviewersPerRecord() == 1 ? " reviewer" : " reviewers") + " per record");
        io.out().println("reviewers:");
        p.reviewers().forEach(r -> io.out().println("  " + r.id() + "  " + r.name()));
        io.out().println("criteria (exclusion reasons):");
        p.criteria().forEach(c -> io.out().println("  " + c.id() + "  " + c.text()));
        io.out().println("searches:");
        for (int i = 0; i < p.searches().size(); i++) {
            SearchRun s = p.searches().get(i);
            io.out().println("  " + (i + 1) + ". " + s.database() + "  " + s.date() + "  " + s.hits() + " hits  "
                    + s.query() + (s.importFiles().isEmpty() ? "" : "  (" + String.join(", ", s.importFiles())
                    + ")"));
        }
    }
}
