package quire.testing;

import java.util.ArrayList;
import java.util.List;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/** Deterministic sample references for view and table tests: varied authors, years, venues and types. */
public final class SampleReferences {

    private static final String[] FAMILIES = {"Simhi", "Barez", "Tutek", "Belinkov", "Nguyen", "van der Berg"};
    private static final String[] VENUES = {"arXiv", "Proceedings of ACL 2024", "Nature Machine Intelligence",
        "Transactions on Machine Learning Research"};
    private static final ReferenceType[] TYPES = {ReferenceType.PREPRINT, ReferenceType.CONFERENCE_PAPER,
        ReferenceType.ARTICLE, ReferenceType.ARTICLE};

    private SampleReferences() {
    }

    /**
     * Sample reference {@code i}: 1 to 4 authors (every tenth list truncated, every 25th by the WHO), a year from
     * 2000 except every 17th, a title that says its number.
     */
    public static Reference sample(int i) {
        Reference.Builder builder = Reference.builder()
                .id("ref-" + i)
                .type(TYPES[i % TYPES.length])
                .title("Study %03d: detecting hallucinations in large language models with certainty probes"
                        .formatted(i))
                .venue(VENUES[i % VENUES.length])
                .authorsTruncated(i % 10 == 0);
        if (i % 25 == 0) {
            builder.author(Person.institution("World Health Organization"));
        } else {
            for (int a = 0; a <= i % 4; a++) {
                builder.author(Person.of(FAMILIES[(i + a) % FAMILIES.length], "A."));
            }
        }
        if (i % 17 != 0) {
            builder.issued(IssuedDate.ofYear(2000 + i % 25));
        }
        return builder.build();
    }

    /** Sample references {@code from} to {@code from + count - 1}. */
    public static List<Reference> samples(int from, int count) {
        List<Reference> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(sample(i));
        }
        return list;
    }
}
