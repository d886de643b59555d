package quire.importer.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * The parts of a date as some text writes them, each 0 when the text does not give it: RIS's {@code 2001/09/01/},
 * {@code 2001///} and {@code 2001/09//Spring}, ISO {@code 2020-05-17}, and the forms with month names that Embase
 * ({@code 25 Aug 2004}, {@code January 7, 2011}), Web of Science ({@code 2020 JAN 15}, {@code JAN 15} without a year)
 * and EndNote ({@code Sep 15}) write.
 *
 * @param year  the year, or 0 when the text has none (EndNote's {@code DA  - Sep})
 * @param month 1-12, or 0
 * @param day   1-31, or 0
 */
public record DateText(int year, int month, int day) {

    // RIS: year/month/day/other, any part empty; ISO with hyphens
    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{4})(?:[/-](\\d{0,2})(?:[/-](\\d{0,2})(?:/.*)?)?)?/?");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile(
            "(\\d{4}),?\\s+(\\p{L}{3,})\\.?(?:[\\s-]+(\\d{1,2}))?(?:\\s*-.*)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s+(\\p{L}{3,})\\.?,?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(\\p{L}{3,})\\.?(?:\\s+(\\d{1,2}))?,?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\p{L}{3,})\\.?(?:\\s+(\\d{1,2}))?(?:\\s*-.*)?");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
            Map.entry("december", 12));

    /**
     * The parts of the date in {@code text}; empty when the text is not a date in one of the known forms. A month
     * or day out of range is left out (0), so the result never claims more than the text says.
     */
    public static Optional<DateText> parse(String text) {
        String t = text.strip();
        Matcher slashed = SLASHED.matcher(t);
        if (slashed.matches()) {
            return of(Integer.parseInt(slashed.group(1)), number(slashed.group(2)), number(slashed.group(3)));
        }
        Matcher ymd = YEAR_MONTH_DAY.matcher(t);
        if (ymd.matches()) {
            return month(ymd.group(2)).flatMap(m -> of(Integer.parseInt(ymd.group(1)), m, number(ymd.group(3))));
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(t);
        if (dmy.matches()) {
            return month(dmy.group(2)).flatMap(m -> of(Integer.parseInt(dmy.group(3)), m, number(dmy.group(1))));
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(t);
        if (mdy.matches()) {
            return month(mdy.group(1)).flatMap(m -> of(Integer.parseInt(mdy.group(3)), m, number(mdy.group(2))));
        }
        Matcher md = MONTH_DAY.matcher(t);
        if (md.matches()) {
            return month(md.group(1)).map(m -> new DateText(0, m, valid(0, m, number(md.group(2)))));
        }
        return Optional.empty();
    }

    /** Whether this has a year; a date without one can only complete another date. */
    public boolean hasYear() {
        return year != 0;
    }

    /** This date's month and day with {@code otherYear}, for a month written apart from its year. */
    public DateText inYear(int otherYear) {
        return new DateText(otherYear, month, valid(otherYear, month, day));
    }

    /** Whether this says more than {@code other} about the same year. */
    public boolean refines(DateText other) {
        return year == other.year && (month != 0 && other.month == 0
                || month == other.month && day != 0 && other.day == 0);
    }

    /** The issued date to the precision written; empty without a year. */
    public Optional<IssuedDate> issued() {
        if (year == 0) {
            return Optional.empty();
        }
        if (month == 0) {
            return Optional.of(IssuedDate.ofYear(year));
        }
        return Optional.of(day == 0 ? IssuedDate.ofMonth(year, month) : IssuedDate.ofDay(year, month, day));
    }

    private static Optional<DateText> of(int year, int month, int day) {
        if (year == 0) {
            return Optional.empty();
        }
        int m = month >= 1 && month <= 12 ? month : 0;
        return Optional.of(new DateText(year, m, m == 0 ? 0 : valid(year, m, day)));
    }

    /** The day if it exists in that month (of a leap year when the year is unknown), else 0. */
    private static int valid(int year, int month, int day) {
        if (day < 1 || month == 0) {
            return 0;
        }
        int length = java.time.YearMonth.of(year == 0 ? 2000 : year, month).lengthOfMonth();
        return day <= length ? day : 0;
    }

    private static int number(String digits) {
        return digits == null || digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** A month from its English name or an abbreviation of at least three letters ("Sep", "Sept", "SEP."). */
    public static Optional<Integer> month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        return MONTHS.entrySet().stream().filter(e -> e.getKey().startsWith(w)).map(Map.Entry::getValue).findFirst();
    }
}
