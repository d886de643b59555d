package quire.cli;

import java.util.stream.Collectors;
import quire.api.model.Person;
import quire.api.model.Reference;

/** One line per reference for people reading a terminal: id, year, authors, title. */
final class ReferenceText {

    private ReferenceText() {
    }

    static String line(Reference r) {
        return r.id() + "  " + r.year().map(String::valueOf).orElse("----") + "  " + authors(r) + "  " + r.title();
    }

    static String authors(Reference r) {
        if (r.authors().isEmpty()) {
            return "(no authors)";
        }
        String names = r.authors().stream().limit(3).map(Person::family).collect(Collectors.joining(", "));
        return r.authors().size() > 3 || r.authorsTruncated() ? names + " et al." : names;
    }
}
