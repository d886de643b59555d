package quire.importer.clipping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a clipped issue: the newsletter's name and the issue number, e.g. {@code ML Safety
 * Newsletter #7}, {@code Import AI Issue 350} or {@code The Batch No. 12: Smaller models}, with the subtitle after a
 * colon or dash when the page prints it on the same line.
 *
 * @param line     the heading as printed, without a same-line subtitle
 * @param name     the newsletter's name, e.g. {@code ML Safety Newsletter}
 * @param number   the issue number, digits
 * @param subtitle the subtitle printed on the same line, if any
 */
record IssueHeading(String line, String name, String number, Optional<String> subtitle) {

    /** Longer than this, a line is prose rather than a heading. */
    static final int MAX_LENGTH = 160;

    private static final Pattern HEADING = Pattern.compile(
            "(?<name>\\S.{0,119}?)\\s*[,:–—-]?\\s*(?:#\\s*|\\bNo\\.\\s*|\\bIssue\\s+(?:No\\.\\s*|#\\s*)?)(?<number>\\d{1,5})"
                    + "(?:\\s*[:–—|-]\\s*(?<subtitle>\\S.*))?",
            Pattern.CASE_INSENSITIVE);

    /** The heading in {@code line}, if it is one. */
    static Optional<IssueHeading> parse(String line) {
        String l = line.strip();
        if (l.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = HEADING.matcher(l);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group("name").strip();
        // a name needs a letter: "#7" alone, or "2024 #3", is not a newsletter's name
        if (!name.codePoints().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        String subtitle = m.group("subtitle");
        String printed = subtitle == null ? l : l.substring(0, m.start("subtitle")).replaceAll("[\\s:–—|-]+$", "");
        return Optional.of(new IssueHeading(printed, name, m.group("number"),
                Optional.ofNullable(subtitle).map(String::strip)));
    }

    /** The issue's title: the heading, then ": " and the subtitle when there is one. */
    String title(Optional<String> separateSubtitle) {
        Optional<String> sub = subtitle.or(() -> separateSubtitle);
        return sub.map(s -> line + ": " + s).orElse(line);
    }
}
