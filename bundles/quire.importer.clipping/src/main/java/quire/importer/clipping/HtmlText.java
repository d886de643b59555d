package quire.importer.clipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTML that a clipper left in the text, mostly links ({@code <a href="...">text</a>}). What a reader sees is
 * kept and the markup dropped, so that no tag reaches a title or an abstract; the addresses of links are kept apart.
 */
final class HtmlText {

    /** A line's text without markup, and the addresses its links pointed to. */
    record Stripped(String text, List<String> hrefs) {

        Stripped {
            hrefs = List.copyOf(hrefs);
        }
    }

    // a tag, or the start of one that a cut page left open at the end of the line
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?(?:>|$)");
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "mdash", "—", "ndash", "–", "hellip", "…", "rsquo", "’");

    private HtmlText() {
    }

    /** Whether the line holds markup at all (cheap test before {@link #strip}). */
    static boolean hasMarkup(String line) {
        return line.indexOf('<') >= 0 && TAG.matcher(line).find();
    }

    /** The line's visible text, entities decoded, and the {@code href} of every tag that has one. */
    static Stripped strip(String line) {
        List<String> hrefs = new ArrayList<>();
        Matcher tag = TAG.matcher(line);
        StringBuilder text = new StringBuilder();
        while (tag.find()) {
            Matcher href = HREF.matcher(tag.group());
            if (href.find()) {
                String value = href.group(1) != null ? href.group(1)
                        : href.group(2) != null ? href.group(2) : href.group(3);
                if (!value.isBlank()) {
                    hrefs.add(unescape(value.strip()));
                }
            }
            tag.appendReplacement(text, "");
        }
        tag.appendTail(text);
        return new Stripped(unescape(text.toString()).replaceAll("\\s{2,}", " ").strip(), hrefs);
    }

    /** The text with character references ({@code &amp;}, {@code &#39;}, {@code &#x2014;}) decoded. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            try {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                    replacement = Character.toString(Integer.parseInt(name.substring(2), 16));
                } else if (name.startsWith("#")) {
                    replacement = Character.toString(Integer.parseInt(name.substring(1)));
                } else {
                    replacement = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
                }
            } catch (IllegalArgumentException e) {
                replacement = m.group(); // not a code point: leave it as written
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
