package quire.api.search;

/**
 * How many of the matching references have one value of a facet.
 *
 * @param value the value, e.g. {@code 2024} for the year facet
 * @param count how many matching references have it
 */
public record FacetCount(String value, long count) {
}
