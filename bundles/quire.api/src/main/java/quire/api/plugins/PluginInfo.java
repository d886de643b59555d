package quire.api.plugins;

import java.util.List;

/**
 * An installed plugin.
 *
 * @param bundleId      the framework's id of its bundle
 * @param symbolicName  its bundle symbolic name
 * @param version       its bundle version
 * @param location      where it was installed from (a jar in {@code plugins/})
 * @param state         {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED} (not resolvable), ...
 * @param disabled      whether a user disabled it
 * @param contributions what its services contribute, e.g. {@code importer doi-list}, {@code command review},
 *                      {@code view quire.extraction}
 * @param problems      what went wrong with it, latest last
 */
public record PluginInfo(long bundleId, String symbolicName, String version, String location, String state,
        boolean disabled, List<String> contributions, List<PluginProblem> problems) {

    public PluginInfo {
        contributions = List.copyOf(contributions);
        problems = List.copyOf(problems);
    }
}
