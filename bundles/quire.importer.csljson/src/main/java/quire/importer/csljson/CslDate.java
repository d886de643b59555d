package quire.importer.csljson;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.IssuedDate;

/**
 * A CSL date variable ({@code issued}, {@code accessed}, ...) read in every form real files have: {@code date-parts}
 * as numbers or as strings, ranges (the start is the date, the end is kept apart), seasons (the {@code season}
 * key, or a month of 13-16 as citeproc-js writes it or 21-24 as EDTF does), negative (BCE) years, {@code circa},
 * and the {@code raw} and {@code literal} forms, of which what can be parsed is parsed.
 *
 * @param start   the date, to the precision given; empty when none could be read
 * @param end     the end of a range, when the date is one
 * @param season  spring, summer, autumn or winter, when the source names one
 * @param circa   whether the source marks the date as approximate
 * @param literal the text of a literal or raw date that could not be read completely, to keep it
 * @param problem why part of the date was dropped, for a warning
 */
record CslDate(Optional<IssuedDate> start, Optional<IssuedDate> end, Optional<String> season, boolean circa,
        Optional<String> literal, Optional<String> problem) {

    private static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private static final Pattern ISO = Pattern.compile(
            "(-?\\d{1,4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ]\\S*)?)?)?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})(?:/(\\d{1,2}))?");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s,.]+");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d-])(\\d{4})(?!\\d)");

    static final CslDate NONE = new CslDate(Optional.empty(), Optional.empty(), Optional.empty(), false,
            Optional.empty(), Optional.empty());

    /** Reads a date variable's value: an object as CSL defines it, or (as some tools write) a bare string or year. */
    static CslDate read(JsonNode value) {
        if (value == null || value.isNull()) {
            return NONE;
        }
        if (value.isTextual()) {
            return fromText(value.asText(), false, Optional.empty(), true);
        }
        if (value.isIntegralNumber()) {
            return fromParts(List.of(value), List.of(), Optional.empty(), false);
        }
        if (!value.isObject()) {
            return NONE.withProblem("the date is neither an object nor text; dropped it");
        }
        boolean circa = truthy(value.get("circa"));
        Optional<String> season = season(value.get("season"));
        JsonNode parts = value.get("date-parts");
        if (parts != null && parts.isArray() && !parts.isEmpty() && parts.get(0).isArray() && !parts.get(0).isEmpty()) {
            List<JsonNode> first = elements(parts.get(0));
            List<JsonNode> second = parts.size() > 1 && parts.get(1).isArray() ? elements(parts.get(1)) : List.of();
            CslDate date = fromParts(first, second, season, circa);
            if (date.start().isPresent()) {
                return date;
            }
            // unusable date-parts: a raw or literal date may still say it
            CslDate text = fromRawOrLiteral(value, season, circa);
            return text.start().isPresent() || text.literal().isPresent() ? text : date;
        }
        return fromRawOrLiteral(value, season, circa);
    }

    /** The date as ISO 8601 text, a range as {@code start/end}, else the literal: for keeping other dates in fields. */
    Optional<String> asText() {
        if (start.isEmpty()) {
            return literal;
        }
        return Optional.of(start.get() + end.map(e -> "/" + e).orElse(""));
    }

    private static CslDate fromRawOrLiteral(JsonNode value, Optional<String> season, boolean circa) {
        JsonNode raw = value.get("raw");
        if (raw != null && raw.isValueNode() && !raw.asText().isBlank()) {
            return fromText(raw.asText(), circa, season, true);
        }
        JsonNode literal = value.get("literal");
        if (literal != null && literal.isValueNode() && !literal.asText().isBlank()) {
            return fromText(literal.asText(), circa, season, true);
        }
        return new CslDate(Optional.empty(), Optional.empty(), season, circa, Optional.empty(), Optional.empty());
    }

    // ---- date-parts

    private static CslDate fromParts(List<JsonNode> first, List<JsonNode> second, Optional<String> season,
            boolean circa) {
        if (first.size() == 1 && first.get(0).isTextual() && number(first.get(0)).isEmpty()) {
            // a whole date in one string, [["2019-03-05"]], as a few converters write it
            return fromText(first.get(0).asText(), circa, season, true);
        }
        List<String> problems = new ArrayList<>();
        Parsed start = parts(first, problems);
        Optional<String> seasonNamed = season.or(() -> start.season);
        Optional<IssuedDate> end = Optional.empty();
        if (start.date.isPresent() && !second.isEmpty()) {
            // [0] or an empty array marks an open end (2014-12-31/)
            Parsed e = parts(second, new ArrayList<>());
            end = e.date.filter(d -> !d.equals(start.date.get()));
        }
        return new CslDate(start.date, end, seasonNamed, circa, Optional.empty(),
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    /** One {@code [year, month, day]} array, numbers or strings; a bad month or day lowers the precision. */
    private static Parsed parts(List<JsonNode> parts, List<String> problems) {
        OptionalInt year = number(parts.get(0));
        if (year.isEmpty() || year.getAsInt() == 0) {
            if (!parts.get(0).isIntegralNumber() || parts.get(0).asInt() != 0) {
                problems.add("the year " + parts.get(0) + " is not a year; dropped the date");
            }
            return new Parsed(Optional.empty(), Optional.empty());
        }
        OptionalInt month = parts.size() > 1 ? monthOf(parts.get(1)) : OptionalInt.empty();
        OptionalInt day = parts.size() > 2 ? number(parts.get(2)) : OptionalInt.empty();
        if (parts.size() > 1 && month.isEmpty()) {
            problems.add("the month " + parts.get(1) + " is not a month; kept only the year");
        }
        return dateOf(year.getAsInt(), month.orElse(0), day.orElse(0), problems);
    }

    /** A date from numbers where 0 means "not given"; months 13-16 and 21-24 are seasons. */
    private static Parsed dateOf(int year, int month, int day, List<String> problems) {
        Optional<String> season = Optional.empty();
        if (month >= 13 && month <= 16) {
            season = Optional.of(SEASONS.get(month - 13));
            month = 0;
        } else if (month >= 21 && month <= 24) {
            season = Optional.of(SEASONS.get(month - 21));
            month = 0;
        } else if (month < 0 || month > 12) {
            problems.add("there is no month " + month + "; kept only the year");
            month = 0;
        }
        if (month == 0) {
            return new Parsed(Optional.of(IssuedDate.ofYear(year)), season);
        }
        if (day == 0) {
            return new Parsed(Optional.of(IssuedDate.ofMonth(year, month)), season);
        }
        try {
            LocalDate.of(year, month, day);
            return new Parsed(Optional.of(IssuedDate.ofDay(year, month, day)), season);
        } catch (DateTimeException e) {
            problems.add("there is no day %d-%02d-%02d; kept only the month".formatted(year, month, day));
            return new Parsed(Optional.of(IssuedDate.ofMonth(year, month)), season);
        }
    }

    // ---- raw and literal text

    /**
     * Reads "2019-03-05", "2019-03", "2019", "2019/03/05", EDTF ranges and marks ("2011-05-25~/2012-06-26",
     * "2017-24"), and words: "March 2019", "5 March 2019", "March 5, 2019", "Spring 2019", "ca. 1850". Text with a
     * single four-digit year and words besides is read as that year, the text kept; text with no year is kept.
     */
    static CslDate fromText(String text, boolean circa, Optional<String> season, boolean keepUnparsed) {
        String written = text.strip();
        // EDTF qualifiers: ~ approximate, ? uncertain, % both
        String value = written.replaceAll("[~?%]", "").strip();
        boolean approximate = circa || !value.equals(written);
        List<String> problems = new ArrayList<>();

        Optional<Parsed> iso = iso(value, problems);
        Optional<IssuedDate> end = Optional.empty();
        if (iso.isEmpty()) {
            int slash = value.indexOf('/');
            if (slash >= 0 && value.indexOf('/', slash + 1) < 0) {
                Optional<Parsed> from = iso(value.substring(0, slash).strip(), problems);
                String to = value.substring(slash + 1).strip();
                if (from.isPresent() && (to.isEmpty() || to.equals(".."))) {
                    iso = from;
                } else if (from.isPresent()) {
                    Optional<Parsed> until = iso(to, new ArrayList<>());
                    if (until.isPresent()) {
                        iso = from;
                        end = until.get().date.filter(d -> !d.equals(from.get().date.orElse(null)));
                    }
                }
            }
        }
        if (iso.isPresent() && iso.get().date.isPresent()) {
            Parsed p = iso.get();
            return new CslDate(p.date, end, season.or(() -> p.season), approximate, Optional.empty(),
                    problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
        }
        Optional<CslDate> words = words(value, approximate, season);
        if (words.isPresent()) {
            return words.get();
        }
        Optional<String> kept = keepUnparsed ? Optional.of(written) : Optional.empty();
        List<String> years = new ArrayList<>();
        Matcher m = YEAR.matcher(value);
        while (m.find()) {
            if (!years.contains(m.group(1))) {
                years.add(m.group(1));
            }
        }
        if (years.size() == 1 && Integer.parseInt(years.get(0)) > 0) {
            return new CslDate(Optional.of(IssuedDate.ofYear(Integer.parseInt(years.get(0)))), Optional.empty(),
                    season, approximate, kept, Optional.empty());
        }
        return new CslDate(Optional.empty(), Optional.empty(), season, approximate, kept,
                Optional.of("cannot read a date in \"" + written + "\"; kept it as written"));
    }

    private static Optional<Parsed> iso(String value, List<String> problems) {
        Matcher m = ISO.matcher(value);
        if (!m.matches()) {
            m = SLASHED.matcher(value);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        int year = Integer.parseInt(m.group(1));
        if (year == 0) {
            return Optional.empty();
        }
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(dateOf(year, month, day, problems));
    }

    private static Optional<CslDate> words(String value, boolean circa, Optional<String> season) {
        Integer year = null;
        Integer month = null;
        Integer day = null;
        Optional<String> seasonNamed = season;
        boolean approximate = circa;
        for (String token : WORD_SPLIT.split(value.toLowerCase(Locale.ROOT))) {
            if (token.isEmpty()) {
                continue;
            }
            OptionalInt monthNumber = monthName(token);
            Matcher dayMatcher = DAY.matcher(token);
            if (token.matches("-?\\d{3,4}") && year == null && Integer.parseInt(token) != 0) {
                year = Integer.parseInt(token);
            } else if (monthNumber.isPresent() && month == null) {
                month = monthNumber.getAsInt();
            } else if (dayMatcher.matches() && day == null && Integer.parseInt(dayMatcher.group(1)) >= 1
                    && Integer.parseInt(dayMatcher.group(1)) <= 31) {
                day = Integer.parseInt(dayMatcher.group(1));
            } else if (seasonOf(token).isPresent() && seasonNamed.isEmpty()) {
                seasonNamed = seasonOf(token);
            } else if (token.equals("c") || token.equals("ca") || token.equals("circa") || token.equals("approx")) {
                approximate = true;
            } else {
                return Optional.empty();
            }
        }
        if (year == null || (day != null && month == null)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Parsed p = dateOf(year, month == null ? 0 : month, day == null ? 0 : day, problems);
        return Optional.of(new CslDate(p.date, Optional.empty(), seasonNamed, approximate, Optional.empty(),
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems))));
    }

    // ---- small readers

    private static OptionalInt number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return OptionalInt.of(node.asInt());
        }
        if (node.isTextual() && node.asText().strip().matches("[+-]?\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(node.asText().strip()));
        }
        return OptionalInt.empty();
    }

    /** A month as a number (or numeric string), or a month's name as a few tools write it. */
    private static OptionalInt monthOf(JsonNode node) {
        OptionalInt n = number(node);
        return n.isPresent() ? n : node.isTextual() ? monthName(node.asText().strip().toLowerCase(Locale.ROOT))
                : OptionalInt.empty();
    }

    private static OptionalInt monthName(String token) {
        if (token.length() < 3) {
            return OptionalInt.empty();
        }
        String word = token.equals("sept") ? "sep" : token;
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(word)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static Optional<String> seasonOf(String token) {
        return switch (token) {
            case "spring" -> Optional.of("spring");
            case "summer" -> Optional.of("summer");
            case "autumn", "fall" -> Optional.of("autumn");
            case "winter" -> Optional.of("winter");
            default -> Optional.empty();
        };
    }

    /** The {@code season} key: 1-4, or a season's name, or (rarely) free text, which is kept. */
    private static Optional<String> season(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        OptionalInt n = number(node);
        if (n.isPresent()) {
            int i = n.getAsInt();
            return i >= 1 && i <= 4 ? Optional.of(SEASONS.get(i - 1))
                    : i >= 13 && i <= 16 ? Optional.of(SEASONS.get(i - 13))
                    : i >= 21 && i <= 24 ? Optional.of(SEASONS.get(i - 21)) : Optional.empty();
        }
        String text = node.asText().strip();
        return seasonOf(text.toLowerCase(Locale.ROOT)).or(() -> text.isEmpty() ? Optional.empty() : Optional.of(text));
    }

    private static boolean truthy(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asInt() != 0;
        }
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        return !text.isEmpty() && !text.equals("false") && !text.equals("0");
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private CslDate withProblem(String message) {
        return new CslDate(start, end, season, circa, literal, Optional.of(message));
    }

    private record Parsed(Optional<IssuedDate> date, Optional<String> season) {
    }
}
