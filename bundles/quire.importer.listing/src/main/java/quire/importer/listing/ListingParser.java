package quire.importer.listing;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * Reads the records of a listing and hands references and problems to an {@link ImportSink}. Plain Java, so that
 * it can be tested without a framework.
 *
 * <p>A record is three non-blank lines: the header ({@link RecordHeader}), the title glued to the authors
 * ({@link TitleAndAuthors}) and the abstract. Blank lines are skipped. A line where a header should be is
 * reported once, with its line number, and skipped together with the lines after it up to the next header, so
 * that one damaged record costs only itself.
 */
final class ListingParser {

    /** The format id recorded in provenance. */
    static final String FORMAT = "listing";

    private static final String VENUE = "arXiv";
    private static final int QUOTE_LIMIT = 80;

    private final String sourceName;
    private final int listingYear;

    /**
     * @param sourceName  the file name for provenance and messages
     * @param listingYear the year of dates printed without one
     */
    ListingParser(String sourceName, int listingYear) {
        if (listingYear == 0) {
            throw new IllegalArgumentException("there is no year 0");
        }
        this.sourceName = sourceName;
        this.listingYear = listingYear;
    }

    /** Reads every record from {@code in}, stopping early when the sink is cancelled. */
    void parse(BufferedReader in, ImportSink sink) throws IOException {
        Lines lines = new Lines(in);
        int position = 0;
        while (!sink.cancelled()) {
            Optional<Line> next = lines.next();
            if (next.isEmpty()) {
                return;
            }
            Line first = next.get();
            Optional<RecordHeader> header = RecordHeader.parse(first.text());
            if (header.isEmpty()) {
                skipToNextHeader(first, lines, sink);
                continue;
            }
            Optional<Line> second = lines.peek();
            if (second.isEmpty() || isHeader(second)) {
                sink.problem(ImportProblem.error(sourceName, first.number(), "the record starting here has no "
                        + "title and authors line (line 2 of a record)"
                        + (second.isEmpty() ? " before the end of the file" : "; the next line is another header")
                        + "; skipped it"));
                continue;
            }
            lines.next();
            Optional<Line> third = lines.peek();
            Optional<String> abstractText = Optional.empty();
            if (third.isPresent() && !isHeader(third)) {
                lines.next();
                abstractText = Optional.of(third.get().text());
            } else {
                sink.problem(ImportProblem.warning(sourceName, second.get().number(),
                        "the record has no abstract (line 3 of a record); kept it without one"));
            }
            sink.reference(reference(header.get(), first, second.get(), abstractText, position, sink));
            position++;
        }
    }

    private Reference reference(RecordHeader header, Line first, Line second, Optional<String> abstractText,
            int position, ImportSink sink) {
        Reference.Builder builder = Reference.builder()
                .type(ReferenceType.PREPRINT)
                .venue(VENUE)
                .provenance(Provenance.of(sourceName, FORMAT, position, first.number()));

        builder.issued(header.date(listingYear).orElseGet(() -> {
            sink.problem(ImportProblem.warning(sourceName, first.number(), "there is no day "
                    + header.writtenDate() + (header.year().isEmpty() ? " in " + listingYear : "")
                    + "; kept only the month"));
            return header.monthOnly(listingYear);
        }));

        String category = ArxivCategory.forCode(header.categoryCode()).orElseGet(() -> {
            sink.problem(ImportProblem.warning(sourceName, first.number(), "unknown category code "
                    + header.categoryCode() + " (known: " + ArxivCategory.knownCodes() + "); kept it as written"));
            return header.categoryCode();
        });
        builder.field("arxivCategory", category);
        header.relevance().ifPresent(score -> builder.field("relevance", score));
        if (header.code()) {
            builder.field("code", "true");
        }

        Optional<TitleAndAuthors> split = TitleAndAuthors.split(second.text());
        if (split.isPresent()) {
            TitleAndAuthors t = split.get();
            builder.title(t.title()).authors(t.authors()).authorsTruncated(t.truncated());
            t.affiliations().ifPresent(a -> builder.field("affiliations", a));
        } else {
            sink.problem(ImportProblem.warning(sourceName, second.number(), "cannot tell where the title ends "
                    + "and the authors begin in " + quote(second.text()) + "; kept the whole line as the title "
                    + "and no authors"));
            builder.title(second.text());
        }
        abstractText.ifPresent(builder::abstractText);
        return builder.build();
    }

    /** Reports a line that should have been a header and skips to the next header or the end of the file. */
    private void skipToNextHeader(Line bad, Lines lines, ImportSink sink) throws IOException {
        int lastSkipped = bad.number();
        for (Optional<Line> next = lines.peek(); next.isPresent() && !isHeader(next); next = lines.peek()) {
            lastSkipped = lines.next().orElseThrow().number();
        }
        String skipped = lastSkipped == bad.number() ? "skipped this line" : "skipped lines " + bad.number()
                + "-" + lastSkipped;
        String upTo = lines.peek().isPresent() ? " up to the next record header" : " up to the end of the file";
        sink.problem(ImportProblem.error(sourceName, bad.number(), "line 1 of a record should be "
                + RecordHeader.EXPECTED + ", found: " + quote(bad.text()) + "; " + skipped + upTo));
    }

    private static boolean isHeader(Optional<Line> line) {
        return line.isPresent() && RecordHeader.matches(line.get().text());
    }

    private static String quote(String text) {
        String shown = text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
        return "\"" + shown + "\"";
    }

    /** A non-blank line and its number, from 1. */
    private record Line(int number, String text) {
    }

    /** The non-blank lines of a reader, with one line of look-ahead; the reader handles CR, LF and CRLF. */
    private static final class Lines {
        private static final char BOM = '\uFEFF';

        private final BufferedReader in;
        private int number;
        private Line peeked;

        Lines(BufferedReader in) {
            this.in = in;
        }

        Optional<Line> peek() throws IOException {
            if (peeked == null) {
                peeked = read();
            }
            return Optional.ofNullable(peeked);
        }

        Optional<Line> next() throws IOException {
            Optional<Line> line = peek();
            peeked = null;
            return line;
        }

        private Line read() throws IOException {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (number == 1 && !text.isEmpty() && text.charAt(0) == BOM) {
                    text = text.substring(1);
                }
                String stripped = text.strip();
                if (!stripped.isEmpty()) {
                    return new Line(number, stripped);
                }
            }
            return null;
        }
    }
}
