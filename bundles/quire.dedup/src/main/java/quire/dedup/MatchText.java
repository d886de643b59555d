package quire.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normal forms records are compared in: what different exports of one paper spell differently (case,
 * punctuation, diacritics, HTML entities and tags, Greek letters as symbols or words) is made the same.
 */
final class MatchText {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9:-]*(\\s[^<>]*)?/?>");
    private static final Pattern ACCENT_ENTITY = Pattern.compile("([a-zA-Z])(acute|grave|uml|circ|tilde|cedil|ring|caron|slash)");

    private static final String[] GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon",
            "phi", "chi", "psi", "omega"};

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "-"), Map.entry("mdash", "-"),
            Map.entry("minus", "-"), Map.entry("rsquo", "'"), Map.entry("lsquo", "'"), Map.entry("ldquo", "\""),
            Map.entry("rdquo", "\""), Map.entry("szlig", "ss"), Map.entry("aelig", "ae"), Map.entry("AElig", "AE"),
            Map.entry("oelig", "oe"), Map.entry("hellip", "..."), Map.entry("times", "x"), Map.entry("micro", "mu"),
            Map.entry("middot", "."), Map.entry("deg", " degrees "), Map.entry("plusmn", "+/-"),
            Map.entry("le", "<="), Map.entry("ge", ">="), Map.entry("thinsp", " "), Map.entry("ensp", " "),
            Map.entry("emsp", " "), Map.entry("reg", ""), Map.entry("trade", ""), Map.entry("copy", ""));

    /** Words that carry no weight in a journal name ("Journal of the ..." vs "J ..."). */
    private static final Set<String> VENUE_STOPWORDS = Set.of("the", "of", "and", "for", "in", "on", "de", "des",
            "der", "und", "la", "le", "et", "at", "an", "a", "du", "di", "del", "fur", "y");

    /** Name particles, compared without ("van der Berg" vs "Berg"). */
    private static final Set<String> PARTICLES = Set.of("van", "der", "den", "de", "la", "le", "von", "di", "da",
            "du", "del", "della", "dos", "das", "ten", "ter", "zu", "el", "al", "st", "bin", "ibn");

    private MatchText() {
    }

    /** HTML entities decoded and tags dropped ({@code &lt;i&gt;}, {@code <sup>}), as some databases export them. */
    static String decodeHtml(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0) {
            return text;
        }
        String decoded = text;
        // twice: exports double-escape ("&amp;lt;i&amp;gt;")
        for (int round = 0; round < 2 && decoded.indexOf('&') >= 0; round++) {
            decoded = decodeEntities(decoded);
        }
        return decoded.indexOf('<') >= 0 ? TAG.matcher(decoded).replaceAll(" ") : decoded;
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        String named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String greek : GREEK) {
            if (greek.equals(lower) || (greek + "sym").equals(lower) || ("var" + greek).equals(lower)) {
                return greek;
            }
        }
        Matcher accent = ACCENT_ENTITY.matcher(name);
        if (accent.matches()) {
            return accent.group(1);
        }
        return whole;
    }

    /**
     * Lower case, HTML decoded, diacritics removed, Greek letters spelled out, {@code &} as "and", every other
     * character that is not a letter or digit a single space; words separated by one space.
     */
    static String fold(String text) {
        String decoded = decodeHtml(text);
        StringBuilder out = new StringBuilder(decoded.length() + 8);
        boolean space = true;
        boolean ascii = true;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        String source = ascii ? decoded : Normalizer.normalize(decoded, Normalizer.Form.NFKD);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            String replacement = null;
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out.append(c);
                    space = false;
                    continue;
                }
                if (c == '&') {
                    replacement = "and";
                } else if (c == '\'') {
                    continue; // "Crohn's" and "Crohns" are the same word
                }
            } else if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK || c == '\u2019') {
                continue;
            } else {
                replacement = special(c);
            }
            if (replacement != null) {
                // written into the word it stands in: "17β" and "17beta", "Straße" and "Strasse" agree
                out.append(replacement);
                space = false;
                continue;
            }
            if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /** A letter outside ASCII as letters: Greek spelled out, ligatures and special Latin letters written out. */
    private static String special(char c) {
        if (c >= '\u0391' && c <= '\u03A9' && c != '\u03A2') {
            return GREEK[c - '\u0391'];
        }
        if (c >= '\u03B1' && c <= '\u03C9') {
            return GREEK[c - '\u03B1'];
        }
        return switch (c) {
            case '\u00B5' -> "mu";
            case '\u03D1' -> "theta";
            case '\u03D5' -> "phi";
            case '\u03F5' -> "epsilon";
            case '\u00DF' -> "ss";
            case '\u00E6', '\u00C6' -> "ae";
            case '\u0153', '\u0152' -> "oe";
            case '\u00F8', '\u00D8' -> "o";
            case '\u0142', '\u0141' -> "l";
            case '\u0111', '\u0110', '\u00F0', '\u00D0' -> "d";
            case '\u00FE', '\u00DE' -> "th";
            case '\u0131' -> "i";
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    yield String.valueOf(Character.toLowerCase(c));
                }
                yield null;
            }
        };
    }

    /** The folded text without spaces: "Non-small cell" and "nonsmall cell" become the same. */
    static String compact(String folded) {
        return folded.replace(" ", "");
    }

    /**
     * The numbers of a title ("Part 2", "II", "17beta", "2019"): two titles whose numbers differ are different
     * papers. Digit runs anywhere count, Roman numerals as whole words.
     */
    static List<String> numbers(String folded) {
        List<String> numbers = new ArrayList<>();
        int digits = -1;
        int word = 0;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            boolean digit = c >= '0' && c <= '9';
            if (digit && digits < 0) {
                digits = i;
            } else if (!digit && digits >= 0) {
                String run = folded.substring(digits, i);
                int lead = 0;
                while (lead < run.length() - 1 && run.charAt(lead) == '0') {
                    lead++;
                }
                numbers.add(run.substring(lead));
                digits = -1;
            }
            if (c == ' ') {
                if (i > word) {
                    String arabic = roman(folded.substring(word, i));
                    if (arabic != null) {
                        numbers.add(arabic);
                    }
                }
                word = i + 1;
            }
        }
        return numbers;
    }

    /** Roman numerals from II up (I is a pronoun), as digits. */
    private static String roman(String word) {
        return switch (word) {
            case "ii" -> "2";
            case "iii" -> "3";
            case "iv" -> "4";
            case "vi" -> "6";
            case "vii" -> "7";
            case "viii" -> "8";
            case "ix" -> "9";
            case "xi" -> "11";
            case "xii" -> "12";
            default -> null;
        };
    }

    /** A family name as compared: folded, particles and spaces removed ("van der Berg" and "Berg" agree). */
    static String family(String family) {
        String folded = fold(family);
        String[] words = folded.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            // particles count only in front of the name proper, never as the whole name
            if (out.isEmpty() && i < words.length - 1 && PARTICLES.contains(words[i])) {
                continue;
            }
            out.append(words[i]);
        }
        return out.toString();
    }

    /** A venue's words without the ones abbreviations drop. */
    static List<String> venueWords(String venue) {
        List<String> words = new ArrayList<>();
        for (String w : fold(venue).split(" ")) {
            if (!w.isEmpty() && !VENUE_STOPWORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * Whether two venue names can name the same journal: equal, one an abbreviation of the other word by word
     * ("J Am Med Assoc", "Proc Natl Acad Sci U S A"), or an acronym of it ("BMJ", "JAMA").
     */
    static boolean sameVenue(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        List<String> shorter = String.join("", a).length() <= String.join("", b).length() ? a : b;
        List<String> longer = shorter == a ? b : a;
        if (abbreviates(shorter, longer)) {
            return true;
        }
        if (shorter.size() == 1 && shorter.get(0).length() >= 2 && shorter.get(0).length() <= 8) {
            StringBuilder initials = new StringBuilder();
            longer.forEach(w -> initials.append(w.charAt(0)));
            return initials.toString().equals(shorter.get(0));
        }
        return false;
    }

    /** Each word of {@code shorter} abbreviates a word of {@code longer}, in order; most words of longer are used. */
    private static boolean abbreviates(List<String> shorter, List<String> longer) {
        int j = 0;
        int skipped = 0;
        for (String word : shorter) {
            while (j < longer.size() && !abbreviation(word, longer.get(j))) {
                j++;
                skipped++;
            }
            if (j == longer.size()) {
                return false;
            }
            j++;
        }
        skipped += longer.size() - j;
        // "Lancet" is not "Lancet Oncology"; a long name may lose one word ("Journal of the Royal Society of ...")
        return skipped <= (longer.size() >= 4 ? 1 : 0);
    }

    /** "natl" abbreviates "national": same first letter, the rest a subsequence. */
    private static boolean abbreviation(String abbreviation, String word) {
        if (abbreviation.equals(word)) {
            return true;
        }
        if (abbreviation.length() > word.length() || abbreviation.charAt(0) != word.charAt(0)) {
            return false;
        }
        int j = 1;
        for (int i = 1; i < abbreviation.length(); i++) {
            while (j < word.length() && word.charAt(j) != abbreviation.charAt(i)) {
                j++;
            }
            if (j == word.length()) {
                return false;
            }
            j++;
        }
        return true;
    }

    /** The first page of a range ("123-9" gives 123, "e1234" stays), lower case, without leading zeros. */
    static String firstPage(String pages) {
        String p = pages.strip().toLowerCase(Locale.ROOT);
        int dash = indexOfDash(p);
        String first = (dash >= 0 ? p.substring(0, dash) : p).strip();
        if (first.startsWith("pp")) {
            first = first.substring(2);
        } else if (first.startsWith("p") && first.length() > 1 && !Character.isLetter(first.charAt(1))) {
            first = first.substring(1);
        } else if (first.startsWith("cover")) {
            first = "c" + first.substring(5);
        }
        StringBuilder out = new StringBuilder(first.length());
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (Character.isLetterOrDigit(c) && !(c == '0' && out.isEmpty() && i + 1 < first.length()
                    && Character.isDigit(first.charAt(i + 1)))) {
                out.append(c);
            }
        }
        // "??" and "n/a" are no page at all
        return out.toString().equals("na") ? "" : out.toString();
    }

    /** The last page with an abbreviated range expanded ("123-9" gives 129); empty without a range. */
    static String lastPage(String pages) {
        String p = pages.strip().toLowerCase(Locale.ROOT);
        int dash = indexOfDash(p);
        if (dash < 0) {
            return "";
        }
        String first = firstPage(p);
        String last = p.substring(dash + 1).replaceAll("^[-\\s]+", "").strip();
        if (first.chars().allMatch(Character::isDigit) && last.chars().allMatch(Character::isDigit)
                && !last.isEmpty() && last.length() < first.length()) {
            last = first.substring(0, first.length() - last.length()) + last;
        }
        return last.replaceFirst("^0+(?=\\d)", "");
    }

    private static int indexOfDash(String p) {
        for (int i = 1; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2012') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Levenshtein similarity of two strings, 1 for equal; gives up (returns 0) once it is sure the similarity is
     * below {@code floor}, so unlike strings cost little.
     */
    static double similarity(String a, String b, double floor) {
        int la = a.length();
        int lb = b.length();
        int max = Math.max(la, lb);
        if (max == 0) {
            return 1;
        }
        int bound = (int) Math.floor((1 - floor) * max);
        if (Math.abs(la - lb) > bound) {
            return 0;
        }
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        int big = max + 1;
        for (int j = 0; j <= lb; j++) {
            previous[j] = j <= bound ? j : big;
        }
        for (int i = 1; i <= la; i++) {
            int from = Math.max(1, i - bound);
            int to = Math.min(lb, i + bound);
            current[0] = i <= bound ? i : big;
            if (from > 1) {
                current[from - 1] = big;
            }
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                current[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (to < lb) {
                current[to + 1] = big;
            }
            if (rowMin > bound) {
                return 0;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int distance = previous[lb];
        return distance > bound ? 0 : 1 - (double) distance / max;
    }
}
