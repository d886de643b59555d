package quire.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import quire.api.importing.Importer;
import quire.api.model.IssuedDate;
import quire.api.model.Person;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.model.ReferenceType;

/**
 * A labelled deduplication set made from real records: the shared fixtures, the SYNERGY screening sets of
 * {@code ../shared/benchmarks/screening} and the TUGboat bibliography (texlive-bibtex-extra), each read by the real
 * importer. Every real record is one true group; seeded copies are made of many of them the way other databases
 * export the same paper (case, punctuation, HTML entities, diacritics, Greek letters, journal abbreviations,
 * initials, abbreviated page ranges, online-first year, DOI or abstract missing, a typo, a dropped subtitle), and
 * hard negatives are added, each its own group: errata and corrigenda, "Part 2", other papers with the same title
 * in another year by other authors, conference versions with their own DOI.
 *
 * @param references every record, with an id
 * @param truth      the true group of each record id
 * @param hardNegatives the ids of the hard negatives, by kind
 */
record LabelledSet(List<Reference> references, Map<String, Integer> truth, Map<String, List<String>> hardNegatives) {

    static final long SEED = 20261123L;

    /** {@code ../shared} beside the clone, found from wherever the tests or benchmarks run. */
    static Path shared() {
        return quire.testing.SharedData.dir();
    }

    static Path tugboat() {
        Path path = Path.of(System.getProperty("quire.tugboat",
                "/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no " + path + ": install texlive-bibtex-extra (or set -Dquire.tugboat)");
        }
        return path;
    }

