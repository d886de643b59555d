package quire.example.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import quire.api.export.CitationKeyGenerator;
import quire.api.model.Reference;

/**
 * The extraction results as a table: one row per included study and reviewer who extracted it (a study nobody has
 * extracted yet gets one row with an empty reviewer, so that none is missing), with the columns study id, citation
 * key, title, reviewer, then one column per field of the form (multi-choice values joined by "; ").
 */
final class ExtractionTable {

    private ExtractionTable() {
    }

    static List<List<String>> rows(ExtractionForm form, List<Reference> studies, List<Extraction> extractions) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("study", "citation_key", "title", "reviewer"));
        form.fields().forEach(f -> header.add(f.id()));
        rows.add(header);
        for (Reference study : studies) {
            List<Extraction> byStudy = extractions.stream().filter(e -> e.study().equals(study.id()))
                    .sorted(Comparator.comparing(Extraction::reviewer)).toList();
            String key = study.fields().getOrDefault(CitationKeyGenerator.FIELD, "");
            if (byStudy.isEmpty()) {
                List<String> row = new ArrayList<>(List.of(study.id(), key, study.title(), ""));
                form.fields().forEach(f -> row.add(""));
                rows.add(row);
            }
            for (Extraction extraction : byStudy) {
                List<String> row = new ArrayList<>(List.of(study.id(), key, study.title(),
                        extraction.reviewer()));
                form.fields().forEach(f -> row.add(String.join("; ",
                        extraction.answers().getOrDefault(f.id(), List.of()))));
                rows.add(row);
            }
        }
        return rows;
    }
}
