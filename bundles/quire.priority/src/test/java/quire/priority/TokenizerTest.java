package quire.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void wordsAreRunsOfTwoOrMoreWordCharactersLowerCasedWithoutStopWords() {
        Tokenizer tokenizer = new Tokenizer(true, 1);
        assertEquals(List.of("model", "based", "screening", "covid", "19", "trials", "x_y", "naïve"),
                tokenizer.words("The model-based screening of COVID-19 trials: a x_y (naïve) I"));
    }

    @Test
    void bigramsJoinNeighboursLeftAfterStopWordsAreDropped() {
        Tokenizer tokenizer = new Tokenizer(true, 2);
        assertEquals(List.of("effects", "exercise", "depression", "effects exercise", "exercise depression"),
                tokenizer.terms("Effects of exercise on depression"));
    }

    @Test
    void stopWordsCanBeKept() {
        assertEquals(List.of("effects", "of", "exercise", "effects of", "of exercise"),
                new Tokenizer(false, 2).terms("Effects of exercise"));
    }

    @Test
    void theStopWordListIsScikitLearns() {
        assertEquals(318, Tokenizer.ENGLISH_STOP_WORDS.size());
    }
}
