package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;

class KeyPatternTest {

    private static final Reference SIMHI = SampleReferences.simhi();
    private static final Reference GOEDEL = SampleReferences.goedel();

    private static String key(String pattern, Reference reference) {
        return KeyPattern.parse(pattern).keyFor(reference);
    }

    @Test
    void theDefaultIsAuthorYearAndFirstSignificantWord() {
        assertEquals("[auth][year][shorttitle]", KeyPattern.DEFAULT.toString());
        assertEquals("simhi2026old", KeyPattern.DEFAULT.keyFor(SIMHI));
        assertEquals("godel1931uber", KeyPattern.DEFAULT.keyFor(GOEDEL));
    }

    @Test
    void offersTwoAuthorsAndTwoTitleWords() {
        assertEquals("simhibarez2026", key("[authors2][year]", SIMHI));
        assertEquals("godel1931", key("[authors2][year]", GOEDEL));
        assertEquals("simhi-oldhabits", key("[auth]-[title2]", SIMHI));
    }

    @Test
    void keepsSafeLiteralTextInLowerCase() {
        assertEquals("simhi:2026_old", key("[auth]:[year]_[shorttitle]", SIMHI));
        assertEquals("refsimhi2026", key("Ref [auth] {[year]}", SIMHI));
        assertEquals("smith2020uber", key("[AUTH][Year][shortTitle]", Reference.builder()
                .author(Person.of("Smith", "J.")).issued(IssuedDate.ofYear(2020)).title("Über alles").build()));
    }

    @Test
    void namesAWorkWithoutAuthorByItsTitleOnce() {
        Reference noAuthor = Reference.builder().title("Old Habits Die Hard").issued(IssuedDate.ofYear(2026)).build();
        assertEquals("oldhabits2026", key("[auth][year][shorttitle]", noAuthor));
        assertEquals("oldhabits2026", key("[authors2][year][title2]", noAuthor));
        assertEquals("2026oldhabits", key("[year][title2]", noAuthor));
    }

    @Test
    void startsAKeyWithoutLettersWithRef() {
        assertEquals("ref1999", key("[year]", Reference.builder().issued(IssuedDate.ofYear(1999)).build()));
        assertEquals("ref", key("[auth][year]", Reference.builder().build()));
        assertEquals("ref-", key("[year]-", Reference.builder().build()));
    }

    @Test
    void refusesPatternsThatWouldGiveKeysNobodyAskedFor() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KeyPattern.parse("[auth][journal]"));
        assertTrue(unknown.getMessage().contains("unknown field [journal]"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("[auth"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("auth]"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse("static"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.parse(""));
    }

    @Test
    void theComponentsUseTheConfiguredPattern() {
        KeyPatternConfiguration configuration = (KeyPatternConfiguration) Proxy.newProxyInstance(
                KeyPatternConfiguration.class.getClassLoader(), new Class<?>[] {KeyPatternConfiguration.class},
                (proxy, method, args) -> method.getName().equals("keyPattern") ? "[auth]:[year]" : null);
        assertEquals("simhi:2026", new PatternKeyGenerator(configuration).keyFor(SIMHI));
        List<String> keys = CitationKeys.assign(List.of(SIMHI, GOEDEL), KeyPattern.parse("[auth]:[year]"));
        assertEquals(List.of("simhi:2026", "godel:1931"), keys);
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            new BiblatexExporter(configuration).write(List.of(SIMHI), quire.api.export.ExportOptions.NONE, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(out.toString().startsWith("@online{simhi:2026,\n"), out.toString());
    }
}
