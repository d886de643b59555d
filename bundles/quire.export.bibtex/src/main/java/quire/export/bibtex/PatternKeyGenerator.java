package quire.export.bibtex;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.export.CitationKeyGenerator;
import quire.api.model.Reference;

/**
 * The citation keys of the configured {@link KeyPattern} (default {@value KeyPattern#DEFAULT_PATTERN}), for the
 * export service to give references once and keep. Configured with the exporters, under
 * {@link KeyPatternConfiguration#PID}.
 */
@Component(service = CitationKeyGenerator.class, configurationPid = KeyPatternConfiguration.PID)
public final class PatternKeyGenerator implements CitationKeyGenerator {

    private final KeyPattern pattern;

    /**
     * Activated by Declarative Services with the current configuration.
     *
     * @throws IllegalArgumentException when the key pattern is invalid (the component then does not activate)
     */
    @Activate
    public PatternKeyGenerator(KeyPatternConfiguration configuration) {
        this(KeyPattern.parse(configuration.keyPattern()));
    }

    PatternKeyGenerator(KeyPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public String keyFor(Reference reference) {
        return pattern.keyFor(reference);
    }
}
