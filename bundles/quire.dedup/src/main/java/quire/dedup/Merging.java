package quire.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import quire.api.dedup.DedupService;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * The merged reference of a group: the survivor's id, the best value of each field among the records, and every
 * record's provenance. "Best" prefers what a reviewer would: the title not in capitals and without markup, the full
 * author list with full given names, the journal's full name, the unabbreviated page range, the longest abstract;
 * on a tie the survivor's own value, so merging copies of one record changes nothing but the provenance.
 */
final class Merging {

    private Merging() {
    }

    /** The survivor (first) updated with the best of every record. */
    static Reference merge(List<Reference> group) {
        Reference survivor = group.get(0);
        Reference.Builder b = survivor.toBuilder();
        b.title(best(group, Reference::title, s -> !s.isEmpty(), Merging::titleQuality));
        Reference withAuthors = group.stream().filter(r -> !r.authors().isEmpty())
                .max(Comparator.comparingInt(Merging::authorQuality).thenComparing(r -> -group.indexOf(r)))
                .orElse(survivor);
        b.authors(withAuthors.authors()).authorsTruncated(withAuthors.authorsTruncated());
        group.stream().filter(r -> r.issued().isPresent())
                .max(Comparator.comparingInt((Reference r) -> r.issued().get().precision().ordinal()
                        - (r.issued().get().inferred() ? 10 : 0)).thenComparing(r -> -group.indexOf(r)))
                .flatMap(Reference::issued).ifPresent(b::issued);
        if (survivor.type() == ReferenceType.OTHER) {
            group.stream().map(Reference::type).filter(t -> t != ReferenceType.OTHER).findFirst().ifPresent(b::type);
        }
        optional(group, Reference::venue, v -> v.replace(".", "").length()).ifPresent(b::venue);
        optional(group, Reference::volume, v -> 0).ifPresent(b::volume);
        optional(group, Reference::issue, v -> 0).ifPresent(b::issue);
        optional(group, Reference::pages, Merging::pagesQuality).ifPresent(b::pages);
        optional(group, Reference::doi, v -> 0).ifPresent(b::doi);
        optional(group, Reference::arxivId, v -> 0).ifPresent(b::arxivId);
        optional(group, Reference::pmid, v -> 0).ifPresent(b::pmid);
        optional(group, Reference::url, v -> 0).ifPresent(b::url);
        optional(group, Reference::abstractText, v -> MatchText.decodeHtml(v).length()).ifPresent(b::abstractText);
        b.keywords(union(group, Reference::keywords));
        b.tags(union(group, Reference::tags));
        Map<String, String> fields = new LinkedHashMap<>(survivor.fields());
        for (Reference r : group) {
            r.fields().forEach((k, v) -> {
                if (!k.equals(DedupService.DUPLICATE_OF) && fields.putIfAbsent(k, v) == null) {
                    b.field(k, v);
                }
            });
        }
        // the journal abbreviation a full name replaced stays beside it
        Optional<String> chosenVenue = b.build().venue();
        if (chosenVenue.isPresent() && !fields.containsKey("venueAbbreviation")) {
            group.stream().flatMap(r -> r.venue().stream()).filter(v -> !v.equals(chosenVenue.get()))
                    .filter(v -> v.length() < chosenVenue.get().length()).findFirst()
                    .ifPresent(v -> b.field("venueAbbreviation", v));
        }
        Set<Provenance> provenance = new LinkedHashSet<>();
        group.forEach(r -> provenance.addAll(r.provenance()));
        b.provenance(new ArrayList<>(provenance));
        return b.build();
    }

    /** The best non-empty value; the earliest record's on a tie. */
    private static <T> T best(List<Reference> group, Function<Reference, T> value,
            java.util.function.Predicate<T> present, java.util.function.ToIntFunction<T> quality) {
        T best = value.apply(group.get(0));
        int bestQuality = present.test(best) ? quality.applyAsInt(best) : Integer.MIN_VALUE;
        for (Reference r : group.subList(1, group.size())) {
            T v = value.apply(r);
            if (present.test(v) && quality.applyAsInt(v) > bestQuality) {
                best = v;
                bestQuality = quality.applyAsInt(v);
            }
        }
        return best;
    }

    private static Optional<String> optional(List<Reference> group, Function<Reference, Optional<String>> value,
            java.util.function.ToIntFunction<String> quality) {
        Optional<String> best = Optional.empty();
        int bestQuality = Integer.MIN_VALUE;
        for (Reference r : group) {
            Optional<String> v = value.apply(r);
            if (v.isPresent() && quality.applyAsInt(v.get()) > bestQuality) {
                best = v;
                bestQuality = quality.applyAsInt(v.get());
            }
        }
        return best;
    }

    /** Mixed case over capitals, Unicode over markup and entities, diacritics kept, then the longer. */
    static int titleQuality(String title) {
        int quality = 0;
        boolean lower = title.chars().anyMatch(Character::isLowerCase);
        quality += lower ? 0 : -2000;
        if (!MatchText.decodeHtml(title).equals(title)) {
            quality -= 1000;
        }
        if (title.chars().anyMatch(c -> c > 0x7f && Character.isLetter(c))) {
            quality += 500;
        }
        return quality + Math.min(title.length(), 400);
    }

    /** All authors over "et al.", full given names over initials, diacritics over ASCII. */
    static int authorQuality(Reference r) {
        int quality = r.authorsTruncated() ? 0 : 100_000;
        quality += Math.min(r.authors().size(), 999) * 100;
        for (Person p : r.authors()) {
            String given = p.given().replace(".", " ").strip();
            if (given.split("\\s+")[0].length() > 1) {
                quality += 2;
            }
            if ((p.family() + p.given()).chars().anyMatch(c -> c > 0x7f && Character.isLetter(c))) {
                quality += 1;
            }
        }
        return quality;
    }

    /** A full range ("123-129") over an abbreviated one ("123-9") over a first page alone. */
    static int pagesQuality(String pages) {
        String first = MatchText.firstPage(pages);
        String last = MatchText.lastPage(pages);
        if (last.isEmpty()) {
            return 0;
        }
        String written = pages.substring(pages.length() - Math.min(pages.length(), last.length()));
        return written.toLowerCase(Locale.ROOT).equals(last) && last.length() >= first.length() ? 2 : 1;
    }

    private static List<String> union(List<Reference> group, Function<Reference, List<String>> values) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Reference r : group) {
            for (String v : values.apply(r)) {
                seen.putIfAbsent(v.strip().toLowerCase(Locale.ROOT), v);
            }
        }
        return new ArrayList<>(seen.values());
    }
}
