package quire.importer.clipping;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines a web page adds around an article: sign-in prompts, share and like buttons, counters, comment
 * sections, "more about" boxes and footers. A clipping keeps them as text; none of them is part of the newsletter.
 *
 * <p>Some chrome is {@linkplain Kind#INLINE inline} (a "Share" button between two paragraphs: skip it, the article
 * goes on); some marks the {@linkplain Kind#PAGE_END end of the article} ("No posts", "Sign in to join the
 * discussion", "Knowledge Map"): whatever follows is the site's own material, where only arXiv announcements and
 * news links are worth keeping.
 */
final class PageChrome {

    /** What a line is. */
    enum Kind {
        /** Text of the page. */
        NONE,
        /** A button or counter inside the article: skipped. */
        INLINE,
        /** The end of the article: skipped, and the page's trailing boxes begin. */
        PAGE_END
    }

    private static final Set<String> INLINE_LINES = Set.of("subscribe", "sign in", "share", "share this post",
            "copy link", "facebook", "email", "notes", "more", "like", "likes", "restack", "comment", "comments",
            "x", "twitter", "linkedin", "reddit", "upgrade to paid", "subscribed", "type your email...",
            "type your email…", "read more", "listen", "save", "print", "home", "archive", "about", "menu", "search");

    private static final Set<String> END_LINES = Set.of("no posts", "conversation starters", "more about",
            "knowledge map", "discussion", "discussion about this post", "ready for more?", "top", "latest",
            "discussions", "previous", "next", "daily ai digest", "leave a comment", "related posts",
            "related articles", "recommended", "you might also like", "connected articles",
            "connected articles — knowledge graph");

    private static final List<String> INLINE_PREFIXES = List.of("subscribe to ", "subscribe now", "share this ",
            "thanks for reading", "sign up", "upgrade to ", "get the top ", "start writing", "get the app");

    private static final List<String> END_PREFIXES = List.of("sign in to ", "no comments yet", "©",
            "this article is connected to other articles", "all rights reserved", "substack is the home",
            "privacy ∙", "privacy policy", "terms of service", "terms of use", "be the first to comment",
            "write a comment", "show more comments");

    /** A footer's copyright line, and a box of more articles ("More in Frontier Research"), not a sentence. */
    private static final Pattern END_PATTERN = Pattern.compile(
            "copyright\\s*(?:©|\\(c\\)|\\d{4}).*|more in [^.!?]{1,50}", Pattern.CASE_INSENSITIVE);

    /** Counters and buttons with counts: "12", "12 likes", "Like (3)", "3 Restacks", "5 min read". */
    private static final Pattern COUNTER = Pattern.compile(
            "(?:\\d[\\d,.]*[kKmM]?\\s*)?(?:likes?|comments?|restacks?|shares?|replies|reply|min read|upvotes?)?"
                    + "(?:\\s*\\(?\\d[\\d,.]*[kKmM]?\\)?)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NEWSLETTER_SIGNUP = Pattern.compile(
            "\\b(?:delivered to your inbox|subscribe for free|join \\d[\\d,]* (?:other )?(?:subscribers|readers))\\b"
                    + "|^get \\d+% off\\b",
            Pattern.CASE_INSENSITIVE);

    /** Chrome is short; a longer line is text, whatever words it has. */
    private static final int MAX_CHROME = 200;

    private PageChrome() {
    }

    /** What kind of chrome {@code line} (stripped, not blank) is, if any. */
    static Kind classify(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty() || l.length() > MAX_CHROME) {
            return Kind.NONE;
        }
        if (END_LINES.contains(l) || startsWithAny(l, END_PREFIXES) || END_PATTERN.matcher(l).matches()) {
            return Kind.PAGE_END;
        }
        if (INLINE_LINES.contains(l) || startsWithAny(l, INLINE_PREFIXES) || NEWSLETTER_SIGNUP.matcher(l).find()
                || l.length() <= 24 && COUNTER.matcher(l).matches()) {
            return Kind.INLINE;
        }
        return Kind.NONE;
    }

    /** Whether {@code line} opens a box of topic tags, whose tags the page glues to the line after it. */
    static boolean opensTagBox(String line) {
        return line.strip().equalsIgnoreCase("more about");
    }

    private static boolean startsWithAny(String line, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
