package quire.importer.endnote;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * Reads EndNote's dates: {@code <dates><year>} and the free text of {@code <pub-dates><date>} ("Jan", "Mar 15",
 * "15 March 2019", "2019-03-15", "Spring"). The precision is what the text gives, never more.
 *
 * @param date  the issued date
 * @param exact false when some of the text was not understood (a season, a range), so the caller keeps the text
 */
record EndnoteDate(IssuedDate date, boolean exact) {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?(?!\\d)");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern DAY = Pattern.compile("(?<![\\d-/])(\\d{1,2})(?:st|nd|rd|th)?(?![\\d/-])");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /**
     * The date given by a record's year and publication date text (either may be null or blank); empty when
     * neither holds a year.
     */
    static Optional<EndnoteDate> parse(String yearText, String dateText) {
        String y = yearText == null ? "" : yearText.strip();
        String d = dateText == null ? "" : dateText.strip();
        Matcher year = YEAR.matcher(y);
        Integer fromYear = year.find() ? Integer.valueOf(year.group(1)) : null;
        boolean yearExact = fromYear == null || y.equals(year.group(1));

        Matcher iso = ISO.matcher(d);
        if (iso.find() && (fromYear == null || fromYear == Integer.parseInt(iso.group(1)))) {
            int yr = Integer.parseInt(iso.group(1));
            int month = Integer.parseInt(iso.group(2));
            if (yr != 0 && month >= 1 && month <= 12) {
                if (iso.group(3) != null) {
                    try {
                        return Optional.of(new EndnoteDate(IssuedDate.ofDay(yr, month, Integer.parseInt(iso.group(3))),
                                yearExact));
                    } catch (IllegalArgumentException noSuchDay) {
                        return Optional.of(new EndnoteDate(IssuedDate.ofMonth(yr, month), false));
                    }
                }
                return Optional.of(new EndnoteDate(IssuedDate.ofMonth(yr, month), yearExact));
            }
        }
        Integer yr = fromYear;
        if (yr == null) {
            Matcher inDate = YEAR.matcher(d);
            yr = inDate.find() ? Integer.valueOf(inDate.group(1)) : null;
        }
        if (yr == null || yr == 0) {
            return Optional.empty();
        }
        // the month: the first word that is one; any other word ("Spring", "Winter") makes the date inexact
        Integer month = null;
        boolean exact = yearExact;
        Matcher word = WORD.matcher(d);
        while (word.find()) {
            Optional<Integer> m = month(word.group());
            if (m.isPresent() && month == null) {
                month = m.get();
            } else {
                exact = false;
            }
        }
        if (month == null) {
            return Optional.of(new EndnoteDate(IssuedDate.ofYear(yr), exact && d.replace(String.valueOf(yr), "")
                    .isBlank()));
        }
        Matcher day = DAY.matcher(d);
        if (day.find()) {
            int n = Integer.parseInt(day.group(1));
            boolean more = day.find();
            try {
                return Optional.of(new EndnoteDate(IssuedDate.ofDay(yr, month, n), exact && !more));
            } catch (IllegalArgumentException noSuchDay) {
                return Optional.of(new EndnoteDate(IssuedDate.ofMonth(yr, month), false));
            }
        }
        return Optional.of(new EndnoteDate(IssuedDate.ofMonth(yr, month), exact && !d.contains("-")));
    }

    /** A month from an English name or abbreviation ("Mar", "March", "Sept"). */
    static Optional<Integer> month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        Integer n = MONTHS.get(w.substring(0, 3));
        if (n == null || !java.time.Month.of(n).name().toLowerCase(Locale.ROOT).startsWith(w)) {
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
