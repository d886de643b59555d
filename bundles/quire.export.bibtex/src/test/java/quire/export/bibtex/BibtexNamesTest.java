package quire.export.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quire.api.model.Person;

class BibtexNamesTest {

    @Test
    void writesFamilyCommaGivenJoinedByAnd() {
        assertEquals("Simhi, Adi and Barez, Fazl and Tutek, Martin", BibtexNames.authors(
                List.of(Person.of("Simhi", "Adi"), Person.of("Barez", "Fazl"), Person.of("Tutek", "Martin")), false));
    }

    @Test
    void endsATruncatedListWithOthers() {
        assertEquals("Simhi, Adi and Barez, Fazl and others",
                BibtexNames.authors(List.of(Person.of("Simhi", "Adi"), Person.of("Barez", "Fazl")), true));
    }

    @Test
    void writesNothingForNoAuthorsEvenIfTruncated() {
        assertEquals("", BibtexNames.authors(List.of(), true));
        assertEquals("", BibtexNames.authors(List.of(), false));
    }

    @Test
    void keepsParticlesAndSuffixesInTheFamilyName() {
        assertEquals("van der Berg, Anna", BibtexNames.name(Person.of("van der Berg", "Anna")));
        assertEquals("de la Cruz, Juana In{\\'e}s", BibtexNames.name(Person.of("de la Cruz", "Juana Inés")));
        assertEquals("King Jr., Martin Luther", BibtexNames.name(Person.of("King Jr.", "Martin Luther")));
    }

    @Test
    void bracesInstitutionsWhole() {
        assertEquals("{World Health Organization}", BibtexNames.name(Person.institution("World Health Organization")));
        assertEquals("{Bill and Melinda Gates Foundation}",
                BibtexNames.name(Person.institution("Bill and Melinda Gates Foundation")));
        assertEquals("{M{\\\"u}nchener R{\\\"u}ck}", BibtexNames.name(Person.institution("Münchener Rück")));
        assertEquals("{World Health Organization} and Smith, J.", BibtexNames.authors(
                List.of(Person.institution("World Health Organization"), Person.of("Smith", "J.")), false));
    }

    @Test
    void encodesAccentsInNames() {
        assertEquals("G{\\\"o}del, Kurt", BibtexNames.name(Person.of("Gödel", "Kurt")));
        assertEquals("Erd{\\H{o}}s, P{\\'a}l", BibtexNames.name(Person.of("Erdős", "Pál")));
        assertEquals("{\\L}ukasiewicz, Jan", BibtexNames.name(Person.of("Łukasiewicz", "Jan")));
    }

    @Test
    void bracesPartsThatBibtexWouldSplit() {
        assertEquals("{Smith, Jr.}, John", BibtexNames.name(Person.of("Smith, Jr.", "John")));
        assertEquals("Brand, {Tom and Jerry}", BibtexNames.name(Person.of("Brand", "Tom and Jerry")));
        assertEquals("{Anderson AND Co}, X.", BibtexNames.name(Person.of("Anderson AND Co", "X.")));
        // "and" inside a word is harmless
        assertEquals("Anderson, Sandy", BibtexNames.name(Person.of("Anderson", "Sandy")));
    }

    @Test
    void keepsASingleNameWhole() {
        assertEquals("Plato", BibtexNames.name(Person.of("Plato", "")));
        assertEquals("{Garc{\\'\\i}a M{\\'a}rquez}", BibtexNames.name(Person.of("García Márquez", "")));
        assertEquals("{Adi Simhi}", BibtexNames.name(Person.of("", "Adi Simhi")));
    }

    @Test
    void escapesSpecialsInNamesSafely() {
        String name = BibtexNames.name(Person.of("\\input{/etc/passwd}", "{evil}"));
        assertEquals("{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright}, "
                + "{\\textbraceleft}evil{\\textbraceright}", name);
        LatexChecks.assertSafe("name", name);
    }

    @Test
    void writesNamesForBiblatexInUtf8WithInitialsBiberCanTake() {
        LatexEncoder.Encoding utf8 = LatexEncoder.Encoding.UTF8_PDFLATEX;
        assertEquals("Gödel, Kurt and {World Health Organization} and van der Berg, Anna and others",
                BibtexNames.authors(List.of(Person.of("Gödel", "Kurt"), Person.institution("World Health Organization"),
                        Person.of("van der Berg", "Anna")), true, utf8));
        assertEquals("\\textbackslash{}input\\textbraceleft{}x\\textbraceright{}, \\ensuremath\\alpha{}",
                BibtexNames.name(Person.of("\\input{x}", "α"), utf8));
        // one that would read as BibTeX's special character, or as one math group, is braced whole
        assertEquals("{\\textbraceleft{}}", BibtexNames.name(Person.of("{", ""), utf8));
        assertEquals("{{$\\alpha$}}", BibtexNames.name(Person.of("α", "")));
    }

    @Test
    void writesANameListKeptAsTextLikeTheAuthors() {
        assertEquals("Doe, Jane and {World Health Organization} and Plato and others",
                BibtexNames.nameList("Doe, Jane and {World Health Organization} and Plato and others",
                        LatexEncoder.Encoding.ASCII));
        assertEquals("M{\\\"u}ller, J{\\\"o}rg and {\\textbackslash}input, x",
                BibtexNames.nameList("Müller, Jörg AND \\input, x", LatexEncoder.Encoding.ASCII));
        assertEquals("", BibtexNames.nameList(" and ", LatexEncoder.Encoding.ASCII));
    }
}
