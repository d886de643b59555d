package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;

/** The small readers the parser is made of: heading, date, authors, news link, announcement, chrome, HTML. */
class SmallPartsTest {

    @Test
    void headings() {
        IssueHeading h = IssueHeading.parse("ML Safety Newsletter #7").orElseThrow();
        assertEquals("ML Safety Newsletter", h.name());
        assertEquals("7", h.number());
        assertEquals("ML Safety Newsletter #7: Sub", h.title(Optional.of("Sub")));
        IssueHeading same = IssueHeading.parse("The Batch Issue 212 — Smaller models, bigger data").orElseThrow();
        assertEquals("The Batch", same.name());
        assertEquals("212", same.number());
        assertEquals("The Batch Issue 212: Smaller models, bigger data", same.title(Optional.of("ignored")));
        assertEquals(Optional.empty(), IssueHeading.parse("#7"));
        assertEquals(Optional.empty(), IssueHeading.parse("93.1CLMay 17Code"));
        assertEquals(Optional.empty(), IssueHeading.parse("@article{key,"));
        assertEquals(Optional.empty(), IssueHeading.parse("x".repeat(200) + " #3"));
    }

    @Test
    void dates() {
        assertEquals(Optional.of(IssuedDate.ofDay(2022, 10, 3)), PageDate.parse("Oct 03, 2022"));
        assertEquals(Optional.of(IssuedDate.ofDay(2022, 9, 3)), PageDate.parse("Published 3 September 2022 · 5 min read"));
        assertEquals(Optional.of(IssuedDate.ofDay(2023, 1, 31)), PageDate.parse("2023-01-31"));
        assertEquals(Optional.of(IssuedDate.ofMonth(2022, 6)), PageDate.parse("June 2022"));
        assertEquals(Optional.empty(), PageDate.parse("Feb 30, 2023"));
        assertEquals(Optional.empty(), PageDate.parse("In June 2022 we released a very long announcement about it"));
    }

    @Test
    void authors() {
        AuthorList a = AuthorList.parse("Authors: Adi Simhi, Fazl Barez, Ludwig van Beethoven et al.").orElseThrow();
        assertEquals(List.of(Person.of("Simhi", "Adi"), Person.of("Barez", "Fazl"), Person.of("van Beethoven", "Ludwig")),
                a.authors());
        assertTrue(a.truncated());
        assertEquals(List.of(Person.of("Hendrycks", "Dan"), Person.of("Woodside", "Thomas")),
                AuthorList.parse("By Dan Hendrycks and Thomas Woodside").orElseThrow().authors());
        assertEquals(Optional.empty(), AuthorList.parse("Agents, Tools, Memory"));
        assertEquals(Optional.empty(), AuthorList.parse("Diffusion Mental Averages"));
        assertEquals(Optional.empty(), AuthorList.parse("This paper asks models to explain, and they do."));
    }

    @Test
    void newsLinks() {
        NewsLink link = NewsLink.parse("<a href=\"https://news.example/a?x=1&amp;y=2\" target=\"_blank\">AT&amp;T "
                + "buys &#39;Thing&#39;</a> <font color=\"#6f6f6f\">The Star</font>").orElseThrow();
        assertEquals("AT&T buys 'Thing'", link.headline());
        assertEquals(Optional.of("https://news.example/a?x=1&y=2"), link.url());
        assertEquals(Optional.of("The Star"), link.outlet());
        assertTrue(link.isHeadline("AT&T buys 'Thing' - The Star"));
        assertFalse(link.isHeadline("Something else - The Star"));
        assertEquals(Optional.empty(), NewsLink.parse("<a href=\"https://news.example/cut-off"));
        assertEquals(Optional.empty(), NewsLink.parse("<a target=\"_blank\">No address</a>").orElseThrow().url());
    }

    @Test
    void announcements() {
        ArxivAnnouncement a = ArxivAnnouncement.parse("arXiv:2603.29957v1 Announce Type: new Abstract: Recent advances")
                .orElseThrow();
        assertEquals(Optional.of("2603.29957"), a.arxivId());
        assertEquals("new", a.announceType());
        assertEquals(Optional.of("Recent advances"), a.abstractText());
        assertEquals(Optional.empty(), ArxivAnnouncement.parse("arXiv:26x3.1 Announce Type: new Abstract: x")
                .orElseThrow().arxivId());
        assertFalse(ArxivAnnouncement.isAnnouncement("arXiv:2603.29957 is a paper"));
    }

    @Test
    void chrome() {
        for (String end : List.of("No posts", "Sign in to highlight and annotate this article", "Conversation starters",
                "Knowledge Map", "More in Frontier Research", "No comments yet — be the first to share your thoughts!",
                "Discussion about this post", "© 2024 Center for AI Safety")) {
            assertEquals(PageChrome.Kind.PAGE_END, PageChrome.classify(end), end);
        }
        for (String inline : List.of("Subscribe", "Share", "12", "14 Likes", "Like (3)", "3 Restacks", "Sign in",
                "Get 50% off for 1 year", "Get the top 5 AI stories delivered to your inbox every morning.")) {
            assertTrue(PageChrome.classify(inline) != PageChrome.Kind.NONE, inline);
        }
        for (String text : List.of("The ML Safety course", "Trick 1: Anomaly Detection", "[Link]",
                "We now have a subreddit!", "Discussion of the results follows.")) {
            assertEquals(PageChrome.Kind.NONE, PageChrome.classify(text), text);
        }
    }

    @Test
    void html() {
        HtmlText.Stripped s = HtmlText.strip("See <a href='https://x.org/p'>the <b>paper</b></a> &amp; more&#x2014;");
        assertEquals("See the paper & more—", s.text());
        assertEquals(List.of("https://x.org/p"), s.hrefs());
        assertFalse(HtmlText.hasMarkup("x < y and y > z"));
        HtmlText.Stripped cut = HtmlText.strip("Text before <a href=\"https://x.org/cut\" target=");
        assertEquals("Text before", cut.text());
        assertEquals(List.of("https://x.org/cut"), cut.hrefs());
        assertTrue(NewsLink.isWholeLine("<a href=\"https://x.org\">Story</a> <font color=\"#6f6f6f\">Outlet</font>"));
        assertFalse(NewsLink.isWholeLine("<a href=\"https://x.org\">OpenOOD</a> is a benchmark of OOD detectors."));
    }
}
