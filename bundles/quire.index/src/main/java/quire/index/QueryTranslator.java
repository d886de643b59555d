package quire.index;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import quire.api.model.ReferenceType;
import quire.api.search.QuerySyntaxException;

/**
 * Quire's query language, translated to Lucene queries with the classic query parser:
 * <ul>
 * <li>words search title (weighted x3), abstract, authors, keywords and venue; all words must match
 * ({@code AND} is the default operator); {@code "phrases"}, {@code AND}, {@code OR}, {@code NOT}, {@code -word},
 * {@code prefix*}, {@code fuzzy~} and parentheses work as in Lucene. Words and phrases are stemmed; prefixes,
 * wildcards and fuzzy terms match the words as written (see {@link IndexSchema});</li>
 * <li>{@code title:}, {@code abstract:}, {@code author:}, {@code venue:}, {@code keyword:} search one text
 * field; {@code doi:}, {@code arxiv:}, {@code type:}, {@code tag:}, {@code source:} (database or import format),
 * {@code decision:} (include, exclude) match a whole value, ignoring case; {@code year:2020},
 * {@code year:2020..2024} (either end may be left open), {@code year:>=2021}, {@code year:<2020} and
 * {@code year:[2020 TO 2024]} match the issued year;</li>
 * <li>a colon after a word that is not a field name is text ({@code Attention: a survey}); {@code /} is text (a
 * DOI), not a regular expression.</li>
 * </ul>
 * Errors become {@link QuerySyntaxException}s with a message for the user and the position in the query as the
 * user typed it. Thread-safe: each call makes its own parser (the classic parser is not thread-safe).
 */
final class QueryTranslator {

    private enum Kind { TEXT, EXACT, YEAR }

    private record Target(String field, Kind kind) {
    }

    /** Field names users write, to the field and how it is matched. */
    private static final Map<String, Target> FIELDS = Map.ofEntries(
            Map.entry("title", new Target(IndexSchema.TITLE, Kind.TEXT)),
            Map.entry("abstract", new Target(IndexSchema.ABSTRACT, Kind.TEXT)),
            Map.entry("author", new Target(IndexSchema.AUTHORS, Kind.TEXT)),
            Map.entry("authors", new Target(IndexSchema.AUTHORS, Kind.TEXT)),
            Map.entry("venue", new Target(IndexSchema.VENUE, Kind.TEXT)),
            Map.entry("keyword", new Target(IndexSchema.KEYWORDS, Kind.TEXT)),
            Map.entry("keywords", new Target(IndexSchema.KEYWORDS, Kind.TEXT)),
            Map.entry("doi", new Target(IndexSchema.DOI, Kind.EXACT)),
            Map.entry("arxiv", new Target(IndexSchema.ARXIV, Kind.EXACT)),
            Map.entry("type", new Target(IndexSchema.TYPE, Kind.EXACT)),
            Map.entry("tag", new Target(IndexSchema.TAG, Kind.EXACT)),
            Map.entry("tags", new Target(IndexSchema.TAG, Kind.EXACT)),
            Map.entry("source", new Target(IndexSchema.SOURCE, Kind.EXACT)),
            Map.entry("decision", new Target(IndexSchema.DECISION, Kind.EXACT)),
            Map.entry("year", new Target(IndexSchema.YEAR, Kind.YEAR)));

    private static final String FIELD_LIST =
            "title, abstract, author, venue, keyword, doi, arxiv, type, tag, source, decision, year";

    private static final Pattern YEAR = Pattern.compile("-?\\d{1,6}");
    private static final Pattern YEAR_RANGE = Pattern.compile("(-?\\d{1,6})?\\.\\.(-?\\d{1,6})?");
    private static final Pattern YEAR_COMPARISON = Pattern.compile("(<=|>=|<|>|=)(-?\\d{1,6})");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(doi:|https?://(dx\\.)?doi\\.org/)");
    private static final Pattern ARXIV_VERSION = Pattern.compile("v\\d+$");
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private final Analyzer analyzer;

    QueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Whether the query has no words at all: it then means every reference, in library order. */
    static boolean isEmpty(String query) {
        return query.isBlank();
    }

    /** The Lucene query for a query in Quire's language; a blank query matches everything. */
    Query translate(String query) throws QuerySyntaxException {
        if (isEmpty(query)) {
            return new MatchAllDocsQuery();
        }
        Prepared prepared = Prepared.of(query);
        FieldParser parser = new FieldParser(analyzer);
        Query parsed;
        try {
            parsed = parser.parse(prepared.text());
        } catch (ParseException e) {
            throw problem(query, prepared, e);
        } catch (IllegalArgumentException e) {
            // e.g. too many clauses from a prefix or fuzzy term, or an automaton too complex
            throw new QuerySyntaxException("the query cannot be run: " + e.getMessage(), -1);
        }
        return WordForms.wrap(everythingBut(parsed));
    }

    /** {@code -preprint} alone means "everything but preprints", not "nothing". */
    private static Query everythingBut(Query query) {
        if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bool.clauses().forEach(builder::add);
            return builder.build();
        }
        return query;
    }

