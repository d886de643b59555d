package quire.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into terms as scikit-learn's {@code TfidfVectorizer} does by default, which ASReview uses: lower case,
 * words of two or more word characters ({@code (?u)\b\w\w+\b}), English stop words dropped, then unigrams and the
 * bigrams of neighbouring remaining words.
 */
final class Tokenizer {

    /** scikit-learn's {@code ENGLISH_STOP_WORDS} (318 words, from the Glasgow IR group's list). */
    static final Set<String> ENGLISH_STOP_WORDS = Set.of(("a about above across after afterwards again against all "
            + "almost alone along already also although always am among amongst amoungst amount an and another any "
            + "anyhow anyone anything anyway anywhere are around as at back be became because become becomes "
            + "becoming been before beforehand behind being below beside besides between beyond bill both bottom but "
            + "by call can cannot cant co con could couldnt cry de describe detail do done down due during each eg "
            + "eight either eleven else elsewhere empty enough etc even ever every everyone everything everywhere "
            + "except few fifteen fifty fill find fire first five for former formerly forty found four from front "
            + "full further get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers "
            + "herself him himself his how however hundred i ie if in inc indeed interest into is it its itself keep "
            + "last latter latterly least less ltd made many may me meanwhile might mill mine more moreover most "
            + "mostly move much must my myself name namely neither never nevertheless next nine no nobody none noone "
            + "nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours "
            + "ourselves out over own part per perhaps please put rather re same see seem seemed seeming seems "
            + "serious several she should show side since sincere six sixty so some somehow someone something "
            + "sometime sometimes somewhere still such system take ten than that the their them themselves then "
            + "thence there thereafter thereby therefore therein thereupon these they thick thin third this those "
            + "though three through throughout thru thus to together too top toward towards twelve twenty two un "
            + "under until up upon us very via was we well were what whatever when whence whenever where "
            + "whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole "
            + "whom whose why will with within without would yet you your yours yourself yourselves").split(" "));

    private final boolean stopWords;
    private final int maxN;

    /**
     * @param stopWords whether English stop words are dropped
     * @param maxN      the longest n-gram (1 for words only, 2 for words and bigrams)
     */
    Tokenizer(boolean stopWords, int maxN) {
        if (maxN < 1 || maxN > 3) {
            throw new IllegalArgumentException("n-grams of 1 to 3 words, not " + maxN);
        }
        this.stopWords = stopWords;
        this.maxN = maxN;
    }

    /** The terms of the text in order: all words first, then all bigrams (as scikit-learn lists them). */
    List<String> terms(String text) {
        List<String> words = words(text);
        if (maxN == 1 || words.size() < 2) {
            return words;
        }
        List<String> terms = new ArrayList<>(words.size() * maxN);
        terms.addAll(words);
        StringBuilder gram = new StringBuilder();
        for (int n = 2; n <= maxN; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                gram.setLength(0);
                for (int j = i; j < i + n; j++) {
                    if (j > i) {
                        gram.append(' ');
                    }
                    gram.append(words.get(j));
                }
                terms.add(gram.toString());
            }
        }
        return terms;
    }

    /** Runs of two or more word characters, lower case, stop words dropped. */
    List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int i = 0;
        int length = lower.length();
        while (i < length) {
            int cp = lower.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int count = 0;
            while (i < length) {
                int c = lower.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                i += Character.charCount(c);
                count++;
            }
            if (count >= 2) {
                String word = lower.substring(start, i);
                if (!stopWords || !ENGLISH_STOP_WORDS.contains(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** Python's {@code \w} for str patterns: letters, digits and other numbers, and the underscore. */
    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
