package quire.api.review;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The order in which the current reviewer should screen the undecided records of a stage, most relevant first, as a
 * learning model (or any other rule) ranks them. Without such a service records are screened in library order.
 * Implementations keep their model up to date off the caller's thread; {@link #rank} returns the latest ranking.
 */
@ConsumerType
public interface ScreeningOrder {

    /** A record and how likely it is to be included, 0 to 1. */
    record Ranked(String referenceId, double relevance) {
    }

    /** The records of the stage the current reviewer has not decided, best first. */
    List<Ranked> rank(String stage);
}
