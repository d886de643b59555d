package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;
import quire.api.plugins.PluginInfo;
import quire.api.plugins.PluginProblem;
import quire.api.plugins.Plugins;

/**
 * {@code plugins [--format text|json]}, {@code plugins disable|enable NAME|ID}: the bundles installed from the
 * plugins folder, their state, what they contribute and what went wrong with them.
 */
@Component(service = Command.class, property = Command.NAME + "=plugins")
public final class PluginsCommand implements Command {

    @Reference
    private Plugins plugins;

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list the installed plugins, what they contribute and their problems; disable or enable one";
    }

    @Override
    public String usage() {
        return "plugins [--format text|json] | plugins disable NAME|ID | plugins enable NAME|ID";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws Exception {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--format"), Set.of());
        List<String> words = arguments.operands();
        if (!words.isEmpty()) {
            if (words.size() != 2 || !Set.of("disable", "enable").contains(words.get(0))) {
                throw new UsageException("expected 'disable NAME' or 'enable NAME', not " + words);
            }
            PluginInfo plugin = find(words.get(1));
            if (words.get(0).equals("disable")) {
                plugins.disable(plugin.bundleId());
                io.out().println("disabled " + plugin.symbolicName() + " (stays off until enabled)");
            } else {
                plugins.enable(plugin.bundleId());
                io.out().println("enabled " + plugin.symbolicName());
            }
            return OK;
        }
        List<PluginInfo> installed = plugins.plugins();
        if (arguments.format("text", "json").equals("json")) {
            ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
            for (PluginInfo plugin : installed) {
                ObjectNode node = array.addObject().put("id", plugin.bundleId())
                        .put("symbolicName", plugin.symbolicName()).put("version", plugin.version())
                        .put("state", plugin.state()).put("disabled", plugin.disabled())
                        .put("location", plugin.location());
                plugin.contributions().forEach(node.putArray("contributions")::add);
                ArrayNode problems = node.putArray("problems");
                for (PluginProblem problem : plugin.problems()) {
                    problems.addObject().put("kind", problem.kind().name()).put("call", problem.call())
                            .put("message", problem.message()).put("at", problem.at().toString());
                }
            }
            io.out().println(array.toPrettyString());
            return OK;
        }
        if (installed.isEmpty()) {
            io.out().println("no plugins installed (drop bundles into the plugins folder)");
            return OK;
        }
        for (PluginInfo plugin : installed) {
            io.out().printf("%4d  %-9s %s %s%s%n", plugin.bundleId(), plugin.state(), plugin.symbolicName(),
                    plugin.version(), plugin.disabled() ? "  (disabled)" : "");
            for (String contribution : plugin.contributions()) {
                io.out().println("        contributes " + contribution);
            }
            for (PluginProblem problem : plugin.problems()) {
                io.out().println("        " + problem.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + problem.call() + ": " + problem.message());
            }
        }
        return OK;
    }

    private PluginInfo find(String nameOrId) throws UsageException {
        return plugins.plugins().stream()
                .filter(p -> p.symbolicName().equals(nameOrId) || Long.toString(p.bundleId()).equals(nameOrId))
                .findFirst().orElseThrow(() -> new UsageException("no plugin " + nameOrId
                        + " is installed; 'quire plugins' lists them"));
    }
}
