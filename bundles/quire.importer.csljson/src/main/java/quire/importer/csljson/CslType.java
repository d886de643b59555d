package quire.importer.csljson;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import quire.api.model.ReferenceType;

/** Maps CSL item types to {@link ReferenceType}s. The CSL type itself is kept in the field {@code cslType}. */
final class CslType {

    private static final Map<String, ReferenceType> TYPES = Map.ofEntries(
            Map.entry("article-journal", ReferenceType.ARTICLE),
            Map.entry("article-magazine", ReferenceType.ARTICLE),
            Map.entry("article-newspaper", ReferenceType.ARTICLE),
            Map.entry("article", ReferenceType.ARTICLE),
            Map.entry("review", ReferenceType.ARTICLE),
            Map.entry("review-book", ReferenceType.ARTICLE),
            Map.entry("preprint", ReferenceType.PREPRINT),
            Map.entry("paper-conference", ReferenceType.CONFERENCE_PAPER),
            Map.entry("chapter", ReferenceType.CHAPTER),
            Map.entry("entry-encyclopedia", ReferenceType.CHAPTER),
            Map.entry("entry-dictionary", ReferenceType.CHAPTER),
            Map.entry("book", ReferenceType.BOOK),
            Map.entry("thesis", ReferenceType.THESIS),
            Map.entry("report", ReferenceType.REPORT),
            Map.entry("webpage", ReferenceType.WEBPAGE),
            Map.entry("post-weblog", ReferenceType.WEBPAGE),
            Map.entry("post", ReferenceType.WEBPAGE),
            Map.entry("dataset", ReferenceType.DATASET),
            Map.entry("software", ReferenceType.SOFTWARE));

    /** Types CSL defines that map to {@link ReferenceType#OTHER}. */
    private static final Set<String> OTHER_CSL_TYPES = Set.of("bill", "broadcast", "classic", "collection",
            "document", "entry", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
            "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "patent", "performance",
            "periodical", "personal_communication", "regulation", "song", "speech", "standard", "treaty");

    // Preprint servers by name, as they appear in container-title, publisher or Zotero's "source" (library catalog).
    // Google Scholar's BibTeX, converted to CSL, gives "article-journal" with container "arXiv preprint arXiv:...".
    private static final Pattern PREPRINT_SERVER = Pattern.compile(
            "\\b(?:arxiv|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|edarxiv|ssrn|research ?square|preprints\\.org"
                    + "|osf preprints|techrxiv|eartharxiv)\\b",
            Pattern.CASE_INSENSITIVE);

    private CslType() {
    }

    /**
     * The type for a CSL {@code type}. An {@code article} or {@code article-journal} is a
     * {@link ReferenceType#PREPRINT} when its genre says "preprint" or its container is a preprint server; a plain
     * {@code article} (CSL's type for preprints and working papers) also when its publisher or library catalog is
     * one or it has an arXiv id. An unknown or missing type is {@link ReferenceType#OTHER}.
     *
     * @param cslType     the CSL type as written
     * @param genre       the {@code genre}, or empty
     * @param container   the {@code container-title}, or empty
     * @param publication the {@code publisher} and {@code source} (Zotero's library catalog), or empty
     * @param hasArxiv    whether the item has an arXiv id
     */
    static ReferenceType of(String cslType, String genre, String container, String publication, boolean hasArxiv) {
        String type = cslType.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        ReferenceType mapped = TYPES.getOrDefault(type, ReferenceType.OTHER);
        boolean article = type.equals("article");
        if (article || type.equals("article-journal")) {
            if (genre.toLowerCase(Locale.ROOT).contains("preprint") || PREPRINT_SERVER.matcher(container).find()
                    || article && (hasArxiv || PREPRINT_SERVER.matcher(publication).find())) {
                return ReferenceType.PREPRINT;
            }
        }
        return mapped;
    }

    /** Whether {@code name} is a CSL type, for recognising a file. */
    static boolean isKnown(String name) {
        return TYPES.containsKey(name) || OTHER_CSL_TYPES.contains(name);
    }
}
