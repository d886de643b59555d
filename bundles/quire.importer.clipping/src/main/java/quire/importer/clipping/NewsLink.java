package quire.importer.clipping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A news link as news aggregators print it in a page's side boxes: the headline with its outlet
 * ({@code Anthropic Dials Back AI Safety Commitments - WSJ}), then the raw link
 * ({@code <a href="https://news.google.com/...">Anthropic Dials Back AI Safety Commitments</a> <font
 * color="#6f6f6f">WSJ</font>}).
 *
 * @param headline the link's text, decoded
 * @param url      the address, decoded; empty when the link has none (a broken record)
 * @param outlet   the outlet from the {@code <font>} after the link, if any
 */
record NewsLink(String headline, Optional<String> url, Optional<String> outlet) {

    private static final Pattern ANCHOR = Pattern.compile("^\\s*<a\\b([^>]*)>(.*?)</a>\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN_ANCHOR = Pattern.compile("^\\s*<a\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern WHOLE_LINE = Pattern.compile(
            "^\\s*<a\\b[^>]*>.*?</a>\\s*(?:<font\\b[^>]*>.*?</font>)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** Whether the line is a complete link and nothing else: a link box, not a paragraph that starts with a link. */
    static boolean isWholeLine(String line) {
        return WHOLE_LINE.matcher(line).matches();
    }

    /** Whether the line is a raw link, well formed or not. */
    static boolean isLinkLine(String line) {
        return OPEN_ANCHOR.matcher(line).matches();
    }

    /** The link on the line; empty when the line is a link but cannot be read (no closing tag). */
    static Optional<NewsLink> parse(String line) {
        Matcher m = ANCHOR.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        HtmlText.Stripped open = HtmlText.strip("<a" + m.group(1) + ">");
        String headline = HtmlText.strip(m.group(2)).text();
        String outlet = HtmlText.strip(m.group(3)).text();
        Optional<String> url = open.hrefs().stream().findFirst()
                .filter(u -> u.regionMatches(true, 0, "http", 0, 4));
        return Optional.of(new NewsLink(headline, url, Optional.of(outlet).filter(s -> !s.isBlank())));
    }

    /** Whether {@code line} is this link's headline as the page prints it above the link. */
    boolean isHeadline(String line) {
        String l = line.strip();
        return !headline.isBlank() && (l.equalsIgnoreCase(headline) || l.regionMatches(true, 0, headline, 0,
                headline.length()) && outlet.map(o -> l.endsWith(o)).orElse(true));
    }
}
