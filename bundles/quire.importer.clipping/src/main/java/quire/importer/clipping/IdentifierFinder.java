package quire.importer.clipping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.Identifiers;

/**
 * Finds identifiers in running text: DOIs ({@code 10.1234/...}, also inside {@code doi.org} links), arXiv ids
 * ({@code arXiv:2401.01234v2}, {@code arxiv.org/abs/...}, old style {@code arXiv:hep-th/9901001}), PubMed ids
 * ({@code PMID: 123}, {@code pubmed.ncbi.nlm.nih.gov/123}) and web addresses. Each is returned in its normal form
 * ({@link Identifiers}), in order of appearance, without repeats.
 *
 * <p>Text is prose, so the punctuation that ends a sentence or closes a bracket around an address is not part of
 * it; a bracket the address itself opened is ({@code https://en.wikipedia.org/wiki/Grokking_(machine_learning)}).
 */
final class IdentifierFinder {

    /** What {@link #find} found, each list in order of appearance. */
    record Found(List<String> dois, List<String> arxivIds, List<String> pmids, List<String> urls) {

        Found {
            dois = List.copyOf(dois);
            arxivIds = List.copyOf(arxivIds);
            pmids = List.copyOf(pmids);
            urls = List.copyOf(urls);
        }

        boolean isEmpty() {
            return dois.isEmpty() && arxivIds.isEmpty() && pmids.isEmpty() && urls.isEmpty();
        }
    }

    // Curly quotes and angle brackets end an address in prose and in HTML alike.
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"“”‘’«»]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("(?<![\\w.])10\\.\\d{4,9}/[^\\s<>\"“”‘’«»]+");
    private static final Pattern ARXIV = Pattern.compile(
            "\\barXiv:\\s*(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z][a-z.-]*(?:\\.[A-Z]{2})?/\\d{7}(?:v\\d+)?)(?!\\d|\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_URL = Pattern.compile(
            "^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/([^?#]+?)(?:\\.pdf)?/?(?:[?#].*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID = Pattern.compile("\\bPMID:?\\s*(\\d{1,9})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBMED_URL = Pattern.compile(
            "^https?://(?:www\\.)?(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov|ncbi\\.nlm\\.nih\\.gov/pubmed)/(\\d{1,9})\\b.*$",
            Pattern.CASE_INSENSITIVE);

    private static final String TRAILING = ".,;:!?'’\"”*_";

    private IdentifierFinder() {
    }

    /** Every identifier and address in {@code text}. */
    static Found find(CharSequence text) {
        List<Hit> dois = new ArrayList<>();
        List<Hit> arxivIds = new ArrayList<>();
        List<Hit> pmids = new ArrayList<>();
        List<Hit> urls = new ArrayList<>();

        // cheap tests first: most paragraphs hold no identifier at all
        String lower = text.toString().toLowerCase(Locale.ROOT);
        Matcher m = URL.matcher(lower.contains("http") ? text : "");
        while (m.find()) {
            String url = trimUrl(m.group());
            if (url.length() <= "https://".length()) {
                continue;
            }
            urls.add(new Hit(m.start(), url));
            Matcher arxiv = ARXIV_URL.matcher(url);
            if (arxiv.matches()) {
                add(arxivIds, m.start(), arxiv.group(1), Identifiers::arxiv);
            }
            Matcher pubmed = PUBMED_URL.matcher(url);
            if (pubmed.matches()) {
                add(pmids, m.start(), pubmed.group(1), Identifiers::pmid);
            }
        }
        m = DOI.matcher(lower.contains("10.") ? text : "");
        while (m.find()) {
            add(dois, m.start(), m.group(), Identifiers::doi);
        }
        m = ARXIV.matcher(lower.contains("arxiv:") ? text : "");
        while (m.find()) {
            add(arxivIds, m.start(), m.group(1), Identifiers::arxiv);
        }
        m = PMID.matcher(lower.contains("pmid") ? text : "");
        while (m.find()) {
            add(pmids, m.start(), m.group(1), Identifiers::pmid);
        }
        return new Found(inOrder(dois), inOrder(arxivIds), inOrder(pmids), inOrder(urls));
    }

    /** A value found at a position of the text. */
    private record Hit(int at, String value) {
    }

    private static void add(List<Hit> into, int at, String candidate, Function<String, Optional<String>> normalise) {
        normalise.apply(candidate).ifPresent(value -> into.add(new Hit(at, value)));
    }

    /** The values in order of appearance, each once. */
    private static List<String> inOrder(List<Hit> hits) {
        Set<String> values = new LinkedHashSet<>();
        hits.stream().sorted(Comparator.comparingInt(Hit::at)).forEach(hit -> values.add(hit.value()));
        return List.copyOf(values);
    }

    /** An address without the sentence punctuation and unopened brackets that follow it in prose. */
    static String trimUrl(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            if (TRAILING.indexOf(last) >= 0) {
                u = u.substring(0, u.length() - 1);
            } else if (last == ')' && count(u, '(') < count(u, ')')
                    || last == ']' && count(u, '[') < count(u, ']')
                    || last == '}' && count(u, '{') < count(u, '}')) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
