package quire.api.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a work was issued, to the precision the source gives. Month and day are 0 when the precision does not
 * reach them. {@code inferred} is true when part of the date was not in the source but supplied by Quire (for
 * instance the year of a listing that prints only "May 17").
 *
 * @param year      the year (may be negative for BCE; never 0)
 * @param month     1-12, or 0 below {@link DatePrecision#MONTH}
 * @param day       1-31, or 0 below {@link DatePrecision#DAY}
 * @param precision how much of the date is known
 * @param inferred  whether part of the date was inferred rather than read
 */
public record IssuedDate(int year, int month, int day, DatePrecision precision, boolean inferred) {

    public IssuedDate {
        Objects.requireNonNull(precision, "precision");
        if (year == 0) {
            throw new IllegalArgumentException("there is no year 0");
        }
        switch (precision) {
            case YEAR -> {
                if (month != 0 || day != 0) {
                    throw new IllegalArgumentException("a year-precision date has no month or day");
                }
            }
            case MONTH -> {
                if (month < 1 || month > 12 || day != 0) {
                    throw new IllegalArgumentException("bad month " + month + " for a month-precision date");
                }
            }
            case DAY -> {
                try {
                    LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
                }
            }
        }
    }

    /** A date known to the year; a negative year is BCE ({@code -1} is 1 BCE: there is no year 0). */
    public static IssuedDate ofYear(int year) {
        return new IssuedDate(year, 0, 0, DatePrecision.YEAR, false);
    }

    /** A date known to the month (1 to 12). */
    public static IssuedDate ofMonth(int year, int month) {
        return new IssuedDate(year, month, 0, DatePrecision.MONTH, false);
    }

    /** A date known to the day; throws {@link IllegalArgumentException} for a day the month does not have. */
    public static IssuedDate ofDay(int year, int month, int day) {
        return new IssuedDate(year, month, day, DatePrecision.DAY, false);
    }

    /** This date, marked as partly inferred. */
    public IssuedDate asInferred() {
        return new IssuedDate(year, month, day, precision, true);
    }

    /** ISO 8601 to the known precision: {@code 2024}, {@code 2024-05} or {@code 2024-05-17}. */
    @Override
    public String toString() {
        return switch (precision) {
            case YEAR -> Integer.toString(year);
            case MONTH -> "%d-%02d".formatted(year, month);
            case DAY -> "%d-%02d-%02d".formatted(year, month, day);
        };
    }
}
