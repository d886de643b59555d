package quire.importer.listing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * Line 1 of a listing record: an optional relevance score, a two-letter category code, a date with or without a
 * year, and an optional {@code Code} flag, all glued together: {@code 93.1CLMay 17Code}, {@code CYApr 16, 2023}.
 *
 * @param relevance    the score as written, e.g. {@code 93.1}
 * @param categoryCode the two-letter code, e.g. {@code CL}
 * @param month        1-12
 * @param day          as written, 0-99 (checked only against a year, see {@link #date(int)})
 * @param year         the year when the line gives one
 * @param code         whether the {@code Code} flag is present
 */
record RecordHeader(Optional<String> relevance, String categoryCode, int month, int day, OptionalInt year,
        boolean code) {

    /** What line 1 should look like, for error messages. */
    static final String EXPECTED = "[score]CATEGORY Month Day[, Year][Code] (e.g. \"93.1CLMay 17Code\" or "
            + "\"CYApr 16, 2023\")";

    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    // Anchored and specific (a month name and a day are required) so that neither a title nor an abstract line,
    // nor the first line of a BibTeX or RIS file, is taken for a header. Spaces between the parts are tolerated
    // because a copy and paste from a web page sometimes adds them.
    private static final Pattern PATTERN = Pattern.compile(
            "(?<score>\\d{1,3}(?:\\.\\d+)?)?\\h*(?<category>[A-Z]{2})\\h*"
                    + "(?<month>" + String.join("|", MONTHS) + ")\\h+(?<day>\\d{1,2})"
                    + "(?:,\\h*(?<year>[1-9]\\d{3}))?\\h*(?<code>Code)?");

    /** The header on {@code line}, or empty when the line is not one. */
    static Optional<RecordHeader> parse(String line) {
        Matcher m = PATTERN.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String year = m.group("year");
        return Optional.of(new RecordHeader(
                Optional.ofNullable(m.group("score")),
                m.group("category"),
                MONTHS.indexOf(m.group("month")) + 1,
                Integer.parseInt(m.group("day")),
                year == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(year)),
                m.group("code") != null));
    }

    /** Whether {@code line} is a record header. */
    static boolean matches(String line) {
        return PATTERN.matcher(line.strip()).matches();
    }

    /**
     * The date, with {@code listingYear} supplied (and the date marked inferred) when the line has no year; empty
     * when there is no such day in that year (e.g. "Feb 30").
     */
    Optional<IssuedDate> date(int listingYear) {
        int y = year.orElse(listingYear);
        try {
            LocalDate.of(y, month, day);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        IssuedDate date = IssuedDate.ofDay(y, month, day);
        return Optional.of(year.isPresent() ? date : date.asInferred());
    }

    /** The month alone, for a header whose day does not exist. */
    IssuedDate monthOnly(int listingYear) {
        IssuedDate date = IssuedDate.ofMonth(year.orElse(listingYear), month);
        return year.isPresent() ? date : date.asInferred();
    }

    /** The date as the line writes it, for messages. */
    String writtenDate() {
        return MONTHS.get(month - 1) + " " + day + (year.isPresent() ? ", " + year.getAsInt() : "");
    }
}
