package quire.index;

import java.util.List;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** Ten references to search in: interpretability preprints, classics with accents and DOIs, a report. */
final class TestReferences {

    private TestReferences() {
    }

    static final Reference WANG_2022 = Reference.builder()
            .id("wang2022")
            .type(ReferenceType.PREPRINT)
            .title("Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small")
            .author(Person.of("Wang", "Kevin"))
            .author(Person.of("Variengien", "Alexandre"))
            .author(Person.of("Conmy", "Arthur"))
            .author(Person.of("Shlegeris", "Buck"))
            .author(Person.of("Steinhardt", "Jacob"))
            .issued(IssuedDate.ofYear(2022))
            .venue("arXiv")
            .arxivId("2211.00593")
            .keyword("circuits")
            .abstractText("Research in mechanistic work has sought to explain behaviors of machine learning models"
                    + " in terms of their internal components.")
            .provenance(Provenance.of("listing.txt", "listing", 0, 1))
            .build();

    static final Reference KAPLAN_2020 = Reference.builder()
            .id("kaplan2020")
            .type(ReferenceType.PREPRINT)
            .title("Scaling Laws for Neural Language Models")
            .author(Person.of("Kaplan", "Jared"))
            .author(Person.of("McCandlish", "Sam"))
            .author(Person.of("Henighan", "Tom"))
            .issued(IssuedDate.ofYear(2020))
            .arxivId("2001.08361")
            .abstractText("We study empirical scaling laws for language model performance on the cross-entropy"
                    + " loss. The loss scales as a power-law with model size, dataset size, and the amount of"
                    + " compute used for training. These relationships bear on the interpretability of training"
                    + " dynamics and determine the optimal allocation of a fixed compute budget.")
            .provenance(Provenance.of("listing.txt", "listing", 1, 9))
            .build();

    static final Reference CUNNINGHAM_2023 = Reference.builder()
            .id("cunningham2023")
            .type(ReferenceType.PREPRINT)
            .title("Sparse Autoencoders Find Highly Interpretable Features in Language Models")
            .author(Person.of("Cunningham", "Hoagy"))
            .author(Person.of("Ewart", "Aidan"))
            .author(Person.of("Riggs", "Logan"))
            .author(Person.of("Huben", "Robert"))
            .author(Person.of("Sharkey", "Lee"))
            .issued(IssuedDate.ofMonth(2023, 9))
            .arxivId("2309.08600")
            .tag("Include")
            .provenance(Provenance.of("listing.txt", "listing", 2, 17))
            .build();

    static final Reference MARKS_2023 = Reference.builder()
            .id("marks2023")
            .type(ReferenceType.PREPRINT)
            .title("Interpreting Reward Models in RLHF-Tuned Language Models Using Sparse Autoencoders")
            .author(Person.of("Marks", "Luke"))
            .author(Person.of("Abdullah", "Amirali"))
            .author(Person.of("Mendez", "Luna"))
            .author(Person.of("Arike", "Rauno"))
            .author(Person.of("Torr", "Philip"))
            .author(Person.of("Barez", "Fazl"))
            .issued(IssuedDate.ofYear(2023))
            .arxivId("2310.08164")
            .provenance(Provenance.of("listing.txt", "listing", 3, 25))
            .build();

    static final Reference GOEDEL_1931 = Reference.builder()
            .id("goedel1931")
            .type(ReferenceType.ARTICLE)
            .title("Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I")
            .author(Person.of("Gödel", "Kurt"))
            .issued(IssuedDate.ofYear(1931))
            .venue("Monatshefte für Mathematik und Physik")
            .volume("38")
            .pages("173-198")
            .doi("10.1007/BF01700692")
            .provenance(Provenance.of("classics.bib", "bibtex", 0, 1))
            .build();

    static final Reference TURING_1936 = Reference.builder()
            .id("turing1936")
            .type(ReferenceType.ARTICLE)
            .title("On Computable Numbers, with an Application to the Entscheidungsproblem")
            .author(Person.of("Turing", "Alan M."))
            .issued(IssuedDate.ofYear(1936))
            .venue("Proceedings of the London Mathematical Society")
            .doi("10.1112/plms/s2-42.1.230")
            .provenance(Provenance.of("classics.bib", "bibtex", 1, 12))
            .build();

    static final Reference LECUN_2015 = Reference.builder()
            .id("lecun2015")
            .type(ReferenceType.ARTICLE)
            .title("Deep learning")
            .author(Person.of("LeCun", "Yann"))
            .author(Person.of("Bengio", "Yoshua"))
            .author(Person.of("Hinton", "Geoffrey"))
            .issued(IssuedDate.ofDay(2015, 5, 27))
            .venue("Nature")
            .doi("10.1038/nature14539")
            .keyword("neural networks")
            .keyword("representation learning")
            .provenance(Provenance.of("classics.bib", "bibtex", 2, 24))
            .build();

    static final Reference VASWANI_2017 = Reference.builder()
            .id("vaswani2017")
            .type(ReferenceType.CONFERENCE_PAPER)
            .title("Attention Is All You Need")
            .author(Person.of("Vaswani", "Ashish"))
            .author(Person.of("Shazeer", "Noam"))
            .author(Person.of("Parmar", "Niki"))
            .issued(IssuedDate.ofYear(2017))
            .venue("Advances in Neural Information Processing Systems")
            .arxivId("1706.03762")
            .provenance(Provenance.of("classics.bib", "bibtex", 3, 36))
            .build();

    static final Reference WHO_2024 = Reference.builder()
            .id("who2024")
            .type(ReferenceType.REPORT)
            .title("Ethics and governance of artificial intelligence for health: guidance on large multi-modal"
                    + " models")
            .author(Person.institution("World Health Organization"))
            .issued(IssuedDate.ofYear(2024))
            .provenance(Provenance.of("listing.txt", "listing", 4, 33))
            .build();

    static final Reference ELHAGE_2022 = Reference.builder()
            .id("elhage2022")
            .type(ReferenceType.PREPRINT)
            .title("Toy Models of Superposition")
            .author(Person.of("Elhage", "Nelson"))
            .author(Person.of("Hume", "Tristan"))
            .author(Person.of("Olah", "Chris"))
            .issued(IssuedDate.ofYear(2022))
            .arxivId("2209.10652")
            .abstractText("Neural networks often pack many unrelated concepts into a single neuron.")
            .tag("include")
            .tag("superposition")
            .provenance(Provenance.of("listing.txt", "listing", 5, 41))
            .provenance(Provenance.of("classics.bib", "bibtex", 4, 48))
            .build();

    /** All ten, in the order they are stored. */
    static List<Reference> all() {
        return List.of(WANG_2022, KAPLAN_2020, CUNNINGHAM_2023, MARKS_2023, GOEDEL_1931, TURING_1936, LECUN_2015,
                VASWANI_2017, WHO_2024, ELHAGE_2022);
    }

    /** A reference that is not among them. */
    static Reference olah2020() {
        return Reference.builder()
                .id("olah2020")
                .type(ReferenceType.ARTICLE)
                .title("Zoom In: An Introduction to Circuits")
                .author(Person.of("Olah", "Chris"))
                .issued(IssuedDate.ofYear(2020))
                .venue("Distill")
                .doi("10.23915/distill.00024.001")
                .build();
    }
}
