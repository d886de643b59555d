package quire.export.bibtex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * References made to break an exporter: every accent and symbol class, injection attempts in every field (each one
 * that would read the canary file, write a file or change a catcode if it ran), names that trip biber's initials,
 * huge fields, scripts LaTeX cannot set, and fields read from BibTeX. Each has what plain.bst requires of its type,
 * so that bibtex has nothing to warn about.
 */
public final class TortureReferences {

    /** What each injection attempt would do if it ran: read the canary, write pwned*, or change a catcode. */
    public static final List<String> ATTACKS = List.of(
            "\\input{canary}",
            "\\input canary",
            "\\include{canary}",
            "\\immediate\\write18{touch pwned}",
            "\\write18{touch pwned2}",
            "\\immediate\\openout\\q=pwned3.tex\\immediate\\write\\q{x}\\immediate\\closeout\\q",
            "\\catcode`\\X=0 Xinput canary",
            "\\catcode`\\^^M=13",
            "\\def\\x{\\input canary}\\x",
            "\\csname input\\endcsname{canary}",
            "^^5cinput{canary}",
            "\\^^69nput{canary}",
            "}}}\\input{canary}{{{",
            "$\\input{canary}$",
            "\\end{document}",
            "\\verb|x| \\url{\\input canary} \\href{x}{\\input canary}",
            "\\expandafter\\input\\string{canary}",
            "@preamble{\"\\input canary\"}",
            "\"} , title = {\\input canary");

    private static final Provenance FROM_BIBTEX = Provenance.of("in.bib", BibtexWriter.BIBTEX_FORMAT, 0, 1)
            .imported("", Instant.parse("2026-05-17T10:15:30Z"));

    private TortureReferences() {
    }

