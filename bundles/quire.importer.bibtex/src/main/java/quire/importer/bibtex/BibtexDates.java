package quire.importer.bibtex;

import java.util.Locale;
import java.util.Optional;
import quire.api.model.IssuedDate;

/**
 * The issued date of an entry, to the precision the entry gives: biblatex's {@code date} (ISO 8601, a range
 * giving its start: {@code 2021-03/2021-04} is March 2021), else {@code year} with {@code month} (a macro such as
 * {@code mar}, a name, an abbreviation or a number) and biblatex's {@code day}.
 */
final class BibtexDates {

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    private BibtexDates() {
    }

    /** A biblatex {@code date}: {@code 2021}, {@code 2021-03}, {@code 2021-03-05}, or a range of these. */
    static Optional<IssuedDate> fromDate(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String start = value.substring(0, slash).strip();
            // an open start (../2021 or /2021) leaves only the end to go by
            value = start.isEmpty() || start.equals("..") ? value.substring(slash + 1).strip() : start;
        }
        // EDTF's uncertain and approximate marks qualify a date that is still the date
        while (!value.isEmpty() && "?~%".indexOf(value.charAt(value.length() - 1)) >= 0) {
            value = value.substring(0, value.length() - 1);
        }
        int t = value.indexOf('T');
        if (t > 0) {
            value = value.substring(0, t);
        }
        boolean negative = value.startsWith("-");
        String[] parts = (negative ? value.substring(1) : value).split("-", -1);
        if (parts.length > 3 || !digits(parts[0], 1, 6)) {
            return Optional.empty();
        }
        int year = Integer.parseInt(parts[0]) * (negative ? -1 : 1);
        if (year == 0) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(IssuedDate.ofYear(year));
        }
        if (!digits(parts[1], 2, 2)) {
            return Optional.empty();
        }
        int month = Integer.parseInt(parts[1]);
        if (month > 12) {
            // EDTF seasons (21 to 24) and quarters: the year is known, not the month
            return month <= 41 ? Optional.of(IssuedDate.ofYear(year)) : Optional.empty();
        }
        if (month < 1) {
            return Optional.empty();
        }
        if (parts.length == 2) {
            return Optional.of(IssuedDate.ofMonth(year, month));
        }
        if (!digits(parts[2], 2, 2)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssuedDate.ofDay(year, month, Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A date from {@code year}, {@code month} and {@code day} (month and day may be empty); empty when the year is
     * not one. A month or day that cannot be read lowers the precision instead of failing.
     */
    static Optional<IssuedDate> fromParts(String yearText, String monthText, String dayText) {
        Optional<Integer> year = year(yearText);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        int[] monthDay = monthDay(monthText);
        int month = monthDay[0];
        int day = monthDay[1];
        if (day == 0 && digits(dayText.strip(), 1, 2)) {
            day = Integer.parseInt(dayText.strip());
        }
        if (month == 0) {
            return Optional.of(IssuedDate.ofYear(year.get()));
        }
        if (day > 0) {
            try {
                return Optional.of(IssuedDate.ofDay(year.get(), month, day));
            } catch (IllegalArgumentException e) {
                // 31 February: the month is still right
            }
        }
        return Optional.of(IssuedDate.ofMonth(year.get(), month));
    }

    /**
     * A year: digits (with a minus sign for BCE), or a value that starts with four digits ({@code 2009a}, {@code 1999--2000}); empty for
     * "in press" and the like.
     */
    static Optional<Integer> year(String text) {
        String value = text.strip();
        // a BCE year as biblatex and our exporter write it: year = {-100}
        boolean negative = value.length() > 1 && value.charAt(0) == '-' && digits(value.substring(1), 1, 4);
        if (negative || digits(value, 1, 4)) {
            int year = Integer.parseInt(value);
            return year == 0 ? Optional.empty() : Optional.of(year);
        }
        if (value.length() > 4 && digits(value.substring(0, 4), 4, 4) && !Character.isDigit(value.charAt(4))) {
            return Optional.of(Integer.parseInt(value.substring(0, 4)));
        }
        return Optional.empty();
    }

    /** Whether {@code text} is a month this class can read. */
    static boolean isMonth(String text) {
        return monthDay(text)[0] != 0;
    }

    /**
     * Month and day from a {@code month} value: {@code 3}, {@code 03}, {@code mar}, {@code March}, {@code Mar.},
     * {@code March 15}, {@code 15 March}; zeros for what is not there.
     */
    private static int[] monthDay(String text) {
        String simple = text.strip();
        if (digits(simple, 1, 2)) {
            int number = Integer.parseInt(simple);
            return new int[] {number <= 12 ? number : 0, 0};
        }
        if (simple.chars().allMatch(Character::isLetter)) {
            return new int[] {monthName(simple.toLowerCase(Locale.ROOT)), 0};
        }
        int month = 0;
        int day = 0;
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("[\\s,.\\u00A0~-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (digits(word, 1, 2)) {
                int number = Integer.parseInt(word);
                if (month == 0 && number >= 1 && number <= 12 && day == 0 && !hasMonthName(text)) {
                    month = number;
                } else if (day == 0 && number >= 1 && number <= 31) {
                    day = number;
                } else {
                    return new int[] {0, 0};
                }
            } else {
                int named = monthName(word);
                if (named == 0 || month != 0) {
                    return new int[] {0, 0};
                }
                month = named;
            }
        }
        return new int[] {month, month == 0 ? 0 : day};
    }

    private static boolean hasMonthName(String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (monthName(word) != 0) {
                return true;
            }
        }
        return false;
    }

    /** 1-12 for an English month name or its abbreviation of three letters or more, else 0. */
    private static int monthName(String word) {
        if (word.length() < 3) {
            return 0;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].startsWith(word)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static boolean digits(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