    // --- errors -------------------------------------------------------------------------------------------------

    private static QuerySyntaxException problem(String query, Prepared prepared, ParseException wrapper) {
        // QueryParserBase.parse wraps what went wrong in a ParseException that knows only the message
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        if (cause instanceof FieldProblem field) {
            return new QuerySyntaxException(field.getMessage(), field.locate(query));
        }
        if (cause instanceof ParseException parse && parse.currentToken != null) {
            Token last = parse.currentToken;
            Token next = last.next;
            if (next == null || next.kind == QueryParserConstants.EOF) {
                String[] words = query.strip().split("\\s+");
                return new QuerySyntaxException("the query ends too early: something must follow '"
                        + words[words.length - 1] + "'", query.length());
            }
            int position = prepared.original(next.beginColumn);
            return new QuerySyntaxException("unexpected '" + next.image + "' at column " + (position + 1)
                    + expected(parse), position);
        }
        if (cause instanceof TokenMgrError lexical) {
            Matcher column = LEXICAL_COLUMN.matcher(String.valueOf(lexical.getMessage()));
            int position = column.find() ? prepared.original(Integer.parseInt(column.group(1)) - 1) : -1;
            return new QuerySyntaxException("the query cannot be read"
                    + (position >= 0 ? " at column " + (position + 1) : "")
                    + "; put words with special characters in quotes", position);
        }
        String message = cause.getMessage() == null ? "the query cannot be read" : cause.getMessage();
        return new QuerySyntaxException(message, -1);
    }

    /** A hint at what the parser wanted, in the user's words. */
    private static String expected(ParseException parse) {
        if (parse.expectedTokenSequences == null) {
            return "";
        }
        boolean wantsTerm = Arrays.stream(parse.expectedTokenSequences)
                .anyMatch(seq -> seq.length > 0 && seq[0] == QueryParserConstants.TERM);
        return wantsTerm ? "; a word, phrase or field:value was expected here" : "";
    }

    /** A problem with one field's value, found while building its query. */
    private static final class FieldProblem extends ParseException {
        private static final long serialVersionUID = 1L;
        private final String value;

        FieldProblem(String message, String value) {
            super(message);
            this.value = value;
        }

        /** Where the value is in the query, as well as can be told; -1 when it cannot. */
        int locate(String query) {
            if (value == null || value.isEmpty()) {
                return -1;
            }
            return query.toLowerCase(Locale.ROOT).indexOf(value.toLowerCase(Locale.ROOT));
        }
    }

    // --- the parser ---------------------------------------------------------------------------------------------

    /** The classic parser, with Quire's field names, exact fields and years. */
    private static final class FieldParser extends MultiFieldQueryParser {

        FieldParser(Analyzer analyzer) {
            super(IndexSchema.DEFAULT_FIELDS.toArray(String[]::new), analyzer, IndexSchema.BOOSTS);
            setDefaultOperator(QueryParser.Operator.AND);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (field == null) {
                return super.getFieldQuery(null, text, quoted);
            }
            Target target = target(field);
            return switch (target.kind()) {
                case TEXT -> super.getFieldQuery(target.field(), text, quoted);
                case EXACT -> new TermQuery(new Term(target.field(), exactValue(target.field(), text)));
                case YEAR -> year(text);
            };
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (field == null) {
                return super.getFieldQuery(null, text, slop);
            }
            Target target = target(field);
            if (target.kind() == Kind.TEXT) {
                return super.getFieldQuery(target.field(), text, slop);
            }
            return getFieldQuery(field, text, true);
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            if (field == null) {
                return super.getPrefixQuery(null, text);
            }
            refuseLeadingWildcard(text);
            Target target = target(field);
            return switch (target.kind()) {
                case TEXT -> super.getPrefixQuery(target.field(), text);
                case EXACT -> new PrefixQuery(new Term(target.field(), IndexSchema.normalise(text)));
                case YEAR -> throw noPattern(text);
            };
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            if (field == null) {
                // a lone * is everything
                return text.equals("*") ? new MatchAllDocsQuery() : super.getWildcardQuery(null, text);
            }
            Target target = target(field);
            if (target.kind() == Kind.YEAR) {
                throw noPattern(text);
            }
            refuseLeadingWildcard(text);
            return switch (target.kind()) {
                case EXACT -> new WildcardQuery(new Term(target.field(), IndexSchema.normalise(text)));
                default -> super.getWildcardQuery(target.field(), text);
            };
        }

