package quire.review;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import quire.api.library.Library;
import quire.api.model.Provenance;
import quire.api.model.Reference;
import quire.api.review.Criterion;
import quire.api.review.PrismaCounts;
import quire.api.review.ReviewProtocol;
import quire.api.review.ReviewStage;
import quire.api.review.StageOutcome;

/**
 * The PRISMA 2020 counts from what the stages made of the records. Each number is taken from one stage's outcome,
 * and a stage a plugin adds is counted where it sits: before title/abstract screening as "removed for other
 * reasons", between the two screenings with the records excluded, after full-text screening with the reports
 * excluded (its reasons prefixed by its label). So the diagram adds up: identified minus removed is screened,
 * screened minus excluded (and pending) is sought, and so on down to the studies included.
 */
final class PrismaCalculation {

    private PrismaCalculation() {
    }

    static PrismaCounts counts(Library library, List<ReviewStage> allStages, Map<String, List<String>> entered,
            Map<String, StageOutcome> outcomes, ReviewProtocol protocol) {
        // PRISMA ends with the studies included: stages after that one (data extraction, appraisal) are not in it
        List<ReviewStage> stages = untilIncluded(allStages);
        // records identified, by database: every record read (a reference merged from two files counts twice)
        Map<String, Integer> databases = new TreeMap<>();
        int identified = 0;
        int references = 0;
        for (String id : entered.getOrDefault(firstId(stages), List.of())) {
            Reference reference = library.reference(id).orElse(null);
            if (reference == null) {
                continue;
            }
            references++;
            Set<String> seen = new HashSet<>();
            int records = 0;
            for (Provenance p : reference.provenance()) {
                if (seen.add(p.sourceFile() + "#" + p.position())) {
                    databases.merge(source(p), 1, Integer::sum);
                    records++;
                }
            }
            if (records == 0) {
                databases.merge("other sources", 1, Integer::sum);
                records = 1;
            }
            identified += records;
        }
        int duplicates = identified - references; // records merged into one reference on import
        int removedOther = 0;
        int recordsExcluded = 0;
        int notRetrieved = 0;
        Map<String, Integer> reportsExcluded = new TreeMap<>();
        int pending = 0;
        int titleAbstract = order(stages, ReviewStage.TITLE_ABSTRACT);
        int fullText = order(stages, ReviewStage.FULL_TEXT);
        for (ReviewStage stage : stages) {
            StageOutcome outcome = outcomes.get(stage.id());
            pending += outcome.pending().size();
            if (stage.id().equals(ReviewStage.DEDUPLICATION)) {
                duplicates += outcome.excludedTotal();
            } else if (stage.order() < titleAbstract) {
                removedOther += outcome.excludedTotal();
            } else if (stage.order() < fullText) {
                recordsExcluded += outcome.excludedTotal();
            } else if (stage.id().equals(ReviewStage.FULL_TEXT)) {
                for (Map.Entry<String, Integer> reason : outcome.excluded().entrySet()) {
                    if (reason.getKey().equals(Criterion.NOT_RETRIEVED)) {
                        notRetrieved += reason.getValue();
                    } else {
                        reportsExcluded.merge(reasonText(protocol, reason.getKey()), reason.getValue(),
                                Integer::sum);
                    }
                }
            } else {
                for (Map.Entry<String, Integer> reason : outcome.excluded().entrySet()) {
                    reportsExcluded.merge(stage.label() + ": " + reasonText(protocol, reason.getKey()),
                            reason.getValue(), Integer::sum);
                }
            }
        }
        int screened = entered.getOrDefault(ReviewStage.TITLE_ABSTRACT, List.of()).size();
        int sought = entered.getOrDefault(ReviewStage.FULL_TEXT, List.of()).size();
        int included = stages.isEmpty() ? 0 : outcomes.get(stages.get(stages.size() - 1).id()).passed().size();
        return new PrismaCounts(databases, duplicates, removedOther, screened, recordsExcluded, sought, notRetrieved,
                sought - notRetrieved, reportsExcluded, included, pending);
    }

    /** The stages up to and including {@link ReviewStage#INCLUDED} (all of them when it is not installed). */
    static List<ReviewStage> untilIncluded(List<ReviewStage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(ReviewStage.INCLUDED)) {
                return stages.subList(0, i + 1);
            }
        }
        return stages;
    }

    private static String firstId(List<ReviewStage> stages) {
        return stages.isEmpty() ? "" : stages.get(0).id();
    }

    private static int order(List<ReviewStage> stages, String id) {
        return stages.stream().filter(s -> s.id().equals(id)).mapToInt(ReviewStage::order).findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    /** The database a record came from, else its file (and format): PRISMA counts records per source. */
    static String source(Provenance provenance) {
        if (provenance.database().isPresent()) {
            return provenance.database().get();
        }
        if (!provenance.sourceFile().isBlank()) {
            return provenance.sourceFile() + " (" + provenance.format() + ")";
        }
        return provenance.format();
    }

    private static String reasonText(ReviewProtocol protocol, String reason) {
        if (reason.equals(ScreenedOutcome.UNSPECIFIED)) {
            return "no reason given";
        }
        return protocol.criterion(reason).map(Criterion::text).filter(t -> !t.isBlank()).orElse(reason);
    }
}
