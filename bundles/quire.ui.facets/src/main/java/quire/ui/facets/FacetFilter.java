package quire.ui.facets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facet values the user ticked, and the query they make: values of one facet are OR'ed, facets are AND'ed, as
 * in every faceted search ({@code year:2024 AND (type:preprint OR type:article)}). Not thread-safe; UI thread.
 */
final class FacetFilter {

    /** The facets in the order shown, with their names for people. */
    static final Map<String, String> FACETS = facets();

    private final Map<String, Set<String>> chosen = new LinkedHashMap<>();

    private static Map<String, String> facets() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("decision", "Decision");
        map.put("year", "Year");
        map.put("type", "Type");
        map.put("venue", "Venue");
        map.put("tag", "Tag");
        map.put("source", "Source");
        return map;
    }

    /** Ticks or unticks a value. */
    void toggle(String facet, String value, boolean on) {
        Set<String> values = chosen.computeIfAbsent(facet, f -> new LinkedHashSet<>());
        if (on) {
            values.add(value);
        } else {
            values.remove(value);
        }
        if (values.isEmpty()) {
            chosen.remove(facet);
        }
    }

    boolean isChosen(String facet, String value) {
        return chosen.getOrDefault(facet, Set.of()).contains(value);
    }

    void clear() {
        chosen.clear();
    }

    /** The query of the ticked values; "" when none is ticked. */
    String query() {
        List<String> parts = new ArrayList<>();
        for (String facet : FACETS.keySet()) {
            Set<String> values = chosen.getOrDefault(facet, Set.of());
            if (values.isEmpty()) {
                continue;
            }
            List<String> terms = values.stream().map(v -> facet + ":" + quoted(v)).toList();
            parts.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")");
        }
        return String.join(" AND ", parts);
    }

    /** A value as a query term: quoted when it is not one plain word. */
    static String quoted(String value) {
        return value.matches("[\\p{L}\\p{N}_.-]+") ? value : "\"" + value.replace("\"", "") + "\"";
    }
}