        /** A leading wildcard would scan every term of the field: slow, and rarely what a reviewer means. */
        private static void refuseLeadingWildcard(String text) throws ParseException {
            if (text.startsWith("*") || text.startsWith("?")) {
                throw new FieldProblem("a word cannot start with '*' or '?'; put the wildcard at its end, as in"
                        + " interpret*", text);
            }
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            if (field == null) {
                return super.getFuzzyQuery(null, text, similarity);
            }
            Target target = target(field);
            if (target.kind() == Kind.YEAR) {
                throw noPattern(text + "~");
            }
            return super.getFuzzyQuery(target.field(), text, similarity);
        }

        @Override
        protected Query getRangeQuery(String field, String lower, String upper, boolean startInclusive,
                boolean endInclusive) throws ParseException {
            if (field == null) {
                return super.getRangeQuery(null, lower, upper, startInclusive, endInclusive);
            }
            Target target = target(field);
            if (target.kind() != Kind.YEAR) {
                return super.getRangeQuery(target.field(), lower, upper, startInclusive, endInclusive);
            }
            int from = isOpen(lower) ? Integer.MIN_VALUE : yearNumber(lower) + (startInclusive ? 0 : 1);
            int to = isOpen(upper) ? Integer.MAX_VALUE : yearNumber(upper) - (endInclusive ? 0 : 1);
            return IntPoint.newRangeQuery(IndexSchema.YEAR, from, to);
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            // '/' is escaped before parsing, so this is not reached; be explicit should that change
            throw new FieldProblem("regular expressions are not supported", text);
        }

        private static Target target(String field) throws ParseException {
            Target target = FIELDS.get(field.toLowerCase(Locale.ROOT));
            if (target == null) {
                throw new FieldProblem("unknown field '" + field + ":'; fields are " + FIELD_LIST, field + ":");
            }
            return target;
        }

        private static boolean isOpen(String bound) {
            return bound == null || bound.equals("*");
        }

        private static FieldProblem noPattern(String text) {
            return new FieldProblem("year: takes a year (2020), a range (2020..2024) or a comparison (>=2021),"
                    + " not a pattern", text);
        }
    }

    // --- values -------------------------------------------------------------------------------------------------

    /** The indexed form of a value of an exact field. */
    static String exactValue(String field, String text) throws ParseException {
        String value = IndexSchema.normalise(text);
        return switch (field) {
            case IndexSchema.DOI -> DOI_PREFIX.matcher(value).replaceFirst("");
            case IndexSchema.ARXIV -> ARXIV_VERSION.matcher(value.replaceFirst("^arxiv:", "")).replaceFirst("");
            case IndexSchema.TYPE -> ReferenceType.fromId(value).map(ReferenceType::id)
                    .orElseThrow(() -> new FieldProblem("unknown type '" + text + "'; types are " + Stream
                            .of(ReferenceType.values()).map(ReferenceType::id).collect(Collectors.joining(", ")),
                            text));
            default -> value;
        };
    }

    /** {@code 2020}, {@code 2020..2024}, {@code 2020..}, {@code ..2024}, {@code >=2021}, {@code <2020}. */
    static Query year(String text) throws ParseException {
        String value = text.strip();
        if (YEAR.matcher(value).matches()) {
            return IntPoint.newExactQuery(IndexSchema.YEAR, yearNumber(value));
        }
        Matcher range = YEAR_RANGE.matcher(value);
        if (range.matches() && (range.group(1) != null || range.group(2) != null)) {
            int from = range.group(1) == null ? Integer.MIN_VALUE : yearNumber(range.group(1));
            int to = range.group(2) == null ? Integer.MAX_VALUE : yearNumber(range.group(2));
            if (from > to) {
                throw new FieldProblem("the year range " + value + " is empty: write the earlier year first",
                        value);
            }
            return IntPoint.newRangeQuery(IndexSchema.YEAR, from, to);
        }
        Matcher comparison = YEAR_COMPARISON.matcher(value);
        if (comparison.matches()) {
            int year = yearNumber(comparison.group(2));
            return switch (comparison.group(1)) {
                case "<" -> IntPoint.newRangeQuery(IndexSchema.YEAR, Integer.MIN_VALUE, year - 1);
                case "<=" -> IntPoint.newRangeQuery(IndexSchema.YEAR, Integer.MIN_VALUE, year);
                case ">" -> IntPoint.newRangeQuery(IndexSchema.YEAR, year + 1, Integer.MAX_VALUE);
                case ">=" -> IntPoint.newRangeQuery(IndexSchema.YEAR, year, Integer.MAX_VALUE);
                default -> IntPoint.newExactQuery(IndexSchema.YEAR, year);
            };
        }
        throw new FieldProblem("year: takes a year (2020), a range (2020..2024) or a comparison (>=2021), not '"
                + value + "'", value);
    }

