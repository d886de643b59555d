package quire.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import quire.api.model.ReferenceType;

/**
 * How two records compare: a score adding up the evidence for and against (in the manner of a Fellegi-Sunter
 * weight: agreement on a rare value counts for, a disagreement that copies of one paper do not show counts
 * against), the confidence drawn from it, and the reasons in words.
 *
 * @param a         the first record's index
 * @param b         the second record's index
 * @param score     the weight of evidence
 * @param blocked   true when something rules out an automatic merge whatever the score (different DOIs, PMIDs or
 *                  arXiv ids; an erratum against its paper; "Part 1" against "Part 2"; a preprint against a journal
 *                  article)
 * @param reasons   what agreed and what did not
 */
record Match(int a, int b, double score, boolean blocked, List<String> reasons) {

    /** Score at or above which a pair is merged without asking (unless blocked). */
    static final double AUTOMATIC = 8.0;
    /** Score at or above which a pair goes to the review queue. */
    static final double REVIEW = 4.0;

    double confidence() {
        return confidence(score);
    }

    /** 0.5 at the review threshold, 0.95 at the automatic one. */
    static double confidence(double score) {
        double slope = Math.log(19) / (AUTOMATIC - REVIEW);
        return 1 / (1 + Math.exp(-slope * (score - REVIEW)));
    }

    boolean automatic() {
        return !blocked && score >= AUTOMATIC;
    }

    boolean candidate() {
        return score >= REVIEW;
    }

    /** Compares two records. */
    static Match of(Profile x, Profile y) {
        List<String> reasons = new ArrayList<>(6);
        double score = 0;
        boolean blocked = false;
        boolean sameId = false;

        // identifiers: equal ones are near proof, different ones near disproof
        if (!x.doi.isEmpty() && !y.doi.isEmpty()) {
            if (x.doi.equals(y.doi)) {
                score += 8;
                sameId = true;
                reasons.add("same DOI");
            } else {
                score -= 8;
                blocked = true;
                reasons.add("different DOIs");
            }
        }
        if (!x.pmid.isEmpty() && !y.pmid.isEmpty()) {
            if (x.pmid.equals(y.pmid)) {
                score += sameId ? 1 : 8;
                sameId = true;
                reasons.add("same PMID");
            } else {
                score -= 8;
                blocked = true;
                reasons.add("different PMIDs");
            }
        }
        if (!x.arxiv.isEmpty() && !y.arxiv.isEmpty()) {
            if (x.arxiv.equals(y.arxiv)) {
                score += sameId ? 1 : 8;
                sameId = true;
                reasons.add("same arXiv id");
            } else {
                score -= 8;
                blocked = true;
                reasons.add("different arXiv ids");
            }
        }

        // title
        int shortest = Math.min(x.compact.length(), y.compact.length());
        if (shortest == 0) {
            reasons.add("no title to compare");
        } else {
            double similarity = x.compact.equals(y.compact) ? 1 : MatchText.similarity(x.compact, y.compact, 0.8);
            boolean prefix = similarity < 0.9 && shortest >= 30 && prefixOf(x.compact, y.compact);
            double weight;
            if (similarity == 1) {
                weight = shortest >= 60 ? 7 : 6;
                reasons.add("same title");
            } else if (similarity >= 0.95) {
                weight = 5;
                reasons.add(percent(similarity) + " title similarity");
            } else if (similarity >= 0.9) {
                weight = 3.5;
                reasons.add(percent(similarity) + " title similarity");
            } else if (prefix) {
                weight = 3;
                reasons.add("one title begins the other (subtitle missing)");
            } else if (similarity >= 0.8) {
                weight = 1;
                reasons.add(percent(similarity) + " title similarity");
            } else {
                weight = -4;
                reasons.add("different titles");
            }
            // "Editorial", "Introduction": short titles are shared by many different papers
            if (shortest < 20 && weight > 2) {
                weight = 2;
            }
            score += weight;
        }
        if (!x.notice.equals(y.notice)) {
            score -= 10;
            blocked = true;
            reasons.add("one is a notice (" + (x.notice.isEmpty() ? y.notice : x.notice) + ") about the other");
        }
        // "Part 2" against the paper, "1995-2000" against "2001-2005": numbers a copy does not change
        if (!new HashSet<>(x.numbers).equals(new HashSet<>(y.numbers))) {
            // with the same identifier, a number lost with a subtitle is no contradiction
            score -= sameId ? 1 : 6;
            blocked |= !sameId;
            reasons.add("numbers in the titles differ (" + (x.numbers.isEmpty() ? "none" : String.join(" ", x.numbers))
                    + " vs " + (y.numbers.isEmpty() ? "none" : String.join(" ", y.numbers)) + ")");
        }

        // year: online-first and issue years differ by one
        if (x.year != 0 && y.year != 0) {
            int gap = Math.abs(x.year - y.year);
            if (gap == 0) {
                score += 1;
                reasons.add("same year");
            } else if (gap == 1) {
                reasons.add("year " + Math.min(x.year, y.year) + " vs " + Math.max(x.year, y.year)
                        + " (online first?)");
            } else {
                score -= sameId ? 1 : 5;
                reasons.add("years " + gap + " apart");
            }
        }

        // first author
        if (!x.firstFamily.isEmpty() && !y.firstFamily.isEmpty()) {
            if (sameFamily(x.firstFamily, y.firstFamily)) {
                score += 2;
                if (x.firstInitial != 0 && y.firstInitial != 0 && x.firstInitial != y.firstInitial) {
                    score -= 1;
                    reasons.add("same first author family name, other initial");
                } else {
                    reasons.add("same first author");
                }
            } else if (overlap(x.families, y.families) >= 0.6) {
                score += 0.5;
                reasons.add("same authors, another first");
            } else {
                score -= sameId ? 1 : 5;
                reasons.add("different first authors");
            }
        }

        // volume and pages
        if (!x.volume.isEmpty() && !y.volume.isEmpty()) {
            if (x.volume.equals(y.volume)) {
                score += 1;
                reasons.add("same volume");
            } else {
                // the same column in two issues ("Letters", "Editorial") differs only here
                score -= 3;
                blocked = true;
                reasons.add("different volumes");
            }
        }
        if (!x.firstPage.isEmpty() && !y.firstPage.isEmpty()) {
            if (x.firstPage.equals(y.firstPage)) {
                score += 2;
                // volume and first page together locate one article in a journal, whatever its title
                if (!x.volume.isEmpty() && x.volume.equals(y.volume)) {
                    score += 2;
                }
                reasons.add("same pages");
            } else {
                score -= 4;
                blocked = true;
                reasons.add("different pages");
            }
        }

        // venue: a weak witness, since one journal has many spellings
        if (!x.venues.isEmpty() && !y.venues.isEmpty()) {
            if (sameVenue(x, y)) {
                score += 1;
                reasons.add("same venue");
            } else {
                score -= 1;
                reasons.add("different venues");
            }
        }

        // abstract
        if (x.reference.abstractText().isPresent() && y.reference.abstractText().isPresent()
                && x.abstractWords().length >= 20 && y.abstractWords().length >= 20) {
            double overlap = jaccard(x.abstractWords(), y.abstractWords());
            if (overlap >= 0.7) {
                score += 2;
                reasons.add("same abstract");
            } else if (overlap < 0.3) {
                score -= 3;
                reasons.add("different abstracts");
            }
        }

        // a preprint and its journal version, a conference paper and its journal version: kept apart unless the
        // identifiers say they are one
        if (!sameId && kind(x.type) != kind(y.type) && kind(x.type) != 0 && kind(y.type) != 0) {
            score -= 2;
            blocked = true;
            reasons.add(x.type.label().toLowerCase(Locale.ROOT) + " vs " + y.type.label().toLowerCase(Locale.ROOT));
        }
        int a = Math.min(x.index, y.index);
        int b = Math.max(x.index, y.index);
        return new Match(a, b, score, blocked, List.copyOf(reasons));
    }

