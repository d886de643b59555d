package quire.importer.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbaseCitationTest {

    @Test
    void fullCitation() {
        EmbaseCitation c = EmbaseCitation.parse("Cancer (2004) 102:4 (253-258). Date of Publication: 25 Aug 2004")
                .orElseThrow();
        assertEquals(new EmbaseCitation("Cancer", 2004, Optional.of("102"), Optional.of("4"), Optional.of("253-258"),
                Optional.of("25 Aug 2004")), c);
    }

    @Test
    void withoutIssueOrPagesAndWithParenthesesInTheName() {
        assertEquals(new EmbaseCitation("International Journal of Surgery Case Reports", 2019, Optional.of("54"),
                Optional.empty(), Optional.of("83-86"), Optional.of("1 Jan 2019")),
                EmbaseCitation.parse("International Journal of Surgery Case Reports (2019) 54 (83-86). Date of "
                        + "Publication: 1 Jan 2019").orElseThrow());
        assertEquals(new EmbaseCitation("Journal (Basel)", 2020, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("Mar 2020")),
                EmbaseCitation.parse("Journal (Basel) (2020). Date of Publication: Mar 2020").orElseThrow());
    }

    @Test
    void notACitation() {
        assertEquals(Optional.empty(), EmbaseCitation.parse("Scopus"));
    }
}
