package quire.export.bibtex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** References for the tests: the first record of the seed listing, and a varied set that bibtex must accept. */
public final class SampleReferences {

    private SampleReferences() {
    }

    /** The first record of seeds/002, as the listing importer reads it. */
    public static Reference simhi() {
        return Reference.builder()
                .type(ReferenceType.PREPRINT)
                .title("Old Habits Die Hard: How Conversational History Geometrically Traps LLMs")
                .author(Person.of("Simhi", "Adi")).author(Person.of("Barez", "Fazl"))
                .author(Person.of("Tutek", "Martin")).authorsTruncated(true)
                .issued(IssuedDate.ofDay(2026, 5, 17).asInferred())
                .venue("arXiv").arxivId("2605.01234")
                .abstractText("How does the conversational past of large language models (LLMs) influence their "
                        + "future performance? Code available at https://github.com/technion-cs-nlp/OldHabitsDieHard.")
                .field("arxivCategory", "cs.CL").field("relevance", "93.1").field("code", "true")
                .tag("to-read")
                .provenance(Provenance.of("002.txt", "listing", 0, 1))
                .build();
    }

    /** A journal article with everything filled in. */
    public static Reference goedel() {
        return Reference.builder()
                .type(ReferenceType.ARTICLE)
                .title("Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I")
                .author(Person.of("Gödel", "Kurt"))
                .issued(IssuedDate.ofMonth(1931, 12))
                .venue("Monatshefte für Mathematik und Physik").volume("38").issue("1").pages("173-198")
                .doi("10.1007/BF01700692").url("https://doi.org/10.1007/BF01700692")
                .keyword("logic").keyword("incompleteness").keyword("Principia Mathematica")
                .field("note", "Received 17 November 1930")
                .build();
    }

