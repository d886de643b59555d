package quire.importer.pubmed;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * Reads PubMed's publication dates: MEDLINE's {@code DP} and PubMed XML's {@code PubDate} and {@code MedlineDate}
 * ("2019 Mar 15", "2019 Mar", "2019", "2019 Spring", "2018 Dec-2019 Jan", "2013 06 10"). A range gives its start;
 * a season gives the year only, since a season is not a month. The precision is what the text gives, never more.
 *
 * @param date  the start of the date, to the precision written
 * @param exact whether {@code date} says all the text says; false for ranges, seasons and words not understood,
 *              so that the caller can keep the text as written
 */
record PubmedDate(IssuedDate date, boolean exact) {

    // year, then an optional month (name or number) and day; whatever follows is kept as "rest"
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4})(?:\\s+([A-Za-z]+\\.?|\\d{1,2})(?:\\s+(\\d{1,2})(?!\\d))?)?(.*)$", Pattern.DOTALL);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** The date in {@code text}, or empty when it does not start with a year. */
    static Optional<PubmedDate> parse(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year == 0) {
            return Optional.empty();
        }
        String rest = m.group(4).strip();
        if (m.group(2) == null) {
            return Optional.of(new PubmedDate(IssuedDate.ofYear(year), rest.isEmpty()));
        }
        Optional<Integer> month = month(m.group(2));
        if (month.isEmpty()) {
            // "2019 Spring", "2019 Winter": the year is right, the rest is not a month
            return Optional.of(new PubmedDate(IssuedDate.ofYear(year), false));
        }
        if (m.group(3) == null) {
            return Optional.of(new PubmedDate(IssuedDate.ofMonth(year, month.get()), rest.isEmpty()));
        }
        int day = Integer.parseInt(m.group(3));
        try {
            return Optional.of(new PubmedDate(IssuedDate.ofDay(year, month.get(), day), rest.isEmpty()));
        } catch (IllegalArgumentException noSuchDay) {
            return Optional.of(new PubmedDate(IssuedDate.ofMonth(year, month.get()), false));
        }
    }

    /** A month from an English name or abbreviation ("Mar", "March", "Sept.") or a number 1-12. */
    static Optional<Integer> month(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 12 ? Optional.of(n) : Optional.empty();
        }
        if (t.length() < 3) {
            return Optional.empty();
        }
        Integer n = MONTHS.get(t.substring(0, 3));
        // the whole word must be the month's name or a prefix of it, so "Marching" is not March
        if (n == null || !fullName(n).startsWith(t)) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    private static String fullName(int month) {
        return java.time.Month.of(month).name().toLowerCase(Locale.ROOT);
    }
}
