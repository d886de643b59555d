package quire.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import quire.api.cli.Command;
import quire.api.cli.CommandIO;
import quire.api.cli.UsageException;

/** {@code bundles [--format text|json]}: every bundle with its state; a fragment's normal state is RESOLVED. */
@Component(service = Command.class, property = Command.NAME + "=bundles")
public final class BundlesCommand implements Command {

    private final BundleContext context;

    @Activate
    public BundlesCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public String summary() {
        return "list the installed bundles and their states";
    }

    @Override
    public String usage() {
        return "bundles [--format text|json]";
    }

    @Override
    public int run(List<String> args, CommandIO io) throws UsageException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("--format"), Set.of());
        boolean json = arguments.format("text", "json").equals("json");
        ArrayNode array = ReferenceJson.MAPPER.createArrayNode();
        int unhealthy = 0;
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            String state = state(bundle.getState());
            boolean healthy = fragment ? bundle.getState() == Bundle.RESOLVED : bundle.getState() == Bundle.ACTIVE;
            unhealthy += healthy ? 0 : 1;
            if (json) {
                array.addObject().put("id", bundle.getBundleId()).put("symbolicName", bundle.getSymbolicName())
                        .put("version", bundle.getVersion().toString()).put("state", state)
                        .put("fragment", fragment);
            } else {
                io.out().printf("%4d  %-9s %s %s%s%n", bundle.getBundleId(), state, bundle.getSymbolicName(),
                        bundle.getVersion(), fragment ? "  (fragment)" : "");
            }
        }
        if (json) {
            io.out().println(array.toPrettyString());
        } else if (unhealthy > 0) {
            io.err().println(unhealthy + " bundles are not ACTIVE (fragments: RESOLVED)");
        }
        return OK;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN";
        };
    }
}
