package quire.review.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import quire.api.library.Library;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.review.Criterion;
import quire.api.review.Decision;
import quire.api.review.RecordStatus;
import quire.api.review.ReviewService;
import quire.api.review.ScreeningOrder;
import quire.api.review.Verdict;

/**
 * The terminal screening loop of the current reviewer: shows one record (title, authors, year, venue, abstract),
 * reads {@code i} include, {@code e} exclude (then the reason), {@code m} maybe, {@code s} skip, {@code u} undo the
 * last decision of this session, {@code q} quit. Each decision is durable before the next record shows. Records
 * come most relevant first when a {@link ScreeningOrder} is installed, else in library order. With blinding, only
 * the reviewer's own decisions ever show.
 */
final class ScreeningLoop {

    private static final int WIDTH = 100;

    private final ReviewService review;
    private final Library library;
    private final Optional<ScreeningOrder> order;
    private final String stage;
    private final BufferedReader in;
    private final PrintStream out;

    ScreeningLoop(ReviewService review, Library library, Optional<ScreeningOrder> order, String stage,
            BufferedReader in, PrintStream out) {
        this.review = review;
        this.library = library;
        this.order = order;
        this.stage = stage;
        this.in = in;
        this.out = out;
    }

    /** The records this reviewer still has to screen, in the order to screen them. */
    List<String> queue() {
        int needed = review.protocol().reviewersPerRecord();
        Map<String, RecordStatus> statuses = review.statuses(stage);
        Set<String> open = new LinkedHashSet<>();
        statuses.forEach((id, s) -> {
            // settled by others (unblinded) or decided by enough reviewers: nothing left for this one to do
            if (s.own() == Verdict.NONE && s.outcome() == Verdict.NONE && !s.conflict() && s.decisions() < needed) {
                open.add(id);
            }
        });
        List<String> queue = new ArrayList<>();
        order.ifPresent(o -> {
            for (ScreeningOrder.Ranked ranked : o.rank(stage)) {
                if (open.remove(ranked.referenceId())) {
                    queue.add(ranked.referenceId());
                }
            }
        });
        queue.addAll(open);
        return queue;
    }

    void run(int limit) throws IOException {
        String reviewer = review.currentReviewer().map(r -> r.id()).orElseThrow(() -> new IllegalStateException(
                "no reviewer chosen on this machine: choose one with 'quire review reviewer INITIALS'"));
        Deque<Decision> session = new ArrayDeque<>();
        Deque<String> redo = new ArrayDeque<>(); // records to show again after an undo
        Set<String> skipped = new LinkedHashSet<>();
        int decided = 0;
        while (decided < limit) {
            List<String> queue = queue();
            String id = redo.isEmpty() ? queue.stream().filter(r -> !skipped.contains(r)).findFirst().orElse(null)
                    : redo.pop();
            if (id == null) {
                out.println("Nothing left for " + reviewer + " to screen in " + stage + ".");
                break;
            }
            show(id, queue.size());
            Answer answer = ask(id);
            if (answer == null || answer.quit()) {
                break;
            }
            if (answer.skip()) {
                skipped.add(id);
                continue;
            }
            if (answer.undo()) {
                if (session.isEmpty()) {
                    out.println("Nothing to undo in this session.");
                    redo.push(id);
                    continue;
                }
                Decision last = session.pop();
                review.undo(stage, last.referenceId());
                decided--;
                out.println("Withdrew " + ReviewCommand.describe(last) + " on " + last.referenceId() + ".");
                redo.push(id);
                redo.push(last.referenceId());
                continue;
            }
            List<Decision> written = review.decide(stage, List.of(id), answer.verdict(), answer.reason(),
                    Optional.empty());
            session.push(written.get(0));
            decided++;
            out.println("→ " + ReviewCommand.describe(written.get(0)) + "  (saved)");
        }
        out.println(reviewer + " decided " + decided + (decided == 1 ? " record" : " records") + " in this session; "
                + queue().size() + " left in " + stage + ".");
    }

    private void show(String id, int left) {
        Reference r = library.reference(id).orElseThrow();
        out.println();
        out.println("─".repeat(WIDTH));
        out.println(id + "  (" + left + " left)" + r.year().map(y -> "  " + y).orElse("")
                + r.venue().map(v -> "  " + v).orElse(""));
        wrap(r.title().isEmpty() ? "(no title)" : r.title()).forEach(out::println);
        if (!r.authors().isEmpty()) {
            String authors = r.authors().stream().limit(6).map(Person::family).collect(Collectors.joining(", "))
                    + (r.authors().size() > 6 || r.authorsTruncated() ? " et al." : "");
            wrap(authors).forEach(out::println);
        }
        out.println();
        wrap(r.abstractText().orElse("(no abstract)")).forEach(line -> out.println("  " + line));
        out.println();
    }

    /** An answer: a verdict (with its reason), or skip, undo, quit. */
    private record Answer(Verdict verdict, Optional<String> reason, boolean skip, boolean undo, boolean quit) {
    }

    private Answer ask(String id) throws IOException {
        while (true) {
            out.print("[i]nclude  [e]xclude  [m]aybe  [s]kip  [u]ndo  [q]uit > ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return null;
            }
            switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "i", "include" -> {
                    return new Answer(Verdict.INCLUDE, Optional.empty(), false, false, false);
                }
                case "m", "maybe" -> {
                    return new Answer(Verdict.MAYBE, Optional.empty(), false, false, false);
                }
                case "e", "exclude" -> {
                    List<Criterion> reasons = ReviewCommand.reasons(review.protocol(), stage);
                    if (reasons.isEmpty()) {
                        return new Answer(Verdict.EXCLUDE, Optional.empty(), false, false, false);
                    }
                    Optional<String> reason = reason(reasons);
                    if (reason.isPresent()) {
                        return new Answer(Verdict.EXCLUDE, reason, false, false, false);
                    }
                }
                case "s", "skip" -> {
                    return new Answer(Verdict.NONE, Optional.empty(), true, false, false);
                }
                case "u", "undo" -> {
                    return new Answer(Verdict.NONE, Optional.empty(), false, true, false);
                }
                case "q", "quit" -> {
                    return new Answer(Verdict.NONE, Optional.empty(), false, false, true);
                }
                default -> out.println("Type i, e, m, s, u or q.");
            }
        }
    }

    /** Asks for the exclusion reason by number or id; empty when the reviewer backs out with an empty line. */
    private Optional<String> reason(List<Criterion> reasons) throws IOException {
        while (true) {
            out.println("Reason for excluding:");
            for (int i = 0; i < reasons.size(); i++) {
                out.println("  " + (i + 1) + "  " + reasons.get(i).id() + "  " + reasons.get(i).text());
            }
            out.print("reason (number or id, empty to go back) > ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return Optional.empty();
            }
            String answer = line.strip();
            try {
                int n = Integer.parseInt(answer);
                if (n >= 1 && n <= reasons.size()) {
                    return Optional.of(reasons.get(n - 1).id());
                }
            } catch (NumberFormatException e) {
                for (Criterion c : reasons) {
                    if (c.id().equalsIgnoreCase(answer)) {
                        return Optional.of(c.id());
                    }
                }
            }
            out.println("No reason '" + answer + "'.");
        }
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
