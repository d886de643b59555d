package quire.importer.pubmed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.importing.ImportProblem;
import quire.api.importing.ImportSink;
import quire.api.model.Identifiers;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * The fields of one MEDLINE record, collected line by line, and their mapping to a {@link Reference}. Only the
 * fields of one record are held, so memory does not grow with the file.
 */
final class MedlineRecord {

    private static final Pattern TYPED_ID = Pattern.compile("^(.*?)\\s*\\[([^\\]]+)\\]\\s*$");
    private static final Pattern ISSN = Pattern.compile("\\b(\\d{4}-\\d{3}[\\dXx])\\b");
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}{1,4}");
    private static final Set<String> SUFFIXES = Set.of("Jr", "Sr", "2nd", "3rd", "4th", "II", "III", "IV");
    private static final Pattern ET_AL = Pattern.compile("(?i)^(et\\.? al\\.?|and others)$");

    private final int firstLine;
    private final List<MedlineField> fields = new ArrayList<>();

    MedlineRecord(int firstLine) {
        this.firstLine = firstLine;
    }

    int firstLine() {
        return firstLine;
    }

    void add(MedlineField field) {
        fields.add(field);
    }

    /** Appends a continuation line to the last field. */
    void continueLast(String text) {
        int last = fields.size() - 1;
        fields.set(last, fields.get(last).continuedBy(text));
    }

    /** The tag of the last field read. */
    String lastTag() {
        return fields.getLast().tag();
    }

    /** Whether a field with this tag and a value has been read; a bare {@code PMID-} does not count. */
    boolean has(String tag) {
        return fields.stream().anyMatch(f -> f.tag().equals(tag) && !f.value().isEmpty());
    }

    /**
     * The reference this record describes, or empty after reporting an error to the sink when there is none. Lost
     * details (a date not understood, a missing title) are reported as warnings.
     */
    Optional<Reference> toReference(String sourceName, int position, ImportSink sink) {
        Mapping m = new Mapping();
        for (MedlineField f : fields) {
            if (!f.value().isEmpty()) {
                m.read(f);
            }
        }
        if (m.pmid != null && Identifiers.pmid(m.pmid.value()).isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, m.pmid.line(), "the PMID \"" + m.pmid.value()
                    + "\" is not a PubMed id (digits only); skipped the record starting on line " + firstLine));
            return Optional.empty();
        }
        List<Person> authors = m.anyFullAuthor ? m.fullAuthors : m.shortAuthors;
        if (m.pmid == null && m.title.isEmpty() && m.bookTitle == null && authors.isEmpty()
                && m.abstractText.isEmpty()) {
            sink.problem(ImportProblem.error(sourceName, firstLine,
                    "the record has no PMID, title (TI), authors or abstract (AB); skipped it"));
            return Optional.empty();
        }

        Reference.Builder b = Reference.builder()
                .provenance(Provenance.of(sourceName, MedlineParser.FORMAT, position, firstLine)
                        .fromDatabase(MedlineParser.DATABASE))
                .authors(authors)
                .authorsTruncated(m.truncated)
                .abstractText(m.abstractText.toString())
                .keywords(m.keywords);
        ReferenceType type = PublicationTypes.of(m.publicationTypes, m.venue != null);
        String title = m.title.toString();
        String venue = m.venue;
        if (m.bookTitle != null && !title.isEmpty()) {
            // TI is the chapter, BTI the book it is in
            type = ReferenceType.CHAPTER;
            venue = venue != null ? venue : m.bookTitle;
        } else if (m.bookTitle != null) {
            title = m.bookTitle;
            type = type == ReferenceType.ARTICLE || type == ReferenceType.OTHER ? ReferenceType.BOOK : type;
        }
        if (title.isEmpty()) {
            sink.problem(ImportProblem.warning(sourceName, firstLine,
                    "the record has no title (TI); kept it without one"));
        }
        b.type(type).title(title).venue(venue).volume(m.volume).issue(m.issue).pages(m.pages).doi(m.doi);
        if (m.pmid != null) {
            b.pmid(m.pmid.value());
        }
        if (m.date != null) {
            Optional<PubmedDate> date = PubmedDate.parse(m.date.value());
            date.ifPresent(d -> b.issued(d.date()));
            if (date.isEmpty() || !date.get().exact()) {
                // a range or season: the start is the issued date, the words stay for the reader
                b.field("dateText", m.date.value());
            }
            if (date.isEmpty()) {
                sink.problem(ImportProblem.warning(sourceName, m.date.line(), "the date (DP) \"" + m.date.value()
                        + "\" does not start with a year; kept the record without a date"));
            }
        }
        m.extraFields.forEach(b::field);
        return Optional.of(b.build());
    }

    /** What the fields say, gathered in file order. */
    private static final class Mapping {
        MedlineField pmid;
        MedlineField date;
        final StringBuilder title = new StringBuilder();
        final StringBuilder abstractText = new StringBuilder();
        String bookTitle;
        final List<Person> fullAuthors = new ArrayList<>();
        final List<Person> shortAuthors = new ArrayList<>();
        boolean anyFullAuthor;
        boolean truncated;
        String venue;
        String volume;
        String issue;
        String pages;
        String doi;
        final Set<String> keywords = new LinkedHashSet<>();
        final Set<String> publicationTypes = new LinkedHashSet<>();
        final Map<String, Set<String>> lists = new LinkedHashMap<>();
        final Map<String, String> extraFields = new LinkedHashMap<>();

        void read(MedlineField f) {
            String v = f.value();
            switch (f.tag()) {
                case "PMID" -> pmid = pmid == null ? f : pmid;
                case "TI" -> appendTitle(v);
                case "BTI" -> bookTitle = bookTitle == null ? v : bookTitle;
                case "AB" -> append(abstractText, v);
                case "FAU" -> {
                    anyFullAuthor = true;
                    author(v, true);
                }
                case "AU" -> author(v, false);
                case "CN" -> {
                    fullAuthors.add(Person.institution(v));
                    shortAuthors.add(Person.institution(v));
                }
                case "DP" -> date = date == null ? f : date;
                case "JT" -> venue = venue == null ? v : venue;
                case "TA" -> single("venueAbbreviation", v);
                case "VI" -> volume = volume == null ? v : volume;
                case "IP" -> issue = issue == null ? v : issue;
                case "PG" -> pages = pages == null ? v : pages;
                case "AID", "LID" -> articleId(v);
                case "MH" -> keywords.add(v.replace("*", "").strip());
                case "OT" -> keywords.add(v);
                case "PT" -> {
                    publicationTypes.add(v);
                    list("publicationTypes", v);
                }
                case "IS" -> {
                    Matcher issn = ISSN.matcher(v);
                    list("issn", issn.find() ? issn.group(1).toUpperCase(Locale.ROOT) : v);
                }
                case "LA" -> list("language", v);
                case "PMC" -> single("pmcid", v);
                case "AD" -> list("affiliations", v);
                case "FED", "ED" -> list("editors", v);
                case "CTI" -> single("collectionTitle", v);
                case "PB" -> single("publisher", v);
                case "ISBN" -> list("isbn", v.replaceFirst("(?i)^ISBN:?\\s*", ""));
                default -> {
                    // dates of indexing (DA, EDAT, ...), grants, investigators: not part of the citation
                }
            }
        }

        /** Repeated TI lines are parts of one title; JabRef joins them with a colon where no punctuation ends one. */
        private void appendTitle(String v) {
            if (!title.isEmpty()) {
                char last = title.charAt(title.length() - 1);
                title.append(".:?!".indexOf(last) >= 0 ? " " : ": ");
            }
            title.append(v);
        }

        private static void append(StringBuilder text, String v) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(v);
        }

        private void author(String v, boolean full) {
            if (ET_AL.matcher(v).matches()) {
                truncated = true;
                return;
            }
            (full ? fullAuthors : shortAuthors).add(full ? fullName(v) : shortName(v));
        }

        /** {@code FAU}: "Family, Given", "Smith, John R Jr" (the suffix belongs to the family name), or "Family". */
        private static Person fullName(String v) {
            int comma = v.indexOf(',');
            if (comma < 0) {
                return Person.of(v, "");
            }
            String family = v.substring(0, comma).strip();
            List<String> given = new ArrayList<>(List.of(v.substring(comma + 1).strip().split("\\s+")));
            if (given.size() > 1 && SUFFIXES.contains(given.getLast())) {
                family = family + " " + given.removeLast();
            }
            return Person.of(family, String.join(" ", given));
        }

        /** {@code AU}: "Family IN", "van der Berg AB", "Smith JR Jr", or just "Family". */
        private static Person shortName(String v) {
            List<String> words = new ArrayList<>(List.of(v.split("\\s+")));
            String suffix = "";
            if (words.size() > 2 && SUFFIXES.contains(words.getLast())
                    && INITIALS.matcher(words.get(words.size() - 2)).matches()) {
                suffix = " " + words.removeLast();
            }
            if (words.size() > 1 && INITIALS.matcher(words.getLast()).matches()) {
                String initials = words.removeLast();
                return Person.of(String.join(" ", words) + suffix, initials);
            }
            return Person.of(String.join(" ", words) + suffix, "");
        }

        /** {@code AID}/{@code LID}: "10.1000/xyz [doi]", "S0140-6736(20)30183-5 [pii]", or a bare "doi:...". */
        private void articleId(String v) {
            Matcher typed = TYPED_ID.matcher(v);
            if (!typed.matches()) {
                Optional<String> bare = Identifiers.doi(v);
                if (bare.isPresent() && doi == null) {
                    doi = bare.get();
                }
                return;
            }
            String id = typed.group(1).strip();
            String type = typed.group(2).strip().toLowerCase(Locale.ROOT);
            if (type.equals("doi")) {
                doi = doi == null ? id : doi;
            } else if (!id.isEmpty()) {
                list(type.equals("pmc") ? "pmcid" : fieldName(type), id);
            }
        }

        private void single(String name, String v) {
            extraFields.putIfAbsent(name, v);
        }

        private void list(String name, String v) {
            if (v.isEmpty()) {
                return;
            }
            Set<String> values = lists.computeIfAbsent(name, k -> new LinkedHashSet<>());
            if (values.add(v)) {
                extraFields.put(name, String.join("; ", values));
            }
        }

        /** An id type such as "pii" or "book accession" as a lower camel case field name. */
        private static String fieldName(String type) {
            String[] words = type.split("[^a-z0-9]+");
            StringBuilder name = new StringBuilder();
            for (String w : words) {
                if (w.isEmpty()) {
                    continue;
                }
                name.append(name.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
            }
            return name.isEmpty() ? "articleId" : name.toString();
        }
    }
}
