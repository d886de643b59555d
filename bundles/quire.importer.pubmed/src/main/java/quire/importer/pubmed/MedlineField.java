package quire.importer.pubmed;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tagged field of a MEDLINE record: {@code TI  - A title}, {@code PMID- 123}, {@code FAU - Doe, John}. The tag
 * is up to four characters, padded with spaces to four, then {@code "- "}; PubMed's own files always pad, but
 * JabRef's and hand-edited files write {@code PMID-123} and {@code TI-}, which are read too.
 *
 * @param tag   the tag, e.g. {@code FAU}
 * @param value the value with its continuation lines joined by single spaces, stripped
 * @param line  the line the field starts on, from 1
 */
record MedlineField(String tag, String value, int line) {

    private static final Pattern TAG_LINE = Pattern.compile("^([A-Z][A-Z0-9]{1,3})( {0,3})-(.*)$");

    /** The field that {@code text} starts, or empty when the line is not a tag line. */
    static Optional<MedlineField> parse(String text, int line) {
        Matcher m = TAG_LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String tag = m.group(1);
        String padding = m.group(2);
        // "TAG - " is padded to four characters; unpadded "TI-" is tolerated, but "HIV -1" is prose, not a tag
        if (!padding.isEmpty() && tag.length() + padding.length() != 4) {
            return Optional.empty();
        }
        return Optional.of(new MedlineField(tag, m.group(3).strip(), line));
    }

    /** This field with a continuation line appended. */
    MedlineField continuedBy(String text) {
        String more = text.strip();
        if (more.isEmpty()) {
            return this;
        }
        return new MedlineField(tag, value.isEmpty() ? more : value + " " + more, line);
    }
}
