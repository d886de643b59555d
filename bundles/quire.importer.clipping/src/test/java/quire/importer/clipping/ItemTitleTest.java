package quire.importer.clipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemTitleTest {

    @Test
    void firstSentenceWithoutItsFullStop() {
        assertEquals("Many AI systems optimize user choices",
                ItemTitle.of("Many AI systems optimize user choices. For example, a recommender system.", false));
    }

    @Test
    void questionMarkIsKept() {
        assertEquals("Why does that happen?", ItemTitle.of("Why does that happen? This paper attempts it.", false));
    }

    @Test
    void abbreviationsDecimalsAndInitialsDoNotEndASentence() {
        assertEquals("Models with e.g. 2.7 billion parameters, as in Smith et al. (2022), by J. Doe grok",
                ItemTitle.of("Models with e.g. 2.7 billion parameters, as in Smith et al. (2022), by J. Doe grok. "
                        + "Next.", false));
    }

    @Test
    void aSentenceDoesNotEndInsideAQuotationUnlessTheQuotationEndsIt() {
        assertEquals("It cites “Man is to Computer Programmer as Woman is to Homemaker? Debiasing Word Embeddings” "
                + "(2016) here", ItemTitle.of("It cites “Man is to Computer Programmer as Woman is to Homemaker? "
                + "Debiasing Word Embeddings” (2016) here. Then more.", false));
        assertEquals("Grokking is where “models generalize long after overfitting.”",
                ItemTitle.of("Grokking is where “models generalize long after overfitting.” Models trained", false));
    }

    @Test
    void bulletWithTitleThenQuotation() {
        assertEquals("Data Distributional Properties Drive Emergent Few-Shot Learning in Transformers",
                ItemTitle.of("Data Distributional Properties Drive Emergent Few-Shot Learning in Transformers: “we "
                        + "find that few-shot learning emerges only from applying the right architecture”", true));
    }

    @Test
    void bulletThatIsOnlyAQuotation() {
        assertEquals("comprehensive comparison of these provably safe RL methods",
                ItemTitle.of("“comprehensive comparison of these provably safe RL methods”", true));
    }

    @Test
    void paragraphsDoNotTakeTheLabelBeforeAQuotation() {
        assertEquals("Takeaway: it says “this.”", ItemTitle.of("Takeaway: it says “this.” And so on.", false));
    }

    @Test
    void longTitleIsCutAtAColonOrDashWithoutEllipsis() {
        String text = "A".repeat(60) + " title of the work: " + "x ".repeat(100);
        assertEquals("A".repeat(60) + " title of the work", ItemTitle.of(text, false));
    }

    @Test
    void longTitleIsCutAtACommaWithAnEllipsisAndNoDanglingWord() {
        String text = "Word ".repeat(20) + "and the, " + "more words ".repeat(20);
        String title = ItemTitle.of(text, false);
        assertEquals(("Word ".repeat(20)).strip() + "…", title);
    }

    @Test
    void longTitleWithoutBoundariesIsCutAtAWord() {
        String text = "lorem ipsum ".repeat(30);
        String title = ItemTitle.of(text, false);
        assertTrue(title.length() <= ItemTitle.MAX_LENGTH, title);
        assertTrue(title.endsWith("ipsum…") || title.endsWith("lorem…"), title);
    }

    @Test
    void citedWorkNeedsAYear() {
        assertEquals(Optional.of("Attention Is All You Need (2017)"),
                ItemTitle.citedWork("as in “Attention Is All You Need” (2017), transformers"));
        assertEquals(Optional.empty(), ItemTitle.citedWork("models learn “inner optimizers,” and this"));
    }
}