    /** The torture set. */
    public static List<Reference> all() {
        List<Reference> refs = new ArrayList<>();
        // every attack in every kind of field
        for (int i = 0; i < ATTACKS.size(); i++) {
            String attack = ATTACKS.get(i);
            refs.add(Reference.builder().type(ReferenceType.ARTICLE)
                    .title("Attack " + i + ": " + attack)
                    .author(Person.of(attack, attack)).author(Person.institution(attack))
                    .issued(IssuedDate.ofYear(2000 + i))
                    .venue("Journal " + attack).volume(attack).issue(attack).pages(attack)
                    .doi("10.1000/" + attack).url("https://example.org/" + attack)
                    .abstractText(attack).keyword(attack).keyword("k" + i)
                    .field("note", attack).field("editor", attack + " and Smith, Ann")
                    .field("publisher", attack).field("address", attack).field("file", attack)
                    .field("x-custom" + i, attack).field("execute", attack).field("crossref", attack)
                    .field("protectedWords", attack).field("urldate", attack)
                    .provenance(FROM_BIBTEX)
                    .build());
        }
        // names that begin with what biber cannot take an initial from, or that look like its extended format
        refs.add(Reference.builder().type(ReferenceType.ARTICLE).title("Names with hard beginnings")
                .author(Person.of("\\def\\x{y}", "\\catcode`\\^^M=13"))
                .author(Person.of("&Co", "%pct")).author(Person.of("#hash", "$dollar"))
                .author(Person.of("_under", "~tilde")).author(Person.of("^caret", "{brace}"))
                .author(Person.of("}close", "<less")).author(Person.of(">greater", "|bar"))
                .author(Person.of("βeta-Smith", "α. γ-δ")).author(Person.of("Müller-∞", "≤x"))
                .author(Person.of("family=X", "given=Y")).author(Person.of("a-\\b", "x-{y}"))
                .author(Person.of("Jones", "A-\\&"))
                .author(Person.institution("AT&T Bell Labs")).author(Person.institution("{Curly} & Co"))
                .issued(IssuedDate.ofYear(2021)).venue("Names").build());
        // accents, special letters, scripts and symbols
        refs.add(Reference.builder().type(ReferenceType.ARTICLE)
                .title("Ærøskøbing, Łódź, İstanbul, Đà Nẵng, Þórshöfn, Ğüneş, Ștefan, Žižek, Ñandú, ǖ, ḱ, x̃")
                .author(Person.of("Nguyễn", "Thị Hà")).author(Person.of("Guðmundsdóttir", "Björk"))
                .author(Person.of("Wałęsa", "Lech")).author(Person.of("Ðoković", "Đorđe"))
                .author(Person.of("Ångström", "Anders")).author(Person.of("Şahin", "Uğur"))
                .author(Person.of("Ørsted", "Hans Christian")).author(Person.of("García Márquez", "Gabriel"))
                .author(Person.of("王", "小明")).author(Person.of("Иванов", "Иван"))
                .author(Person.of("van der Waals", "Johannes Diderik")).author(Person.of("de la Vallée Poussin",
                        "Charles-Jean")).author(Person.of("King Jr.", "Martin Luther")).authorsTruncated(true)
                .issued(IssuedDate.ofMonth(2019, 2)).venue("Zeitschrift für Ökologie").volume("12").build());
        refs.add(Reference.builder().type(ReferenceType.CONFERENCE_PAPER)
                .title("Symbols: 37 °C ± 2, 3 × 3, ≤ ≥ ≠ ≈ ∞ ∑ ∂ √, α β γ Ω, € £ © ® ™ § ¶ µ ², “quotes” ‘single’ "
                        + "«guillemets» — – … ¡ ¿ † ‡ • → ⇒ ← ↔, ﬁ ﬂ Ｆｕｌｌ ①, 中文 한국어 العربية עברית 😀 👩‍👩‍👧")
                .author(Person.of("Symbol", "Sam")).issued(IssuedDate.ofDay(2024, 2, 29))
                .venue("Proceedings of Σ & Π").pages("1–2").build());
        refs.add(Reference.builder().type(ReferenceType.ARTICLE)
                .title("Capitals: LLMs, GPT-4, BERT-based NLP, iPhone, mRNA, COVID-19, NF-κB, Vitamin D, "
                        + "Bayesian inference in the EU and the U.S.A. (2nd ed.)")
                .author(Person.of("Case", "Cas")).issued(IssuedDate.ofYear(2023)).venue("Journal of Case").build());
        refs.add(Reference.builder().type(ReferenceType.ARTICLE)
                .title("Protected as read: {NASA} and the Bayesian Way of GPT-4")
                .author(Person.of("Kept", "Kay")).issued(IssuedDate.ofYear(2022)).venue("J")
                .field("protectedWords", "NASA,Bayesian,GPT-4,Way of").field("citationKey", "Kept:2022")
                .provenance(FROM_BIBTEX).build());
        refs.add(Reference.builder().type(ReferenceType.ARTICLE)
                .title("ASCII specials: 100% R&D $5 #3 file_name a~b a^b {x} \\ < > | \" ' ` @ = , ;")
                .author(Person.of("O'Brien", "Seán")).issued(IssuedDate.ofYear(2019))
                .venue("Economics & {Letters}").volume("12").issue("3").pages("e1234").build());
        // huge fields
        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 60_000; i++) {
            huge.append("Sentence ").append(i).append(" of a very long abstract with 50% & $ signs, ")
                    .append("“quotes”, Ünïcödé and \\input{canary}. ");
        }
        Reference.Builder many = Reference.builder().type(ReferenceType.ARTICLE)
                .title("A Very Long Title ".repeat(120).strip())
                .abstractText(huge.toString())
                .issued(IssuedDate.ofYear(2020)).venue("Journal of Long Things").volume("1").pages("1-999");
        for (int i = 0; i < 300; i++) {
            many.author(Person.of("Author" + (char) ('a' + i % 26) + i, "Given " + i));
        }
        many.keywords(java.util.Collections.nCopies(200, "keyword")).field("note", "x".repeat(20_000));
        refs.add(many.build());
        // every kind of work, with dates of every precision and years from before 1000 and BCE
        refs.add(Reference.builder().type(ReferenceType.BOOK).title("Commentarii de Bello Gallico")
                .author(Person.of("Caesar", "Gaius Julius")).issued(IssuedDate.ofYear(-50)).venue("Rome")
                .build());
        refs.add(Reference.builder().type(ReferenceType.BOOK).title("The Canon of Medicine")
                .author(Person.of("Ibn Sina", "")).issued(IssuedDate.ofYear(1025)).venue("Bukhara").build());
        refs.add(Reference.builder().type(ReferenceType.CHAPTER).title("A Chapter")
                .author(Person.of("Chapman", "Cy")).issued(IssuedDate.ofYear(999)).venue("The Book").pages("3-4")
                .field("publisher", "Old Press").build());
        refs.add(Reference.builder().type(ReferenceType.THESIS).title("A Master's Thesis")
                .author(Person.of("Student", "Stu")).issued(IssuedDate.ofYear(2015)).venue("ETH Zürich")
                .field("entryType", "mastersthesis").provenance(FROM_BIBTEX).build());
        refs.add(Reference.builder().type(ReferenceType.REPORT).title("A Manual").author(Person.institution("ACME"))
                .issued(IssuedDate.ofYear(2010)).venue("ACME Inc.").field("entryType", "manual")
                .provenance(FROM_BIBTEX).build());
        refs.add(Reference.builder().type(ReferenceType.PREPRINT).title("A Preprint on medRxiv")
                .author(Person.of("Pre", "Pat")).issued(IssuedDate.ofDay(2024, 1, 2)).venue("medRxiv")
                .doi("10.1101/2024.01.02.123456").url("https://www.medrxiv.org/content/10.1101/2024.01.02.123456")
                .provenance(FROM_BIBTEX).build());
        refs.add(Reference.builder().type(ReferenceType.NOTE).title("A Note on Notes")
                .author(Person.of("Noter", "Nan")).issued(IssuedDate.ofMonth(2025, 12)).venue("Newsletter")
                .url("https://example.org/notes?id=1&x=2#top").field("urldate", "2025-12-24").build());
        refs.add(Reference.builder().type(ReferenceType.OTHER).title("Other, from BibTeX, with odd fields")
                .author(Person.of("Odd", "Otto")).issued(IssuedDate.ofYear(2001)).venue("Somewhere")
                .field("month", "Spring").field("language", "english").field("isbn", "978-3-16-148410-0")
                .field("mendeley-tags", "x").field("groups", "y").field("Bad Name", "z").field("a}b", "z")
                .provenance(FROM_BIBTEX).build());
        refs.add(Reference.builder().type(ReferenceType.ARTICLE).title("In Press")
                .author(Person.of("Press", "Ina")).venue("Journal of Futures").field("year", "in press")
                .provenance(FROM_BIBTEX).build());
        return refs;
    }
}
