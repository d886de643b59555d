package quire.importer.listing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The arXiv categories behind the two-letter codes a listing prints. */
final class ArxivCategory {

    // A listing prints only the part after the archive; these are the codes seen in such digests. Codes such as
    // "ML" would be ambiguous (cs.LG or stat.ML), so an unknown code is kept as written rather than guessed.
    private static final Map<String, String> BY_CODE = Map.of(
            "CL", "cs.CL",
            "LG", "cs.LG",
            "AI", "cs.AI",
            "CY", "cs.CY",
            "CR", "cs.CR",
            "MA", "cs.MA",
            "ST", "q-fin.ST");

    private ArxivCategory() {
    }

    /** The full category for a two-letter code, e.g. {@code cs.CL} for {@code CL}. */
    static Optional<String> forCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The known codes, sorted, for messages. */
    static String knownCodes() {
        return String.join(", ", new TreeSet<>(BY_CODE.keySet()));
    }
}
