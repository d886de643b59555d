package quire.importer.clipping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * The date a page prints under its heading: {@code Oct 3, 2022}, {@code 3 October 2022}, {@code 2022-10-03},
 * {@code October 2022}, optionally with words around it ({@code Published Oct 3, 2022 · 5 min read}). Only a short
 * line counts: a date inside a paragraph is what the paragraph is about, not when the page was issued. The
 * precision is what the page gives; nothing is filled in.
 */
final class PageDate {

    /** Longer than this, a line is prose. */
    static final int MAX_LINE = 80;

    /** More words than this beside the date ("Published", "5 min read"), and the line is about something else. */
    private static final int MAX_REST = 30;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final String MONTH = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(?<year>\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\b(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+(?<year>\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);

    private PageDate() {
    }

    /** The date on a short line, if it has one. */
    static Optional<IssuedDate> parse(String line) {
        String l = line.strip();
        if (l.length() > MAX_LINE) {
            return Optional.empty();
        }
        Matcher m = MONTH_DAY_YEAR.matcher(l);
        if (m.find() && mostly(l, m)) {
            return day(m, month(m.group("month")));
        }
        m = DAY_MONTH_YEAR.matcher(l);
        if (m.find() && mostly(l, m)) {
            return day(m, month(m.group("month")));
        }
        m = ISO.matcher(l);
        if (m.find() && mostly(l, m)) {
            return day(m, Integer.parseInt(m.group("month")));
        }
        m = MONTH_YEAR.matcher(l);
        if (m.find() && mostly(l, m)) {
            return Optional.of(IssuedDate.ofMonth(Integer.parseInt(m.group("year")), month(m.group("month"))));
        }
        return Optional.empty();
    }

    private static boolean mostly(String line, Matcher date) {
        return line.length() - (date.end() - date.start()) <= MAX_REST;
    }

    private static Optional<IssuedDate> day(Matcher m, int month) {
        int year = Integer.parseInt(m.group("year"));
        int day = Integer.parseInt(m.group("day"));
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return Optional.empty(); // "Feb 30" is not a date; better none than a wrong one
        }
        return Optional.of(IssuedDate.ofDay(year, month, day));
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(key, MONTHS.getOrDefault(key.substring(0, 3), 0));
    }
}
