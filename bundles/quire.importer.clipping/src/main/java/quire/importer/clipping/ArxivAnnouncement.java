package quire.importer.clipping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.Identifiers;

/**
 * An arXiv announcement as arXiv's RSS feeds word it and pages copy it:
 * {@code arXiv:2603.29957v1 Announce Type: new Abstract: Recent advances ...}. The title (and sometimes the
 * authors) are on the lines before it.
 *
 * @param writtenId    the identifier as written, e.g. {@code 2603.29957v1}
 * @param arxivId      the identifier without version; empty when what is written is not an arXiv id
 * @param announceType {@code new}, {@code cross}, {@code replace}, ...
 * @param abstractText the abstract on the same line, if any
 */
record ArxivAnnouncement(String writtenId, Optional<String> arxivId, String announceType,
        Optional<String> abstractText) {

    private static final Pattern LINE = Pattern.compile(
            "^arXiv:\\s*(?<id>\\S+)\\s+Announce Type:\\s*(?<type>[\\w-]*)\\s*(?:Abstract:\\s*(?<abstract>.*))?$",
            Pattern.CASE_INSENSITIVE);

    /** Whether the line is an announcement, with a valid identifier or not. */
    static boolean isAnnouncement(String line) {
        return LINE.matcher(line.strip()).matches();
    }

    /** The announcement on the line, if it is one. */
    static Optional<ArxivAnnouncement> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group("id");
        return Optional.of(new ArxivAnnouncement(id, Identifiers.arxiv(id), m.group("type"),
                Optional.ofNullable(m.group("abstract")).map(String::strip).filter(s -> !s.isEmpty())));
    }
}
