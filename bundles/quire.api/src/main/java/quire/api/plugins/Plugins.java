package quire.api.plugins;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The plugins installed in the running workbench, and the switch to disable a misbehaving one. */
@ProviderType
public interface Plugins {

    /** EventAdmin topic posted when a plugin problem is recorded (properties: {@code bundle}, {@code message}). */
    String TOPIC_PROBLEM = "quire/plugins/PROBLEM";

    /** Every bundle installed from the plugins folder (or otherwise not part of the product), by bundle id. */
    List<PluginInfo> plugins();

    /** Stops the plugin and keeps it stopped across restarts until {@link #enable}d. */
    void disable(long bundleId) throws Exception;

    /** Starts a disabled plugin again. */
    void enable(long bundleId) throws Exception;
}
