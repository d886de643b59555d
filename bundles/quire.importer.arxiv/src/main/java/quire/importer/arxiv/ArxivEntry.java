package quire.importer.arxiv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.model.Identifiers;
import quire.api.model.IssuedDate;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * What one {@code <entry>} of an arXiv API feed says, gathered while it is read, and the {@link Reference} it
 * makes. Mutable while the feed parser fills it; {@link #toReference} reads it once.
 */
final class ArxivEntry {

    /** The venue and database of every e-print. */
    static final String ARXIV = "arXiv";

    /** The abstract page of an e-print, with its version: new ids (2401.01234v2) and old (hep-th/9901001v1). */
    private static final Pattern ABS = Pattern.compile(
            "https?://(?:www\\.|export\\.)?arxiv\\.org/abs/(.+?)(?:v(\\d+))?", Pattern.CASE_INSENSITIVE);
    /** The id of the entry the API sends instead of results when a query is wrong. */
    private static final Pattern API_ERROR = Pattern.compile("https?://(?:export\\.)?arxiv\\.org/api/errors.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");

    String id = "";
    String title = "";
    String summary = "";
    String published = "";
    String updated = "";
    final List<Author> authors = new ArrayList<>();
    String primaryCategory = "";
    final Set<String> categories = new LinkedHashSet<>();
    String doi = "";
    String doiLink = "";
    String journalRef = "";
    String comment = "";
    String alternate = "";
    String pdf = "";

    /** An author's name and affiliations, as given. */
    record Author(String name, List<String> affiliations) {
        Author {
            affiliations = List.copyOf(affiliations);
        }
    }

    /**
     * What the entry makes.
     *
     * @param reference the reference, unless the entry was skipped
     * @param error     why it was skipped
     * @param warnings  what was dropped from a kept entry
     */
    record Outcome(Optional<Reference> reference, Optional<String> error, List<String> warnings) {
        Outcome {
            warnings = List.copyOf(warnings);
        }

        static Outcome skipped(String reason) {
            return new Outcome(Optional.empty(), Optional.of(reason), List.of());
        }
    }

    /** The reference for this entry, with {@code provenance} from database "arXiv". */
    Outcome toReference(Provenance provenance) {
        String entryId = id.strip();
        if (API_ERROR.matcher(entryId).matches()) {
            String message = collapse(summary);
            return Outcome.skipped("the arXiv API answered with an error instead of results: "
                    + (message.isEmpty() ? entryId : message) + "; correct the query and download the feed again");
        }
        if (entryId.isEmpty()) {
            return Outcome.skipped("the entry has no <id>, so no arXiv id; skipped it");
        }
        List<String> warnings = new ArrayList<>();
        Reference.Builder builder = Reference.builder().provenance(provenance.fromDatabase(ARXIV));

        Matcher abs = ABS.matcher(entryId);
        Optional<String> arxivId = Optional.empty();
        if (abs.matches()) {
            arxivId = Identifiers.arxiv(abs.group(1));
            if (arxivId.isPresent() && abs.group(2) != null) {
                builder.field("arxivVersion", abs.group(2));
            }
        }
        String cleanTitle = collapse(title);
        if (arxivId.isEmpty()) {
            if (cleanTitle.isEmpty()) {
                return Outcome.skipped("the entry's <id> \"" + entryId + "\" is not an arXiv abstract address and it "
                        + "has no title; skipped it");
            }
            warnings.add("the <id> \"" + entryId + "\" is not an arXiv abstract address; kept the entry without an "
                    + "arXiv id");
        }
        arxivId.ifPresent(builder::arxivId);
        if (cleanTitle.isEmpty()) {
            warnings.add("the entry has no title; kept it for its arXiv id");
        }
        builder.title(cleanTitle).abstractText(collapse(summary));

        List<String> affiliations = new ArrayList<>();
        for (Author author : authors) {
            String name = collapse(author.name());
            if (name.isEmpty()) {
                warnings.add("an <author> has no name; dropped it");
            } else if (AuthorName.isEtAl(name)) {
                builder.authorsTruncated(true);
            } else {
                builder.author(AuthorName.toPerson(name));
                author.affiliations().stream().map(ArxivEntry::collapse).filter(a -> !a.isEmpty())
                        .forEach(a -> affiliations.add(name + ": " + a));
            }
        }
        if (!affiliations.isEmpty()) {
            builder.field("affiliations", String.join("; ", affiliations));
        }

        String day = published.strip();
        if (!day.isEmpty()) {
            day(day).ifPresentOrElse(builder::issued, () -> warnings.add("the <published> date \"" + day
                    + "\" is not a date; kept the entry without one"));
        }
        field(builder, "updated", updated);
        field(builder, "arxivCategory", primaryCategory);
        categories.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(builder::keyword);

        String doiText = !doi.isBlank() ? doi : doiLink;
        Optional<String> normalDoi = doiText.isBlank() ? Optional.empty()
                : Identifiers.doi(doiText.strip());
        if (!doiText.isBlank() && normalDoi.isEmpty()) {
            warnings.add("the DOI \"" + doiText.strip() + "\" is not a DOI; dropped it");
        }
        normalDoi.ifPresent(builder::doi);
        String ref = collapse(journalRef);
        field(builder, "journalRef", ref);
        // The journal reference names where the e-print was published, with volume and pages as the authors wrote
        // them: kept whole as the venue rather than cut at a guess.
        builder.venue(ref.isEmpty() ? ARXIV : ref);
        builder.type(!ref.isEmpty() && normalDoi.isPresent() ? ReferenceType.ARTICLE : ReferenceType.PREPRINT);
        field(builder, "note", collapse(comment));
        builder.url(!alternate.isBlank() ? alternate.strip() : entryId);
        field(builder, "pdf", pdf);
        return new Outcome(Optional.of(builder.build()), Optional.empty(), warnings);
    }

    /** The date of an ISO date-time such as {@code 2024-01-03T18:59:59Z}; the API gives the day in UTC. */
    private static Optional<IssuedDate> day(String dateTime) {
        Matcher m = DAY.matcher(dateTime);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return Optional.of(IssuedDate.ofDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void field(Reference.Builder builder, String name, String value) {
        String text = value.strip();
        if (!text.isEmpty()) {
            builder.field(name, text);
        }
    }

    /** The text with the API's line breaks and indentation reduced to single spaces. */
    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