    /** 1 preprint, 2 conference paper, 3 journal article, 0 anything else (no conflict). */
    private static int kind(ReferenceType type) {
        return switch (type) {
            case PREPRINT -> 1;
            case CONFERENCE_PAPER -> 2;
            case ARTICLE -> 3;
            default -> 0;
        };
    }

    private static String percent(double similarity) {
        return Math.round(similarity * 100) + "%";
    }

    private static boolean prefixOf(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return longer.startsWith(shorter);
    }

    /** Family names agree: equal, one a part of a compound name, or one letter apart in a long name. */
    static boolean sameFamily(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a))) {
            return true;
        }
        return Math.min(a.length(), b.length()) >= 6 && MatchText.similarity(a, b, 0.8) >= 1 - 1.0 / Math.max(a.length(), b.length()) - 1e-9;
    }

    private static double overlap(List<String> a, List<String> b) {
        if (a.size() < 2 || b.size() < 2) {
            return 0;
        }
        Set<String> set = new HashSet<>(b);
        int common = 0;
        for (String s : a) {
            if (set.contains(s)) {
                common++;
            }
        }
        return (double) common / Math.min(a.size(), b.size());
    }

    private static boolean sameVenue(Profile x, Profile y) {
        for (List<String> a : x.venues) {
            for (List<String> b : y.venues) {
                if (MatchText.sameVenue(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Jaccard similarity of two sorted, distinct arrays. */
    private static double jaccard(int[] a, int[] b) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
