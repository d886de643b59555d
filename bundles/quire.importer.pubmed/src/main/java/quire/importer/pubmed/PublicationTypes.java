package quire.importer.pubmed;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import quire.api.model.ReferenceType;

/**
 * Maps PubMed publication types ({@code PT} in MEDLINE, {@code PublicationType} in XML) to a {@link ReferenceType}.
 * A record lists several ("Journal Article", "Review", "Research Support, N.I.H."); the most telling wins: a
 * preprint is a preprint even when also called a journal article, and a book is a book even when also a review.
 * Most of PubMed's types ("Randomized Controlled Trial", "Case Reports", "Editorial") describe journal content,
 * so a record in a journal that names no other kind is an article.
 */
final class PublicationTypes {

    // lower-case PubMed type -> our type, in the order of priority below
    private static final Map<String, ReferenceType> KNOWN = Map.ofEntries(
            Map.entry("preprint", ReferenceType.PREPRINT),
            Map.entry("book", ReferenceType.BOOK),
            Map.entry("book chapter", ReferenceType.CHAPTER),
            Map.entry("chapter", ReferenceType.CHAPTER),
            Map.entry("academic dissertation", ReferenceType.THESIS),
            Map.entry("dissertation", ReferenceType.THESIS),
            Map.entry("technical report", ReferenceType.REPORT),
            Map.entry("report", ReferenceType.REPORT),
            Map.entry("congress", ReferenceType.CONFERENCE_PAPER),
            Map.entry("clinical conference", ReferenceType.CONFERENCE_PAPER),
            Map.entry("consensus development conference", ReferenceType.CONFERENCE_PAPER),
            Map.entry("consensus development conference, nih", ReferenceType.CONFERENCE_PAPER),
            Map.entry("dataset", ReferenceType.DATASET),
            Map.entry("software", ReferenceType.SOFTWARE),
            Map.entry("webcast", ReferenceType.WEBPAGE),
            Map.entry("website", ReferenceType.WEBPAGE),
            Map.entry("journal article", ReferenceType.ARTICLE),
            Map.entry("review", ReferenceType.ARTICLE),
            Map.entry("systematic review", ReferenceType.ARTICLE),
            Map.entry("meta-analysis", ReferenceType.ARTICLE),
            Map.entry("classical article", ReferenceType.ARTICLE),
            Map.entry("historical article", ReferenceType.ARTICLE),
            Map.entry("introductory journal article", ReferenceType.ARTICLE),
            Map.entry("corrected and republished article", ReferenceType.ARTICLE),
            Map.entry("newspaper article", ReferenceType.ARTICLE),
            Map.entry("editorial", ReferenceType.ARTICLE),
            Map.entry("letter", ReferenceType.ARTICLE),
            Map.entry("comment", ReferenceType.ARTICLE),
            Map.entry("news", ReferenceType.ARTICLE));

    private static final ReferenceType[] PRIORITY = {
        ReferenceType.PREPRINT, ReferenceType.CHAPTER, ReferenceType.BOOK, ReferenceType.THESIS,
        ReferenceType.REPORT, ReferenceType.CONFERENCE_PAPER, ReferenceType.DATASET, ReferenceType.SOFTWARE,
        ReferenceType.WEBPAGE, ReferenceType.ARTICLE};

    private PublicationTypes() {
    }

    /**
     * The type for a record with these publication types; {@code inJournal} says whether it names a journal, which
     * makes an otherwise unknown record an article.
     */
    static ReferenceType of(Collection<String> publicationTypes, boolean inJournal) {
        ReferenceType best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String pt : publicationTypes) {
            ReferenceType type = KNOWN.get(pt.strip().toLowerCase(Locale.ROOT));
            if (type != null && rank(type) < bestRank) {
                best = type;
                bestRank = rank(type);
            }
        }
        if (best != null) {
            return best;
        }
        return inJournal ? ReferenceType.ARTICLE : ReferenceType.OTHER;
    }

    private static int rank(ReferenceType type) {
        for (int i = 0; i < PRIORITY.length; i++) {
            if (PRIORITY[i] == type) {
                return i;
            }
        }
        return PRIORITY.length;
    }
}
