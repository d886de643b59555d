package quire.importer.endnote;

import java.util.Locale;
import java.util.Map;
import quire.api.model.ReferenceType;

/**
 * Maps EndNote's reference types ({@code <ref-type name="Journal Article">17</ref-type>}) to a
 * {@link ReferenceType}: by name, else by EndNote's fixed type number.
 */
final class EndnoteType {

    private static final Map<String, ReferenceType> BY_NAME = Map.ofEntries(
            Map.entry("journal article", ReferenceType.ARTICLE),
            Map.entry("electronic article", ReferenceType.ARTICLE),
            Map.entry("magazine article", ReferenceType.ARTICLE),
            Map.entry("newspaper article", ReferenceType.ARTICLE),
            Map.entry("book", ReferenceType.BOOK),
            Map.entry("edited book", ReferenceType.BOOK),
            Map.entry("electronic book", ReferenceType.BOOK),
            Map.entry("book section", ReferenceType.CHAPTER),
            Map.entry("electronic book section", ReferenceType.CHAPTER),
            Map.entry("conference proceedings", ReferenceType.CONFERENCE_PAPER),
            Map.entry("conference paper", ReferenceType.CONFERENCE_PAPER),
            Map.entry("thesis", ReferenceType.THESIS),
            Map.entry("report", ReferenceType.REPORT),
            Map.entry("government document", ReferenceType.REPORT),
            Map.entry("web page", ReferenceType.WEBPAGE),
            Map.entry("blog", ReferenceType.WEBPAGE),
            Map.entry("computer program", ReferenceType.SOFTWARE),
            Map.entry("dataset", ReferenceType.DATASET),
            Map.entry("generic", ReferenceType.OTHER));

    // EndNote's fixed numbers, for files that give no name
    private static final Map<Integer, ReferenceType> BY_NUMBER = Map.ofEntries(
            Map.entry(17, ReferenceType.ARTICLE), Map.entry(43, ReferenceType.ARTICLE),
            Map.entry(19, ReferenceType.ARTICLE), Map.entry(23, ReferenceType.ARTICLE),
            Map.entry(6, ReferenceType.BOOK), Map.entry(28, ReferenceType.BOOK), Map.entry(44, ReferenceType.BOOK),
            Map.entry(5, ReferenceType.CHAPTER), Map.entry(60, ReferenceType.CHAPTER),
            Map.entry(10, ReferenceType.CONFERENCE_PAPER), Map.entry(47, ReferenceType.CONFERENCE_PAPER),
            Map.entry(32, ReferenceType.THESIS), Map.entry(27, ReferenceType.REPORT),
            Map.entry(46, ReferenceType.REPORT), Map.entry(12, ReferenceType.WEBPAGE),
            Map.entry(56, ReferenceType.WEBPAGE), Map.entry(9, ReferenceType.SOFTWARE),
            Map.entry(59, ReferenceType.DATASET), Map.entry(13, ReferenceType.OTHER));

    private EndnoteType() {
    }

    /**
     * The type for a {@code ref-type} element.
     *
     * @param name   its {@code name} attribute, or null
     * @param number its text, EndNote's type number, or null
     */
    static ReferenceType of(String name, String number) {
        if (name != null) {
            ReferenceType type = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
        }
        if (number != null && number.strip().matches("\\d{1,3}")) {
            return BY_NUMBER.getOrDefault(Integer.parseInt(number.strip()), ReferenceType.OTHER);
        }
        return ReferenceType.OTHER;
    }
}
