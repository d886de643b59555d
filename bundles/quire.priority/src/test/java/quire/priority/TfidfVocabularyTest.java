package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import quire.api.screening.FeatureMatrix;

class TfidfVocabularyTest {

    @Test
    void weightsAsScikitLearnsTfidfVectorizer() {
        // TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) on ["apple banana", "apple cherry cherry"]:
        // idf(apple) = ln(3/3) + 1 = 1, the others ln(3/2) + 1; tf "cherry" = 1 + ln 2; rows l2-normalised
        TfidfVocabulary v = new TfidfVocabulary(new Tokenizer(true, 2), true, 1.0);
        v.add("apple banana");
        v.add("apple cherry cherry");
        FeatureMatrix x = v.matrix();
        assertEquals(2, x.rows());
        assertEquals(6, x.columns()); // apple, banana, apple banana, cherry, apple cherry, cherry cherry
        double idf = Math.log(1.5) + 1;
        double norm0 = Math.sqrt(1 + 2 * idf * idf);
        assertEquals(3, x.end(0) - x.start(0));
        assertEquals(1 / norm0, x.value(x.start(0)), 1e-6);
        assertEquals(idf / norm0, x.value(x.start(0) + 1), 1e-6);
        assertEquals(idf / norm0, x.value(x.start(0) + 2), 1e-6);
        double cherry = (1 + Math.log(2)) * idf;
        double norm1 = Math.sqrt(1 + cherry * cherry + 2 * idf * idf);
        assertEquals(1 / norm1, x.value(x.start(1)), 1e-6);
        assertEquals(cherry / norm1, x.value(x.start(1) + 1), 1e-6);
        assertEquals(1.0, x.squaredNorm(0), 1e-6);
        assertEquals(1.0, x.squaredNorm(1), 1e-6);
    }

    @Test
    void termsInMoreThanMaxDfOfRecordsAreDropped() {
        TfidfVocabulary v = new TfidfVocabulary(new Tokenizer(true, 1), true, 0.95);
        v.add("trial depression");
        v.add("trial anxiety");
        FeatureMatrix x = v.matrix();
        assertEquals(2, x.columns()); // "trial" is in every record
        assertEquals(1, x.end(0) - x.start(0));
    }

    @Test
    void addingAndRemovingGivesWhatBuildingAfreshGives() {
        String[] texts = {"exercise for depression in adults", "cognitive therapy for anxiety",
            "exercise therapy and anxiety in children", "a trial of yoga for depression"};
        TfidfVocabulary incremental = TfidfVocabulary.asreviewDefaults();
        incremental.add(texts[0]);
        incremental.add(texts[1]);
        incremental.matrix();
        incremental.add(texts[2]);
        int removed = incremental.add("something else entirely");
        incremental.add(texts[3]);
        incremental.remove(removed);
        FeatureMatrix a = incremental.matrix();

        TfidfVocabulary fresh = TfidfVocabulary.asreviewDefaults();
        for (String text : texts) {
            fresh.add(text);
        }
        FeatureMatrix b = fresh.matrix();
        int[] rowsA = {0, 1, 2, 4};
        assertEquals(b.columns(), a.columns(), "terms only the removed record had are gone");
        for (int i = 0; i < texts.length; i++) {
            int ra = rowsA[i];
            assertEquals(b.end(i) - b.start(i), a.end(ra) - a.start(ra), "row " + i);
            for (int k = 0; k < b.end(i) - b.start(i); k++) {
                assertEquals(b.value(b.start(i) + k), a.value(a.start(ra) + k), 1e-7, "row " + i);
            }
        }
        assertEquals(0, a.end(3) - a.start(3), "the removed record's row is empty");
    }
}
