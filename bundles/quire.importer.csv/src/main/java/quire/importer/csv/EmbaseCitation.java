package quire.importer.csv;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embase's Source column, a whole citation in one cell: {@code Cancer (2004) 102:4 (253-258). Date of
 * Publication: 25 Aug 2004}, i.e. journal, year, volume:issue, pages and a date to any precision.
 *
 * @param venue  the journal
 * @param year   the year in parentheses
 * @param volume volume, if given
 * @param issue  issue, if given
 * @param pages  page range, if given
 * @param date   the date of publication as written, if given
 */
record EmbaseCitation(String venue, int year, Optional<String> volume, Optional<String> issue,
        Optional<String> pages, Optional<String> date) {

    private static final Pattern CITATION = Pattern.compile(
            "(.+?)\\s*\\((\\d{4})\\)\\s*(?:([^\\s:(.]+)(?::([^\\s(]+?))?)?\\s*(?:\\(([^)]*)\\))?\\.?\\s*"
                    + "(?:Date of Publication:\\s*(.*?))?\\s*", Pattern.DOTALL);

    /** The parts of {@code text}, or empty when it is not such a citation. */
    static Optional<EmbaseCitation> parse(String text) {
        Matcher m = CITATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EmbaseCitation(m.group(1).strip(), Integer.parseInt(m.group(2)),
                present(m.group(3)), present(m.group(4)), present(m.group(5)), present(m.group(6))));
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }
}