    /** The real records, one per paper: records sharing a DOI or PMID, or identical ones, kept once. */
    static List<Reference> realRecords() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(shared().resolve("fixtures"))) {
            listing.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().forEach(files::add);
        }
        try (Stream<Path> listing = Files.list(shared().resolve("benchmarks").resolve("screening"))) {
            listing.filter(f -> f.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        files.add(tugboat());
        List<Reference> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            // the TUGboat file opens with more than 8 KB of comments, past what detection reads
            Optional<Importer> importer = file.toString().endsWith(".bib") ? InstalledImporters.format("bibtex")
                    : InstalledImporters.recognising(file);
            if (importer.isEmpty()) {
                throw new IllegalStateException("no importer recognises " + file);
            }
            for (Reference r : InstalledImporters.read(importer.get(), file)) {
                if (r.title().isBlank()) {
                    continue;
                }
                // the screening sets share papers, some with a DOI in one set and without in another
                List<String> keys = new ArrayList<>();
                r.doi().ifPresent(d -> keys.add("doi " + d));
                r.pmid().ifPresent(p -> keys.add("pmid " + p));
                keys.add("same " + MatchText.compact(MatchText.fold(r.title())) + "|" + r.volume().orElse("") + "|"
                        + r.pages().map(MatchText::firstPage).orElse(""));
                if (keys.stream().noneMatch(seen::contains)) {
                    seen.addAll(keys);
                    records.add(r);
                }
            }
        }
        return records;
    }

    static LabelledSet build() throws IOException {
        return build(realRecords(), new Random(SEED));
    }

    static LabelledSet build(List<Reference> real, Random random) {
        List<Reference> out = new ArrayList<>();
        Map<String, Integer> truth = new LinkedHashMap<>();
        Map<String, List<String>> negatives = new LinkedHashMap<>();
        List<Person> authorPool = real.stream().flatMap(r -> r.authors().stream()).filter(p -> !p.institution())
                .limit(5000).toList();
        int group = 0;
        for (Reference base : real) {
            group++;
            add(out, truth, base, group, "real");
            double roll = random.nextDouble();
            int copies = roll < 0.45 ? 1 : roll < 0.6 ? 2 : roll < 0.65 ? 3 : 0;
            for (int c = 0; c < copies; c++) {
                add(out, truth, Variants.copy(base, random), group, "copy");
            }
            double hard = random.nextDouble();
            Reference negative = null;
            String kind = null;
            if (hard < 0.03) {
                kind = "erratum";
                negative = Variants.erratum(base, random);
            } else if (hard < 0.06) {
                kind = "part 2";
                negative = Variants.part2(base, random);
            } else if (hard < 0.09) {
                kind = "same title, other paper";
                negative = Variants.sameTitleOtherPaper(base, random, authorPool, real);
            } else if (hard < 0.12 && base.doi().isPresent()) {
                kind = "conference version";
                negative = Variants.conferenceVersion(base, random);
            }
            if (negative != null) {
                group++;
                String id = add(out, truth, negative, group, "negative");
                negatives.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
        }
        // databases list records in their own order
        java.util.Collections.shuffle(out, random);
        return new LabelledSet(out, truth, negatives);
    }

    private static String add(List<Reference> out, Map<String, Integer> truth, Reference r, int group, String what) {
        String id = "b" + (out.size() + 1);
        out.add(r.toBuilder().id(id).build());
        truth.put(id, group);
        return id;
    }

    /** How many true groups, and how many records are duplicates to remove. */
    int groups() {
        return (int) truth.values().stream().distinct().count();
    }

    int duplicates() {
        return references.size() - groups();
    }

    /**
     * Record-level figures as ASySD reports them: a record removed as a duplicate of a record of its own group is a
     * true positive; each further true group a predicted group swallows is a false positive (a unique study lost).
     */
    Figures score(List<List<String>> predicted) {
        int tp = 0;
        int fp = 0;
        int pairTp = 0;
        int pairs = 0;
        int acrossDois = 0;
        Map<String, Reference> byId = new HashMap<>();
        references.forEach(r -> byId.put(r.id(), r));
        Set<String> hard = new HashSet<>();
        hardNegatives.values().forEach(hard::addAll);
        int hardMerged = 0;
        for (List<String> group : predicted) {
            Set<Integer> trueGroups = new HashSet<>();
            group.forEach(id -> trueGroups.add(truth.get(id)));
            tp += group.size() - trueGroups.size();
            fp += trueGroups.size() - 1;
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs++;
                    if (truth.get(group.get(i)).equals(truth.get(group.get(j)))) {
                        pairTp++;
                    }
                    Optional<String> a = byId.get(group.get(i)).doi();
                    Optional<String> b = byId.get(group.get(j)).doi();
                    if (a.isPresent() && b.isPresent() && !a.equals(b)) {
                        acrossDois++;
                    }
                }
            }
            for (String id : group) {
                if (hard.contains(id)) {
                    hardMerged++;
                }
            }
        }
        int groups = groups();
        return new Figures(references.size(), groups, duplicates(), tp, fp, pairs, pairTp, acrossDois,
                hard.size(), hardMerged);
    }

    /** The measured figures. */
    record Figures(int records, int groups, int duplicates, int truePositives, int falsePositives, int mergedPairs,
            int correctPairs, int mergesAcrossDois, int hardNegatives, int hardNegativesMerged) {

        double sensitivity() {
            return (double) truePositives / duplicates;
        }

        double specificity() {
            return 1 - (double) falsePositives / groups;
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double pairPrecision() {
            return mergedPairs == 0 ? 1 : (double) correctPairs / mergedPairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "records %,d in %,d true groups (%,d duplicates, %,d hard negatives): "
                    + "sensitivity %.4f, specificity %.4f, precision %.4f (pairwise %.4f), false merges %d, "
                    + "hard negatives merged %d, automatic merges across different DOIs %d", records, groups,
                    duplicates, hardNegatives, sensitivity(), specificity(), precision(), pairPrecision(),
                    falsePositives, hardNegativesMerged, mergesAcrossDois);
        }
    }

    /** The copies real exports make, and the hard negatives. */
    static final class Variants {

        private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
                Map.entry("journal", "J"), Map.entry("international", "Int"), Map.entry("american", "Am"),
                Map.entry("medical", "Med"), Map.entry("medicine", "Med"), Map.entry("research", "Res"),
                Map.entry("proceedings", "Proc"), Map.entry("society", "Soc"), Map.entry("review", "Rev"),
                Map.entry("reviews", "Rev"), Map.entry("science", "Sci"), Map.entry("sciences", "Sci"),
                Map.entry("national", "Natl"), Map.entry("academy", "Acad"), Map.entry("clinical", "Clin"),
                Map.entry("psychology", "Psychol"), Map.entry("british", "Br"), Map.entry("european", "Eur"),
                Map.entry("annals", "Ann"), Map.entry("quarterly", "Q"), Map.entry("communications", "Commun"),
                Map.entry("transactions", "Trans"), Map.entry("computer", "Comput"), Map.entry("computing", "Comput"),
                Map.entry("association", "Assoc"), Map.entry("physics", "Phys"), Map.entry("chemistry", "Chem"),
                Map.entry("biology", "Biol"), Map.entry("mathematics", "Math"), Map.entry("letters", "Lett"),
                Map.entry("engineering", "Eng"), Map.entry("technology", "Technol"), Map.entry("bulletin", "Bull"),
                Map.entry("archives", "Arch"), Map.entry("applied", "Appl"), Map.entry("surgery", "Surg"),
                Map.entry("education", "Educ"), Map.entry("systems", "Syst"), Map.entry("information", "Inf"),
                Map.entry("processing", "Process"), Map.entry("obstetrics", "Obstet"),
                Map.entry("gynecology", "Gynecol"), Map.entry("psychiatry", "Psychiatry"),
                Map.entry("pharmacology", "Pharmacol"), Map.entry("therapeutics", "Ther"),
                Map.entry("endocrinology", "Endocrinol"), Map.entry("metabolism", "Metab"),
                Map.entry("users", "Users"), Map.entry("group", "Group"), Map.entry("software", "Softw"),
                Map.entry("practice", "Pract"), Map.entry("experience", "Exp"), Map.entry("mathematical", "Math"));

        private static final String[] DATABASES = {"Scopus", "PubMed", "Web of Science", "Embase", "PsycINFO",
                "CINAHL"};

        private Variants() {
        }

        /** One more export of the same paper from another database. */
        static Reference copy(Reference base, Random random) {
            Reference.Builder b = base.toBuilder().id("");
            String title = base.title();
            if (random.nextDouble() < 0.3) {
                title = switch (random.nextInt(3)) {
                    case 0 -> title.toUpperCase(Locale.ROOT);
                    case 1 -> titleCase(title);
                    default -> title.toLowerCase(Locale.ROOT);
                };
            }
            if (random.nextDouble() < 0.3) {
                title = punctuation(title, random);
            }
            if (random.nextDouble() < 0.15) {
                title = htmlEntities(title, random);
            }
            if (random.nextDouble() < 0.2) {
                title = stripDiacritics(title);
            }
            if (random.nextDouble() < 0.3) {
                title = greek(title);
            }
            if (random.nextDouble() < 0.06) {
                title = typo(title, random);
            }
            if (random.nextDouble() < 0.04 && title.indexOf(':') >= 30) {
                title = title.substring(0, title.indexOf(':'));
            }
            b.title(title);
            if (!base.authors().isEmpty()) {
                List<Person> authors = new ArrayList<>();
                boolean initials = random.nextDouble() < 0.5;
                boolean ascii = random.nextDouble() < 0.2;
                boolean upper = random.nextDouble() < 0.05;
                for (Person p : base.authors()) {
                    String family = p.family();
                    String given = p.given();
                    if (!p.institution()) {
                        if (initials) {
                            given = initials(given, random.nextBoolean());
                        }
                        if (ascii) {
                            family = stripDiacritics(family);
                            given = stripDiacritics(given);
                        }
                        if (upper) {
                            family = family.toUpperCase(Locale.ROOT);
                        }
                    }
                    authors.add(new Person(family, given, p.institution()));
                }
                if (authors.size() > 3 && random.nextDouble() < 0.2) {
                    authors = authors.subList(0, 3);
                    b.authorsTruncated(true);
                }
                b.authors(authors);
            }
            if (base.venue().isPresent() && random.nextDouble() < 0.5) {
                b.venue(abbreviate(base.venue().get(), random.nextBoolean()));
            }
            if (base.pages().isPresent() && random.nextDouble() < 0.4) {
                b.pages(abbreviatePages(base.pages().get(), random));
            }
            if (base.year().isPresent() && random.nextDouble() < 0.12) {
                // online first: the issue appears the next year, or the copy carries the e-pub year
                b.issued(IssuedDate.ofYear(base.year().get() + (random.nextBoolean() ? 1 : -1)));
            }
            if (base.doi().isPresent() && random.nextDouble() < 0.3) {
                b.doi(null);
            }
            if (base.pmid().isPresent() && random.nextDouble() < 0.5) {
                b.pmid(null);
            }
            if (base.abstractText().isPresent()) {
                double a = random.nextDouble();
                if (a < 0.25) {
                    b.abstractText(null);
                } else if (a < 0.4) {
                    b.abstractText(base.abstractText().get() + " \u00a9 " + base.year().orElse(2020)
                            + " Elsevier Inc. All rights reserved.");
                }
            }
            if (random.nextDouble() < 0.3) {
                b.keywords(List.of());
            }
            String database = DATABASES[random.nextInt(DATABASES.length)];
            b.provenance(List.of(Provenance.of(database.toLowerCase(Locale.ROOT).replace(' ', '-') + ".ris", "ris",
                    random.nextInt(10_000), 0).fromDatabase(database)));
            return b.build();
        }

        /** An erratum or corrigendum of the paper: its own DOI, a year or two later, no abstract. */
        static Reference erratum(Reference base, Random random) {
            String[] forms = {"Erratum: ", "Correction to: ", "Corrigendum to \"", "Erratum to: "};
            String form = forms[random.nextInt(forms.length)];
            String title = form + base.title() + (form.endsWith("\"") ? "\"" : "");
            return notice(base, random, title);
        }

        private static Reference notice(Reference base, Random random, String title) {
            Reference.Builder b = base.toBuilder().id("").title(title).abstractText(null).keywords(List.of())
                    ;
            base.year().ifPresent(y -> b.issued(IssuedDate.ofYear(y + 1 + random.nextInt(2))));
            base.doi().ifPresent(d -> b.doi(d + ".err" + random.nextInt(100)));
            b.pmid(base.pmid().map(p -> String.valueOf(Long.parseLong(p) + 1 + random.nextInt(5000))).orElse(null));
            base.pages().ifPresent(p -> b.pages(String.valueOf(100 + random.nextInt(900))));
            b.provenance(List.of(Provenance.of("notices.ris", "ris", random.nextInt(1000), 0)));
            return b.build();
        }

        /** The next part of a series: "Part 2" where the paper is part 1, same authors and journal. */
        static Reference part2(Reference base, Random random) {
            String title = base.title();
            String next;
            if (title.matches("(?i).*\\bpart (1|i|one)\\b.*")) {
                next = title.replaceFirst("(?i)\\bpart (1|i|one)\\b", "Part 2");
            } else {
                next = title.replaceFirst("[.\\s]+$", "") + (random.nextBoolean() ? ". Part 2" : ": part II");
            }
            Reference.Builder b = base.toBuilder().id("").title(next).abstractText(null);
            base.doi().ifPresent(d -> b.doi(d + ".2"));
            b.pmid(base.pmid().map(p -> String.valueOf(Long.parseLong(p) + 7)).orElse(null));
            base.pages().ifPresent(p -> b.pages(String.valueOf(200 + random.nextInt(800)) + "-"
                    + String.valueOf(1000 + random.nextInt(100))));
            if (random.nextBoolean()) {
                base.year().ifPresent(y -> b.issued(IssuedDate.ofYear(y + 1)));
            }
            b.provenance(List.of(Provenance.of("series.ris", "ris", random.nextInt(1000), 0)));
            return b.build();
        }

        /** Another paper with the same title: years apart, other authors, its own abstract and pages. */
        static Reference sameTitleOtherPaper(Reference base, Random random, List<Person> authorPool,
                List<Reference> real) {
            Reference.Builder b = base.toBuilder().id("");
            base.year().ifPresentOrElse(y -> b.issued(IssuedDate.ofYear(y + (random.nextBoolean() ? 1 : -1)
                    * (2 + random.nextInt(8)))), () -> b.issued(IssuedDate.ofYear(1990 + random.nextInt(30))));
            if (!authorPool.isEmpty()) {
                List<Person> authors = new ArrayList<>();
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    authors.add(authorPool.get(random.nextInt(authorPool.size())));
                }
                b.authors(authors);
            }
            b.doi(base.doi().isPresent() ? "10.9999/other." + random.nextInt(1_000_000) : null);
            b.pmid(null);
            Reference other = real.get(random.nextInt(real.size()));
            b.abstractText(other.abstractText().orElse(null));
            base.pages().ifPresent(p -> b.pages(String.valueOf(1 + random.nextInt(999))));
            base.volume().ifPresent(v -> b.volume(String.valueOf(1 + random.nextInt(60))));
            b.provenance(List.of(Provenance.of("other.ris", "ris", random.nextInt(1000), 0)));
            return b.build();
        }

        /** The conference version of a journal paper: same title and authors, its own DOI, the year before. */
        static Reference conferenceVersion(Reference base, Random random) {
            Reference.Builder b = base.toBuilder().id("").type(ReferenceType.CONFERENCE_PAPER);
            b.doi("10.1109/conf." + (2000 + random.nextInt(25)) + "." + random.nextInt(100000));
            b.pmid(null);
            base.year().ifPresent(y -> b.issued(IssuedDate.ofYear(y - 1)));
            b.venue("Proceedings of the " + (1 + random.nextInt(40)) + "th International Conference on "
                    + base.venue().orElse("Research"));
            b.volume(null);
            b.pages(String.valueOf(1 + random.nextInt(400)) + "-" + String.valueOf(401 + random.nextInt(20)));
            b.provenance(List.of(Provenance.of("ieee.ris", "ris", random.nextInt(1000), 0).fromDatabase("IEEE")));
            return b.build();
        }

        static String titleCase(String title) {
            StringBuilder out = new StringBuilder();
            boolean start = true;
            for (char c : title.toCharArray()) {
                out.append(start ? Character.toUpperCase(c) : c);
                start = Character.isWhitespace(c) || c == '-';
            }
            return out.toString();
        }

        static String punctuation(String title, Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> title.endsWith(".") ? title.substring(0, title.length() - 1) : title + ".";
                case 1 -> title.replace(": ", " - ").replace(",", "");
                case 2 -> title.replace("-", " ");
                default -> "\"" + title.replace(":", ".") + "\"";
            };
        }

        static String htmlEntities(String title, Random random) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < title.length(); i++) {
                char c = title.charAt(i);
                if (c > 0x7f) {
                    out.append("&#").append((int) c).append(';');
                } else if (c == '&') {
                    out.append("&amp;");
                } else if (c == '\'') {
                    out.append("&apos;");
                } else {
                    out.append(c);
                }
            }
            String text = out.toString();
            int space = text.indexOf(' ', text.length() / 3);
            if (space > 0 && random.nextBoolean()) {
                int end = text.indexOf(' ', space + 1);
                if (end > 0) {
                    text = text.substring(0, space + 1) + "<i>" + text.substring(space + 1, end) + "</i>"
                            + text.substring(end);
                }
            }
            return text;
        }

        static String stripDiacritics(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        }

        private static final String[][] GREEK = {{"\u03b1", "alpha"}, {"\u03b2", "beta"}, {"\u03b3", "gamma"},
                {"\u03b4", "delta"}, {"\u03ba", "kappa"}, {"\u03bc", "mu"}, {"\u03c9", "omega"}, {"\u03c4", "tau"}};

        static String greek(String title) {
            for (String[] g : GREEK) {
                if (title.contains(g[0])) {
                    return title.replace(g[0], g[1]);
                }
                if (title.matches("(?s).*\\b" + g[1] + "\\b.*")) {
                    return title.replaceAll("\\b" + g[1] + "\\b", g[0]);
                }
            }
            return title;
        }

        static String typo(String title, Random random) {
            if (title.length() < 20) {
                return title;
            }
            int at = 5 + random.nextInt(title.length() - 10);
            if (!Character.isLetter(title.charAt(at))) {
                return title;
            }
            return random.nextBoolean() ? title.substring(0, at) + title.substring(at + 1)
                    : title.substring(0, at) + (char) ('a' + random.nextInt(26)) + title.substring(at + 1);
        }

        static String initials(String given, boolean dots) {
            StringBuilder out = new StringBuilder();
            for (String part : given.split("[\\s.]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (dots) {
                    out.append(out.isEmpty() ? "" : " ").append(part.charAt(0)).append('.');
                } else {
                    out.append(part.charAt(0));
                }
            }
            return out.toString();
        }

        static String abbreviate(String venue, boolean dots) {
            StringBuilder out = new StringBuilder();
            for (String word : venue.split("\\s+")) {
                String plain = word.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
                if (plain.equals("of") || plain.equals("the") || plain.equals("and") || plain.equals("for")
                        || plain.equals("in") || plain.equals("&")) {
                    continue;
                }
                String abbreviation = ABBREVIATIONS.get(plain);
                out.append(out.isEmpty() ? "" : " ");
                if (abbreviation == null) {
                    out.append(word);
                } else {
                    out.append(abbreviation).append(dots && !abbreviation.equals(word) ? "." : "");
                }
            }
            return out.isEmpty() ? venue : out.toString();
        }

        static String abbreviatePages(String pages, Random random) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*[-\u2013]+\\s*(\\d+)")
                    .matcher(pages);
            if (!m.matches()) {
                return pages;
            }
            String first = m.group(1);
            String last = m.group(2);
            return switch (random.nextInt(3)) {
                case 0 -> {
                    int common = 0;
                    while (common < first.length() - 1 && first.length() == last.length()
                            && first.charAt(common) == last.charAt(common)) {
                        common++;
                    }
                    yield first + "-" + last.substring(common);
                }
                case 1 -> first + "\u2013" + last;
                default -> first;
            };
        }
    }
}
