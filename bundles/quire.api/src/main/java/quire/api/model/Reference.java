package quire.api.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One bibliographic reference: an immutable value. Optional fields are {@link Optional} (never null, never an
 * Optional of a blank string); lists and maps are unmodifiable and never null. Build one with {@link #builder()}
 * and change one with {@link #toBuilder()}.
 *
 * @param id               the workspace-wide identifier; empty until the reference is stored
 * @param type             what kind of work this is
 * @param title            the title as the source gives it, decoded to Unicode; may be empty, never null
 * @param authors          the authors in order
 * @param authorsTruncated true when the source cut the author list short ("et al.")
 * @param issued           when it was issued, to the precision known
 * @param venue            journal, proceedings, repository or newsletter name
 * @param volume           volume
 * @param issue            issue or number
 * @param pages            page range as written, e.g. {@code 123-129}
 * @param doi              DOI, lower case, without a resolver prefix, e.g. {@code 10.1000/xyz}
 *                         (normalised by {@link Identifiers#doi}; a value that is not a DOI is dropped)
 * @param arxivId          arXiv identifier without version, e.g. {@code 2401.01234} ({@link Identifiers#arxiv})
 * @param pmid             PubMed identifier, digits ({@link Identifiers#pmid})
 * @param url              a landing page
 * @param abstractText     the abstract
 * @param keywords         keywords from the source
 * @param tags             the user's own tags
 * @param fields           further fields by name, for what the model has no slot for (e.g. a listing's
 *                         {@code relevance} score); names are lower camel case
 * @param provenance       every record this reference was read from, first one first
 */
public record Reference(
        String id,
        ReferenceType type,
        String title,
        List<Person> authors,
        boolean authorsTruncated,
        Optional<IssuedDate> issued,
        Optional<String> venue,
        Optional<String> volume,
        Optional<String> issue,
        Optional<String> pages,
        Optional<String> doi,
        Optional<String> arxivId,
        Optional<String> pmid,
        Optional<String> url,
        Optional<String> abstractText,
        List<String> keywords,
        List<String> tags,
        Map<String, String> fields,
        List<Provenance> provenance) {

    public Reference {
        id = Objects.requireNonNull(id, "id").strip();
        Objects.requireNonNull(type, "type");
        title = Objects.requireNonNull(title, "title").strip();
        authors = List.copyOf(authors);
        Objects.requireNonNull(issued, "issued");
        venue = nonBlank(venue);
        volume = nonBlank(volume);
        issue = nonBlank(issue);
        pages = nonBlank(pages);
        // identifiers in their normal form, whoever built the reference; a value that is not one is dropped
        doi = nonBlank(doi).flatMap(Identifiers::doi);
        arxivId = nonBlank(arxivId).flatMap(Identifiers::arxiv);
        pmid = nonBlank(pmid).flatMap(Identifiers::pmid);
        url = nonBlank(url);
        abstractText = nonBlank(abstractText);
        keywords = List.copyOf(keywords);
        tags = List.copyOf(tags);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        provenance = List.copyOf(provenance);
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return Objects.requireNonNull(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The issued year, if known. */
    public Optional<Integer> year() {
        return issued.map(IssuedDate::year);
    }

    /** A further field by name. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A builder for a new reference: every list empty, every optional value absent, type other. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this reference's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.title = title;
        b.authors.addAll(authors);
        b.authorsTruncated = authorsTruncated;
        b.issued = issued.orElse(null);
        b.venue = venue.orElse(null);
        b.volume = volume.orElse(null);
        b.issue = issue.orElse(null);
        b.pages = pages.orElse(null);
        b.doi = doi.orElse(null);
        b.arxivId = arxivId.orElse(null);
        b.pmid = pmid.orElse(null);
        b.url = url.orElse(null);
        b.abstractText = abstractText.orElse(null);
        b.keywords.addAll(keywords);
        b.tags.addAll(tags);
        b.fields.putAll(fields);
        b.provenance.addAll(provenance);
        return b;
    }

    /** A mutable builder; unset optional values stay empty. Not thread-safe. */
    public static final class Builder {
        private String id = "";
        private ReferenceType type = ReferenceType.OTHER;
        private String title = "";
        private final List<Person> authors = new ArrayList<>();
        private boolean authorsTruncated;
        private IssuedDate issued;
        private String venue;
        private String volume;
        private String issue;
        private String pages;
        private String doi;
        private String arxivId;
        private String pmid;
        private String url;
        private String abstractText;
        private final List<String> keywords = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<Provenance> provenance = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String value) { id = value; return this; }
        public Builder type(ReferenceType value) { type = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder author(Person value) { authors.add(value); return this; }
        public Builder authors(Collection<Person> values) { authors.clear(); authors.addAll(values); return this; }
        public Builder authorsTruncated(boolean value) { authorsTruncated = value; return this; }
        public Builder issued(IssuedDate value) { issued = value; return this; }
        public Builder venue(String value) { venue = value; return this; }
        public Builder volume(String value) { volume = value; return this; }
        public Builder issue(String value) { issue = value; return this; }
        public Builder pages(String value) { pages = value; return this; }
        public Builder doi(String value) { doi = value; return this; }
        public Builder arxivId(String value) { arxivId = value; return this; }
        public Builder pmid(String value) { pmid = value; return this; }
        public Builder url(String value) { url = value; return this; }
        public Builder abstractText(String value) { abstractText = value; return this; }
        public Builder keyword(String value) { keywords.add(value); return this; }
        public Builder keywords(Collection<String> values) { keywords.clear(); keywords.addAll(values); return this; }
        public Builder tag(String value) { tags.add(value); return this; }
        public Builder tags(Collection<String> values) { tags.clear(); tags.addAll(values); return this; }
        public Builder field(String name, String value) { fields.put(name, value); return this; }
        public Builder provenance(Provenance value) { provenance.add(value); return this; }
        public Builder provenance(Collection<Provenance> values) { provenance.clear(); provenance.addAll(values); return this; }

        public Reference build() {
            return new Reference(id, type, title, authors, authorsTruncated, Optional.ofNullable(issued),
                    Optional.ofNullable(venue), Optional.ofNullable(volume), Optional.ofNullable(issue),
                    Optional.ofNullable(pages), Optional.ofNullable(doi), Optional.ofNullable(arxivId),
                    Optional.ofNullable(pmid), Optional.ofNullable(url), Optional.ofNullable(abstractText),
                    keywords, tags, fields, provenance);
        }
    }
}
