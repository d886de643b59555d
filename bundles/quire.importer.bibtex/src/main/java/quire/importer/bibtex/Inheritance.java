package quire.importer.bibtex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import quire.api.importing.ImportProblem;

/**
 * Fields an entry takes from the entries it names in {@code xdata} and {@code crossref}, as biblatex does it: the
 * entry's own fields win, then those of its {@code xdata} entries, then those of its {@code crossref} parent. A
 * paper in proceedings takes the parent's {@code title} as its {@code booktitle} (and an article in a
 * {@code @periodical} as its {@code journaltitle}); the parent's identifiers, abstract, keywords and pages describe
 * the parent, not the paper, and are not inherited: a shared DOI would make every paper of a volume a duplicate.
 */
final class Inheritance {

    /** How deep crossrefs may chain (paper, volume, series) before we stop following them. */
    private static final int MAX_DEPTH = 8;

    /** Bookkeeping fields that are never inherited. */
    private static final Set<String> NEVER = Set.of("ids", "crossref", "xdata", "xref", "entryset",
            "entrysubtype", "execute", "label", "options", "presort", "related", "relatedoptions",
            "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey", "sortname", "sorttitle",
            "sortyear", "indextitle", "indexsorttitle", "shorttitle", "title", "subtitle", "titleaddon");

    /** Fields that describe the parent itself, not a part of it. */
    private static final Set<String> PARENTS_OWN = Set.of("doi", "url", "urldate", "eprint", "eprinttype",
            "eprintclass", "archiveprefix", "primaryclass", "pmid", "pmcid", "abstract", "keywords", "groups",
            "file", "pdf", "pages", "note", "annote", "timestamp", "owner", "isbn");

    /** Entry types that are part of a book-like parent whose title is their booktitle. */
    private static final Set<String> PARTS = Set.of("inproceedings", "conference", "incollection", "inbook",
            "inreference", "bookinbook", "suppbook", "suppcollection");

    private Inheritance() {
    }

    /**
     * The entry with what it inherits; itself when it names no parent.
     *
     * @param parents the entries that are crossref or xdata targets, by lower-case key
     */
    static RawEntry resolve(RawEntry entry, Map<String, RawEntry> parents, String fileName,
            Consumer<ImportProblem> problems) {
        return resolve(entry, parents, fileName, problems, new HashSet<>(), 0);
    }

    private static RawEntry resolve(RawEntry entry, Map<String, RawEntry> parents, String fileName,
            Consumer<ImportProblem> problems, Set<String> visiting, int level) {
        RawEntry.Field crossref = entry.field("crossref").orElse(null);
        RawEntry.Field xdata = entry.field("xdata").orElse(null);
        if (crossref == null && xdata == null) {
            return entry;
        }
        String self = entry.key().toLowerCase(Locale.ROOT);
        visiting.add(self);
        Map<String, RawEntry.Field> fields = new LinkedHashMap<>();
        entry.fields().forEach(f -> fields.put(f.name(), f));
        if (xdata != null) {
            for (String key : xdata.value().split(",")) {
                RawEntry parent = parent(key, xdata, parents, fileName, problems, visiting, level);
                if (parent != null) {
                    for (RawEntry.Field f : parent.fields()) {
                        if (!NEVER.contains(f.name()) || isTitle(f.name())) {
                            fields.putIfAbsent(f.name(), f);
                        }
                    }
                }
            }
        }
        if (crossref != null) {
            RawEntry parent = parent(crossref.value(), crossref, parents, fileName, problems, visiting, level);
            if (parent != null) {
                for (RawEntry.Field f : parent.fields()) {
                    String name = f.name();
                    if (isTitle(name)) {
                        String as = titleAs(name, entry.type(), parent.type());
                        if (as != null) {
                            fields.putIfAbsent(as, new RawEntry.Field(as, f.value(), f.line(), f.column()));
                        }
                    } else if (!NEVER.contains(name) && !PARENTS_OWN.contains(name)) {
                        fields.putIfAbsent(name, f);
                    }
                }
            }
        }
        visiting.remove(self);
        return entry.withFields(new ArrayList<>(fields.values()));
    }

    /** The parent named {@code key}, resolved itself; null (with a warning) when it is missing or a cycle. */
    private static RawEntry parent(String key, RawEntry.Field at, Map<String, RawEntry> parents, String fileName,
            Consumer<ImportProblem> problems, Set<String> visiting, int level) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return null;
        }
        RawEntry parent = parents.get(wanted);
        if (parent == null) {
            problems.accept(ImportProblem.warning(fileName, at.line(), at.column(), "the " + at.name() + " target "
                    + key.strip() + " is not in this file; the entry is kept without the fields it would inherit"));
            return null;
        }
        if (visiting.contains(wanted) || level >= MAX_DEPTH) {
            problems.accept(ImportProblem.warning(fileName, at.line(), at.column(), "the " + at.name() + " chain "
                    + "through " + key.strip() + " comes back to itself; it is followed only once"));
            return null;
        }
        return resolve(parent, parents, fileName, problems, visiting, level + 1);
    }

    private static boolean isTitle(String name) {
        return name.equals("title") || name.equals("subtitle") || name.equals("titleaddon");
    }

    /** What a parent's title field becomes in the child, or null when the child does not take it. */
    private static String titleAs(String name, String childType, String parentType) {
        if (PARTS.contains(childType)) {
            return "book" + name;
        }
        if (parentType.equals("periodical") && (childType.equals("article") || childType.equals("suppperiodical"))) {
            return "journal" + name;
        }
        return null;
    }
}