    private static int yearNumber(String text) throws ParseException {
        if (!YEAR.matcher(text.strip()).matches()) {
            throw new FieldProblem("'" + text + "' is not a year", text);
        }
        return Integer.parseInt(text.strip());
    }

    // --- before parsing -----------------------------------------------------------------------------------------

    /**
     * The query made ready for the classic parser, and where each of its characters came from in the query as
     * typed. Checks quotes and parentheses itself, because it can say where the unclosed one is; escapes
     * {@code /} (no regular expressions) and colons that do not follow a field name.
     */
    record Prepared(String text, int[] origins) {

        /** The position in the typed query of position {@code prepared} in {@link #text()}. */
        int original(int prepared) {
            if (prepared < 0 || origins.length == 0) {
                return -1;
            }
            return prepared < origins.length ? origins[prepared] : origins[origins.length - 1] + 1;
        }

        static Prepared of(String query) throws QuerySyntaxException {
            StringBuilder text = new StringBuilder(query.length() + 8);
            int[] origins = new int[query.length() * 2 + 1];
            Deque<Integer> open = new ArrayDeque<>();
            int quoteAt = -1;
            int length = query.length();
            for (int i = 0; i < length; i++) {
                char c = query.charAt(i);
                if (c == '\\') {
                    if (i + 1 == length) {
                        throw new QuerySyntaxException("the query ends with '\\' at column " + (i + 1)
                                + "; remove it, or write \\\\ to search for a backslash", i);
                    }
                    append(text, origins, c, i);
                    append(text, origins, query.charAt(i + 1), i + 1);
                    i++;
                    continue;
                }
                if (quoteAt >= 0) {
                    if (c == '"') {
                        quoteAt = -1;
                    }
                    append(text, origins, c, i);
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        quoteAt = i;
                        append(text, origins, c, i);
                    }
                    case '(' -> {
                        open.push(i);
                        append(text, origins, c, i);
                    }
                    case ')' -> {
                        if (open.isEmpty()) {
                            throw new QuerySyntaxException("the ')' at column " + (i + 1)
                                    + " closes nothing; remove it or add a '(' before it", i);
                        }
                        open.pop();
                        append(text, origins, c, i);
                    }
                    case '/' -> {
                        append(text, origins, '\\', i);
                        append(text, origins, c, i);
                    }
                    case ':' -> {
                        Optional<String> name = fieldNameBefore(query, i);
                        if (name.isPresent() && FIELDS.containsKey(name.get().toLowerCase(Locale.ROOT))) {
                            append(text, origins, c, i);
                        } else if (name.isPresent() && i + 1 < length && !Character.isWhitespace(query.charAt(i + 1))
                                && query.charAt(i + 1) != '/') {
                            // looks like a field and a value: a typo in a field name should not pass silently
                            int at = i - name.get().length();
                            throw new QuerySyntaxException("unknown field '" + name.get() + ":' at column "
                                    + (at + 1) + "; fields are " + FIELD_LIST
                                    + " (write \\: to search for a colon)", at);
                        } else {
                            append(text, origins, '\\', i);
                            append(text, origins, c, i);
                        }
                    }
                    default -> append(text, origins, c, i);
                }
            }
            if (quoteAt >= 0) {
                throw new QuerySyntaxException("the quote at column " + (quoteAt + 1)
                        + " is never closed; add a closing \"", quoteAt);
            }
            if (!open.isEmpty()) {
                int at = open.peek();
                throw new QuerySyntaxException("the '(' at column " + (at + 1) + " is never closed; add a ')'", at);
            }
            return new Prepared(text.toString(), Arrays.copyOf(origins, text.length()));
        }

        /** The word of letters just before {@code colon} when it starts a clause (so it can be a field name). */
        private static Optional<String> fieldNameBefore(String query, int colon) {
            int start = colon;
            while (start > 0 && Character.isLetter(query.charAt(start - 1))) {
                start--;
            }
            if (start == colon || !startsClause(query, start)) {
                return Optional.empty();
            }
            return Optional.of(query.substring(start, colon));
        }

        private static boolean startsClause(String query, int start) {
            if (start == 0) {
                return true;
            }
            char before = query.charAt(start - 1);
            if (Character.isWhitespace(before) || before == '(') {
                return true;
            }
            if (before == '-' || before == '+' || before == '!') {
                return startsClause(query, start - 1);
            }
            return false;
        }

        private static void append(StringBuilder text, int[] origins, char c, int origin) {
            origins[text.length()] = origin;
            text.append(c);
        }
    }
}
