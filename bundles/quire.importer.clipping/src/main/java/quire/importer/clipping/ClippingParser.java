package quire.importer.clipping;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.IssuedDate;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Reads a clipped newsletter page line by line and hands its records to an {@link ImportSink}, in page order:
 *
 * <ol>
 * <li>the issue ({@link ReferenceType#NEWSLETTER}, position 0): the heading ({@code ML Safety Newsletter #7}), the
 * subtitle line, an optional date, address and byline, and the introduction ("Welcome to the 7th issue ... we
 * cover:" and its bullets) as the abstract;</li>
 * <li>the body: each item ({@link ReferenceType#NOTE}) is the paragraphs up to a line of link markers
 * ({@code [Link]}, {@code [Paper] [Video]}), or a one-line bullet {@code - [Link] text};</li>
 * <li>the page's trailing boxes, after the first line of {@linkplain PageChrome page chrome} that ends an article:
 * arXiv announcements ({@link ReferenceType#PREPRINT}), news links and teasers ({@link ReferenceType#WEBPAGE}).
 * Everything else there is chrome and is dropped.</li>
 * </ol>
 *
 * <p>Memory stays flat: only the current item (at most {@value #MAX_ITEM_CHARS} characters) and a few lines of the
 * trailing boxes are held.
 */
final class ClippingParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "clipping";

    /** An item longer than this is cut, with a warning; a page without markers must not fill the heap. */
    static final int MAX_ITEM_CHARS = 100_000;

    /** Lines of a trailing box held while waiting for the link or announcement they introduce. */
    private static final int MAX_PENDING = 16;

    private static final String ARXIV = "arXiv";
    private static final String HUGGING_FACE = "Hugging Face Papers";
    private static final int QUOTE_LIMIT = 80;

    private static final Pattern INTRO = Pattern.compile(
            "^(?:welcome to\\b|in this (?:edition|issue|newsletter|week)\\b|this (?:week|issue|edition)\\b).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUE_ORDINAL = Pattern.compile("\\b(\\d{1,5})(?:st|nd|rd|th)\\s+issue\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String MARKER = "\\[\\p{Lu}[\\w .&-]{0,24}\\]";
    /** A line of link markers only: {@code [Link]}, {@code [Paper] [Video]}, {@code [Link 1] [Link 2]}. */
    private static final Pattern MARKERS = Pattern.compile("^(?:" + MARKER + "\\s*)+$");
    /** A one-line item: {@code - [Link] text}. */
    private static final Pattern MARKER_BULLET = Pattern.compile("^[-•*–]\\s*((?:" + MARKER + "\\s*)+)(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-•*–]\\s+\\S.*");
    private static final Pattern URL_LINE = Pattern.compile(
            "^(?:(?:url|source|link|clipped from|original)\\s*:\\s*)?(https?://\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("^by\\s+\\p{Lu}.*", Pattern.CASE_INSENSITIVE);
    /** Topic tags glued to the line after "More about": {@code modelsafetyemergentThink Anywhere ...}. */
    private static final Pattern GLUED_TAGS = Pattern.compile("^[\\p{Ll}\\d-]+(?=\\p{Lu})");
    private static final Pattern UPVOTES = Pattern.compile("\\s*\\((\\d+) upvotes? on Hugging\\s?Face\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_MORE = Pattern.compile("\\s*Read more:.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF]");
    private static final Pattern HEADING_LIKE = Pattern.compile("^[^.!?]{1,80}$");

    private enum State { HEADING, HEADER, INTRO, BODY, TRAILER }

    /** A line and its number, from 1; {@code hrefs} are the addresses of links stripped from its text. */
    private record Line(int number, String text, List<String> hrefs) {

        Line(int number, String text) {
            this(number, text, List.of());
        }
    }

    private final String sourceName;
    private final ImportSink sink;

    private State state = State.HEADING;
    private int position;
    private boolean stopped;

    // the issue
    private IssueHeading heading;
    private String headingText;
    private int headingLine;
    private boolean subtitleChecked;
    private String subtitle;
    private IssuedDate issued;
    private String issueUrl;
    private AuthorList byline;
    private final List<String> intro = new ArrayList<>();
    private String issueTitle;

    // the item being read
    private final List<Line> item = new ArrayList<>();
    private int itemChars;
    private boolean itemCut;
    private boolean lastWasMarker;

    // the trailing boxes
    private final Deque<Line> pending = new ArrayDeque<>();
    private boolean tagsGlued;
    private Reference.Builder heldPreprint;
    private int heldLine;
    private boolean heldHasAbstract;

    /**
     * @param sourceName the file name for provenance and messages
     * @param sink       where the records and problems go
     */
    ClippingParser(String sourceName, ImportSink sink) {
        this.sourceName = sourceName;
        this.sink = sink;
    }

    /** Reads the whole page from {@code in}, stopping early when the sink is cancelled. */
    void parse(BufferedReader in) throws IOException {
        int number = 0;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            number++;
            if (sink.cancelled()) {
                return;
            }
            accept(new Line(number, clean(raw, number)));
            if (stopped) {
                return;
            }
        }
        finish();
    }

    /** The line without a byte order mark, zero-width characters and non-breaking spaces; stripped. */
    private static String clean(String raw, int number) {
        String text = number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace('\u00A0', ' ');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u200B' && (c <= '\u200D' || c == '\u2060' || c == '\uFEFF')) {
                return INVISIBLE.matcher(text).replaceAll("").strip();
            }
        }
        return text.strip();
    }

    private void accept(Line line) {
        switch (state) {
            case HEADING -> heading(line);
            case HEADER -> header(line);
            case INTRO -> intro(line);
            case BODY -> body(line);
            case TRAILER -> trailer(line);
        }
    }

    // ---- the issue ----

    private void heading(Line line) {
        if (line.text().isEmpty() || PageChrome.classify(line.text()) != PageChrome.Kind.NONE) {
            return; // a page may start with "Subscribe" or "Sign in" before the heading
        }
        headingLine = line.number();
        String text = HtmlText.hasMarkup(line.text()) ? HtmlText.strip(line.text()).text() : line.text();
        heading = IssueHeading.parse(text).orElse(null);
        headingText = text;
        if (heading == null) {
            sink.problem(ImportProblem.warning(sourceName, line.number(), "the first line is not a newsletter "
                    + "heading such as \"ML Safety Newsletter #7\"; used " + quote(text) + " as the issue's title"));
        }
        state = State.HEADER;
    }

    private void header(Line line) {
        String text = line.text();
        if (text.isEmpty()) {
            return;
        }
        PageChrome.Kind chrome = PageChrome.classify(text);
        if (chrome == PageChrome.Kind.INLINE) {
            return;
        }
        if (chrome == PageChrome.Kind.PAGE_END) {
            emitIssue();
            state = State.TRAILER;
            trailer(line);
            return;
        }
        boolean first = !subtitleChecked;
        subtitleChecked = true;
        Optional<IssuedDate> date = PageDate.parse(text);
        if (date.isPresent()) {
            if (issued == null) {
                issued = date.get();
            }
            return;
        }
        Matcher url = URL_LINE.matcher(text);
        if (url.matches()) {
            if (issueUrl == null) {
                issueUrl = IdentifierFinder.trimUrl(url.group(1));
            }
            return;
        }
        if (BYLINE.matcher(text).matches()) {
            Optional<AuthorList> authors = AuthorList.parse(text);
            if (authors.isPresent()) {
                byline = authors.get();
                return;
            }
        }
        if (INTRO.matcher(text).matches()) {
            intro.add(text);
            state = State.INTRO;
            return;
        }
        if (first && isSubtitle(text)) {
            subtitle = text;
            return;
        }
        emitIssue();
        state = State.BODY;
        body(line);
    }

    /** The line under the heading is its subtitle unless it reads as the start of the article. */
    private boolean isSubtitle(String text) {
        return (heading == null || heading.subtitle().isEmpty()) && text.length() <= 250 && !text.endsWith(".")
                && !text.endsWith(":") && !MARKERS.matcher(text).matches() && !BULLET.matcher(text).matches()
                && !HtmlText.hasMarkup(text) && !ArxivAnnouncement.isAnnouncement(text);
    }

    private void intro(Line line) {
        String text = line.text();
        if (text.isEmpty()) {
            return;
        }
        PageChrome.Kind chrome = PageChrome.classify(text);
        if (chrome == PageChrome.Kind.INLINE) {
            return;
        }
        if (chrome == PageChrome.Kind.PAGE_END) {
            emitIssue();
            state = State.TRAILER;
            trailer(line);
            return;
        }
        String previous = intro.getLast();
        boolean listFollows = previous.endsWith(":") || BULLET.matcher(previous).matches();
        if (listFollows && BULLET.matcher(text).matches() && !MARKER_BULLET.matcher(text).matches()
                || INTRO.matcher(text).matches()) {
            intro.add(text);
            return;
        }
        emitIssue();
        state = State.BODY;
        body(line);
    }

    private void emitIssue() {
        issueTitle = heading != null ? heading.title(Optional.ofNullable(subtitle))
                : subtitle != null ? headingText + ": " + subtitle : headingText;
        Reference.Builder b = Reference.builder()
                .type(ReferenceType.NEWSLETTER)
                .title(issueTitle)
                .venue(heading != null ? heading.name() : headingText);
        String number = heading != null ? heading.number() : null;
        if (number == null && !intro.isEmpty()) {
            Matcher ordinal = ISSUE_ORDINAL.matcher(intro.getFirst());
            number = ordinal.find() ? ordinal.group(1) : null;
        }
        b.issue(number);
        if (!intro.isEmpty()) {
            b.abstractText(String.join("\n", intro));
        }
        if (issued != null) {
            b.issued(issued);
        }
        b.url(issueUrl);
        if (byline != null) {
            b.authors(byline.authors()).authorsTruncated(byline.truncated());
        }
        emit(b, headingLine);
        intro.clear();
    }

    // ---- the body ----

    private void body(Line line) {
        String text = line.text();
        if (text.isEmpty()) {
            return;
        }
        PageChrome.Kind chrome = PageChrome.classify(text);
        if (chrome == PageChrome.Kind.INLINE) {
            return;
        }
        if (chrome == PageChrome.Kind.PAGE_END) {
            flushUnmarked();
            state = State.TRAILER;
            trailer(line);
            return;
        }
        if (ArxivAnnouncement.isAnnouncement(text) || NewsLink.isWholeLine(text)) {
            // the side boxes began without chrome before them: the last line read was their title
            Line title = item.isEmpty() ? null : item.removeLast();
            flushUnmarked();
            if (title != null) {
                pending.add(title);
            }
            state = State.TRAILER;
            trailer(line);
            return;
        }
        if (MARKERS.matcher(text).matches()) {
            closeItem(line);
            return;
        }
        Matcher bullet = MARKER_BULLET.matcher(text);
        if (bullet.matches()) {
            flushUnmarked();
            emitBullet(line, bullet.group(2));
            lastWasMarker = true;
            return;
        }
        lastWasMarker = false;
        addToItem(line);
    }

    private void addToItem(Line line) {
        Line stripped = line;
        if (HtmlText.hasMarkup(line.text())) {
            HtmlText.Stripped s = HtmlText.strip(line.text());
            if (s.text().isEmpty() && s.hrefs().isEmpty()) {
                return;
            }
            stripped = new Line(line.number(), s.text(), s.hrefs());
        }
        if (itemCut) {
            return;
        }
        if (itemChars + stripped.text().length() > MAX_ITEM_CHARS) {
            itemCut = true;
            sink.problem(ImportProblem.warning(sourceName, line.number(), "the item starting at line "
                    + item.getFirst().number() + " has no [Link] marker for more than " + MAX_ITEM_CHARS
                    + " characters; kept its first " + itemChars + " characters and dropped the rest up to the next "
                    + "marker"));
            return;
        }
        item.add(stripped);
        itemChars += stripped.text().length() + 1;
    }

    /** A marker line ends the item above it. */
    private void closeItem(Line marker) {
        if (item.isEmpty()) {
            if (!lastWasMarker) {
                sink.problem(ImportProblem.warning(sourceName, marker.number(), "link marker "
                        + quote(marker.text()) + " with no item text before it; ignored it"));
            }
        } else {
            emitNote(List.copyOf(item));
            clearItem();
        }
        lastWasMarker = true; // "[Paper]" on one line and "[Video]" on the next close one item
    }

    /**
     * Paragraphs that no marker closed, before a bullet item or the end of the article: the page lost their links.
     * Each paragraph is an item, except that a heading-like line, a line ending with a colon and a list bullet stay
     * with the line after or before them.
     */
    private void flushUnmarked() {
        if (item.isEmpty()) {
            return;
        }
        List<Line> group = new ArrayList<>();
        for (Line line : item) {
            if (!group.isEmpty()) {
                String previous = group.getLast().text();
                boolean joins = HEADING_LIKE.matcher(previous).matches() || previous.endsWith(":")
                        || BULLET.matcher(line.text()).matches();
                if (!joins) {
                    emitNote(group);
                    group = new ArrayList<>();
                }
            }
            group.add(line);
        }
        emitNote(group);
        clearItem();
    }

    private void clearItem() {
        item.clear();
        itemChars = 0;
        itemCut = false;
    }

    private void emitNote(List<Line> lines) {
        if (stopped) {
            return;
        }
        List<String> texts = lines.stream().map(Line::text).filter(t -> !t.isEmpty()).toList();
        if (texts.isEmpty()) {
            return;
        }
        String abstractText = String.join("\n", texts);
        Reference.Builder b = note(ItemTitle.of(texts.getFirst(), false), abstractText,
                lines.stream().flatMap(l -> l.hrefs().stream()).toList());
        emit(b, lines.getFirst().number());
    }

    private void emitBullet(Line line, String rest) {
        HtmlText.Stripped s = HtmlText.hasMarkup(rest) ? HtmlText.strip(rest) : new HtmlText.Stripped(rest.strip(),
                List.of());
        if (s.text().isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, line.number(), "the bullet " + quote(line.text())
                    + " has a link marker but no text to say what it links to; skipped it"));
            return;
        }
        emit(note(ItemTitle.of(s.text(), true), s.text(), s.hrefs()), line.number());
    }

    private Reference.Builder note(String title, String abstractText, List<String> hrefs) {
        Reference.Builder b = Reference.builder()
                .type(ReferenceType.NOTE)
                .title(title)
                .abstractText(abstractText)
                .venue(issueTitle)
                .field("partOf", issueTitle);
        if (issued != null) {
            b.issued(issued);
        }
        identifiers(b, abstractText + (hrefs.isEmpty() ? "" : "\n" + String.join("\n", hrefs)));
        ItemTitle.citedWork(abstractText).ifPresent(cited -> b.field("cites", cited));
        return b;
    }

    /** The first identifier of each kind goes to its slot; further ones to a field, so that none is lost. */
    private static void identifiers(Reference.Builder b, String text) {
        IdentifierFinder.Found found = IdentifierFinder.find(text);
        first(found.dois(), b::doi, b, "moreDois");
        first(found.arxivIds(), b::arxivId, b, "moreArxivIds");
        first(found.pmids(), b::pmid, b, "morePmids");
        first(found.urls(), b::url, b, "moreUrls");
    }

    private static void first(List<String> values, java.util.function.Consumer<String> slot, Reference.Builder b,
            String more) {
        if (values.isEmpty()) {
            return;
        }
        slot.accept(values.getFirst());
        if (values.size() > 1) {
            b.field(more, String.join(" ", values.subList(1, values.size())));
        }
    }

    // ---- the trailing boxes ----

    private void trailer(Line line) {
        String text = line.text();
        if (heldPreprint != null && completesHeld(text)) {
            return;
        }
        releaseHeld();
        if (text.isEmpty()) {
            flushPending();
            return;
        }
        PageChrome.Kind chrome = PageChrome.classify(text);
        if (chrome != PageChrome.Kind.NONE) {
            flushPending();
            tagsGlued = PageChrome.opensTagBox(text);
            return;
        }
        if (tagsGlued) {
            tagsGlued = false;
            text = GLUED_TAGS.matcher(text).replaceFirst("");
            line = new Line(line.number(), text);
        }
        if (ArxivAnnouncement.isAnnouncement(text)) {
            preprint(line);
        } else if (NewsLink.isLinkLine(text)) {
            newsLink(line);
        } else if (!HtmlText.hasMarkup(text)) {
            pending.add(line);
            if (pending.size() > MAX_PENDING) {
                pending.removeFirst(); // lines that introduce nothing are the page's own text
            }
        }
        // other raw HTML in the side boxes is chrome
    }

    /** Lines after an announcement that belong to it: its authors, or its abstract when printed apart. */
    private boolean completesHeld(String text) {
        if (text.regionMatches(true, 0, "Authors:", 0, 8)) {
            AuthorList.parse(text).ifPresent(a -> heldPreprint.authors(a.authors()).authorsTruncated(a.truncated()));
            return true;
        }
        if (!heldHasAbstract && text.regionMatches(true, 0, "Abstract:", 0, 9)) {
            heldPreprint.abstractText(text.substring(9).strip());
            heldHasAbstract = true;
            return true;
        }
        return false;
    }

    private void releaseHeld() {
        if (heldPreprint != null) {
            Reference.Builder b = heldPreprint;
            heldPreprint = null;
            emit(b, heldLine);
        }
    }

    private void preprint(Line line) {
        ArxivAnnouncement announcement = ArxivAnnouncement.parse(line.text()).orElseThrow();
        Line title = pending.pollLast();
        Optional<AuthorList> authors = Optional.empty();
        if (title != null && !pending.isEmpty()) {
            authors = AuthorList.parse(title.text());
            if (authors.isPresent()) {
                title = pending.pollLast();
            }
        }
        flushPending();
        int start = title != null ? title.number() : line.number();
        if (announcement.arxivId().isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, line.number(), "the arXiv announcement"
                    + (title != null ? " of " + quote(title.text()) : "") + " has a malformed identifier "
                    + quote(announcement.writtenId()) + " (expected e.g. 2603.29957v1); skipped it"));
            return;
        }
        if (title == null) {
            sink.problem(ImportProblem.warning(sourceName, line.number(), "no title on the line before the arXiv "
                    + "announcement " + announcement.writtenId() + "; kept it without a title"));
        }
        Reference.Builder b = Reference.builder()
                .type(ReferenceType.PREPRINT)
                .title(title != null ? title.text() : "")
                .venue(ARXIV)
                .arxivId(announcement.arxivId().get())
                .field("announceType", announcement.announceType());
        announcement.abstractText().ifPresent(b::abstractText);
        authors.ifPresent(a -> b.authors(a.authors()).authorsTruncated(a.truncated()));
        heldPreprint = b;
        heldLine = start;
        heldHasAbstract = announcement.abstractText().isPresent();
    }

    private void newsLink(Line line) {
        Optional<NewsLink> link = NewsLink.parse(line.text());
        Line headline = null;
        if (link.isPresent() && !pending.isEmpty() && link.get().isHeadline(pending.getLast().text())) {
            headline = pending.removeLast();
        }
        flushPending();
        int start = headline != null ? headline.number() : line.number();
        if (link.isEmpty() || link.get().url().isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, line.number(), "the news link "
                    + (headline != null ? quote(headline.text()) + " " : "") + "has no readable address in "
                    + quote(line.text()) + "; skipped it"));
            return;
        }
        NewsLink l = link.get();
        String title = !l.headline().isBlank() ? l.headline() : headline != null ? headline.text() : "";
        Reference.Builder b = Reference.builder()
                .type(ReferenceType.WEBPAGE)
                .title(title)
                .url(l.url().get());
        l.outlet().ifPresent(outlet -> b.venue(outlet).field("outlet", outlet));
        emit(b, start);
    }

    /**
     * Lines that no link or announcement claimed. Two or more make a teaser: a headline and its blurb (a paper on
     * Hugging Face, or an article whose link the page did not print). A single line is a box's label: dropped.
     */
    private void flushPending() {
        if (pending.size() >= 2) {
            Line title = pending.removeFirst();
            List<String> rest = pending.stream().map(Line::text).toList();
            teaser(title, String.join(" ", rest));
        }
        pending.clear();
    }

    private void teaser(Line title, String blurb) {
        Reference.Builder b = Reference.builder().title(title.text());
        Matcher upvotes = UPVOTES.matcher(blurb);
        String text = blurb;
        if (upvotes.find()) {
            text = blurb.substring(0, upvotes.start());
            b.type(ReferenceType.PREPRINT).venue(HUGGING_FACE).field("upvotes", upvotes.group(1));
        } else {
            text = READ_MORE.matcher(blurb).replaceFirst("");
            b.type(ReferenceType.WEBPAGE);
        }
        b.abstractText(text.strip());
        identifiers(b, text);
        emit(b, title.number());
    }

    // ---- the end ----

    private void finish() {
        switch (state) {
            case HEADING -> sink.problem(ImportProblem.warning(sourceName, 0, "the file has no text; nothing to "
                    + "import"));
            case HEADER, INTRO -> emitIssue();
            case BODY -> {
                if (!item.isEmpty()) {
                    sink.problem(ImportProblem.warning(sourceName, item.getFirst().number(), "the clipping ends "
                            + "inside the item that starts here (no [Link] after it); kept its text so far"));
                    emitNote(List.copyOf(item));
                    clearItem();
                }
            }
            case TRAILER -> {
                releaseHeld();
                flushPending();
            }
        }
    }

    private void emit(Reference.Builder b, int line) {
        if (stopped) {
            return;
        }
        if (sink.cancelled()) {
            stopped = true;
            return;
        }
        b.provenance(Provenance.of(sourceName, FORMAT, position++, line));
        sink.reference(b.build());
    }

    private static String quote(String text) {
        String shown = text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
        return "\"" + shown + "\"";
    }
}
