package quire.api.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normal forms of identifiers, so that the same work read from two databases carries the same DOI, arXiv id
 * and PMID. {@link Reference} applies these itself; importers may call them to test a candidate.
 */
public final class Identifiers {

    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI_PREFIX = Pattern.compile(
            "^(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/|https?://doi\\.org/|info:doi/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_NEW = Pattern.compile(
            "^(?:arxiv:\\s*|https?://arxiv\\.org/(?:abs|pdf)/)?(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?:\\.pdf)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_OLD = Pattern.compile(
            "^(?:arxiv:\\s*|https?://arxiv\\.org/(?:abs|pdf)/)?([a-z][a-z.-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID = Pattern.compile("^(?:pmid:\\s*)?(\\d{1,9})$", Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    /**
     * A DOI lower-cased, without resolver prefix ({@code https://doi.org/}, {@code doi:}) and trailing
     * punctuation; empty when the text holds no DOI.
     */
    public static Optional<String> doi(String text) {
        String value = DOI_PREFIX.matcher(text.strip()).replaceFirst("");
        Matcher m = DOI.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        String doi = m.group(1);
        // sentence punctuation after a DOI in running text is not part of it
        while (!doi.isEmpty() && ".,;:)]}>\"'".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            if (doi.endsWith(")") && doi.chars().filter(c -> c == '(').count() >= doi.chars().filter(c -> c == ')').count()) {
                break; // a balanced parenthesis belongs to the DOI, e.g. 10.1016/S0140-6736(20)30183-5
            }
            doi = doi.substring(0, doi.length() - 1);
        }
        return Optional.of(doi.toLowerCase(Locale.ROOT));
    }

    /** An arXiv id without version and prefix ({@code 2401.01234}, {@code hep-th/9901001}); empty if not one. */
    public static Optional<String> arxiv(String text) {
        String value = text.strip();
        Matcher m = ARXIV_NEW.matcher(value);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        m = ARXIV_OLD.matcher(value);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A PubMed id as digits without leading zeros; empty if the text is not one. */
    public static Optional<String> pmid(String text) {
        Matcher m = PMID.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        return digits.equals("0") ? Optional.empty() : Optional.of(digits);
    }
}