    /**
     * Twenty references of every type, with accents, specials, injection attempts and truncated author lists;
     * each has the fields plain.bst requires of its type, so that bibtex has nothing to warn about.
     */
    public static List<Reference> varied() {
        return List.of(
                simhi(),
                goedel(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Some Remarks on the Theory of Graphs")
                        .author(Person.of("Erdős", "Pál")).issued(IssuedDate.ofYear(1947))
                        .venue("Bulletin of the American Mathematical Society").volume("53").issue("4")
                        .pages("292–294").doi("10.1090/S0002-9904-1947-08785-1").build(),
                Reference.builder().type(ReferenceType.BOOK)
                        .title("Aristotle's Syllogistic from the Standpoint of Modern Formal Logic")
                        .author(Person.of("Łukasiewicz", "Jan")).issued(IssuedDate.ofYear(1951))
                        .venue("Clarendon Press").build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Recherches sur les spectres solaires")
                        .author(Person.of("Ångström", "Anders Jonas")).issued(IssuedDate.ofYear(1868))
                        .venue("Annales de chimie et de physique").build(),
                Reference.builder().type(ReferenceType.CONFERENCE_PAPER)
                        .title("A naïve approach to São Paulo's “urban” data — revisited")
                        .author(Person.of("Souza", "João")).author(Person.of("van der Berg", "Anna"))
                        .author(Person.of("Müller", "Jörg")).authorsTruncated(true)
                        .issued(IssuedDate.ofMonth(2022, 6))
                        .venue("Proceedings of the 5th Workshop on Data & Cities").pages("12--19").build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Injection test \\input{/etc/passwd} and \\write18{touch pwned}")
                        .author(Person.of("\\def\\x{y}", "\\catcode`\\^^M=13"))
                        .issued(IssuedDate.ofYear(2024))
                        .venue("Journal of \\immediate\\write18{touch pwned2} Security")
                        .abstractText("\\input{canary} ^^5cinput{canary} \\csname input\\endcsname{canary} "
                                + "}}}} unbalanced {{{ \\end{document}")
                        .build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Costs of 100% R&D: $5 for item #3 in file_name ~ a^b < c > d | e")
                        .author(Person.of("O'Brien", "Seán")).issued(IssuedDate.ofYear(2019))
                        .venue("Economics {Letters}").volume("12").issue("3").pages("e1234").build(),
                Reference.builder().type(ReferenceType.PREPRINT)
                        .title("Evaluating GPT-4 on MLCommons Benchmarks")
                        .author(Person.of("Lee", "Kim")).author(Person.of("Chen", "Wei")).authorsTruncated(true)
                        .issued(IssuedDate.ofMonth(2024, 3)).venue("arXiv").arxivId("2403.00001")
                        .field("arxivCategory", "cs.LG").build(),
                Reference.builder().type(ReferenceType.PREPRINT)
                        .title("Evaluating GPT-4 on Reasoning")
                        .author(Person.of("Lee", "Kim")).issued(IssuedDate.ofYear(2024))
                        .venue("arXiv").arxivId("2403.00002").build(),
                Reference.builder().type(ReferenceType.THESIS)
                        .title("Kernel Methods for β-Blocker Dosing at 37 °C")
                        .author(Person.of("Dvořák", "Antonín")).issued(IssuedDate.ofYear(2018))
                        .venue("Univerzita Karlova").build(),
                Reference.builder().type(ReferenceType.REPORT)
                        .title("Global Report on Infection Prevention and Control")
                        .author(Person.institution("World Health Organization")).issued(IssuedDate.ofYear(2022))
                        .venue("World Health Organization").url("https://www.who.int/publications/i/item/9789240051164")
                        .build(),
                Reference.builder().type(ReferenceType.WEBPAGE)
                        .title("Straße, Søren & François: a “style” guide…")
                        .author(Person.of("Straßer", "Bärbel")).issued(IssuedDate.ofDay(2021, 1, 5))
                        .venue("Blog der Ærøskøbing-Gesellschaft")
                        .url("https://example.org/über uns?q=a_b&x=%20#top").build(),
                Reference.builder().type(ReferenceType.DATASET)
                        .title("MIMIC-IV Clinical Database")
                        .author(Person.of("Johnson", "Alistair")).author(Person.of("Bulgarelli", "Lucas"))
                        .issued(IssuedDate.ofYear(2023)).venue("PhysioNet").doi("10.13026/6mm1-ek67").build(),
                Reference.builder().type(ReferenceType.SOFTWARE)
                        .title("scikit-learn: Machine Learning in Python") // no authors
                        .issued(IssuedDate.ofYear(2011)).venue("GitHub").build(),
                Reference.builder().type(ReferenceType.NEWSLETTER)
                        .title("Weekly digest: 中文 titles and emoji 😀 survive as placeholders")
                        .author(Person.of("Nguyễn", "Thị Hà")).issued(IssuedDate.ofMonth(2025, 11))
                        .venue("Alignment Newsletter").build(),
                Reference.builder().type(ReferenceType.OTHER)
                        .title("Minutes of the Meeting")
                        .author(Person.of("García Márquez", "")).issued(IssuedDate.ofYear(2001)).build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Understanding Addition in Transformers")
                        .author(Person.of("Barez", "Fazl")).issued(IssuedDate.ofYear(2023))
                        .venue("Transactions on Machine Learning Research").build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Understanding Addition in Transformers, Again")
                        .author(Person.of("Barez", "Fazl")).issued(IssuedDate.ofYear(2023))
                        .venue("Transactions on Machine Learning Research").build(),
                Reference.builder().type(ReferenceType.ARTICLE)
                        .title("Pinned keys are kept")
                        .author(Person.of("Pinned", "Paula")).issued(IssuedDate.ofYear(2020))
                        .venue("Journal of Keys").field("citationKey", "Pinned:2020").build());
    }

    /** References made of random hard text in every field (see {@link LatexEncoderTest#PIECES}), seeded. */
    public static List<Reference> random(long seed, int count) {
        Random random = new Random(seed);
        ReferenceType[] types = ReferenceType.values();
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reference.Builder b = Reference.builder()
                    .type(types[random.nextInt(types.length)])
                    .title(LatexEncoderTest.nasty(random, 10))
                    .authorsTruncated(random.nextBoolean());
            int authors = random.nextInt(4);
            for (int a = 0; a < authors; a++) {
                String family = LatexEncoderTest.nasty(random, 4);
                String given = LatexEncoderTest.nasty(random, 3);
                if (family.isBlank() && given.isBlank()) {
                    family = "X";
                }
                b.author(random.nextInt(5) == 0 ? new Person(family.isBlank() ? given : family, "", true)
                        : Person.of(family, given));
            }
            switch (random.nextInt(4)) {
                case 0 -> b.issued(IssuedDate.ofYear(1900 + random.nextInt(200)));
                case 1 -> b.issued(IssuedDate.ofMonth(1900 + random.nextInt(200), 1 + random.nextInt(12)));
                case 2 -> b.issued(IssuedDate.ofDay(2000, 1 + random.nextInt(12), 1 + random.nextInt(28)));
                default -> { }
            }
            b.venue(LatexEncoderTest.nasty(random, 4)).volume(LatexEncoderTest.nasty(random, 2))
                    .issue(LatexEncoderTest.nasty(random, 2)).pages(LatexEncoderTest.nasty(random, 3))
                    .doi(LatexEncoderTest.nasty(random, 3)).url(LatexEncoderTest.nasty(random, 4))
                    .arxivId(LatexEncoderTest.nasty(random, 2)).abstractText(LatexEncoderTest.nasty(random, 20))
                    .keyword(LatexEncoderTest.nasty(random, 2)).keyword(LatexEncoderTest.nasty(random, 2));
            if (random.nextBoolean()) {
                b.field("note", LatexEncoderTest.nasty(random, 4));
            }
            if (random.nextInt(4) == 0) {
                b.field("arxivCategory", LatexEncoderTest.nasty(random, 2));
            }
            if (random.nextInt(4) == 0) {
                b.field(CitationKeys.PINNED_FIELD, LatexEncoderTest.nasty(random, 3));
            }
            references.add(b.build());
        }
        return references;
    }
}
