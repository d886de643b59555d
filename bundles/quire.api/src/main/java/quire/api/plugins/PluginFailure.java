package quire.api.plugins;

/** A call into a plugin failed or was abandoned; the message names the plugin and the call. */
public class PluginFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient PluginProblem problem;

    public PluginFailure(PluginProblem problem, Throwable cause) {
        super(problem.bundle() + ": " + problem.call() + ": " + problem.message(), cause);
        this.problem = problem;
    }

    /** What went wrong, as recorded for the plugin. */
    public PluginProblem problem() {
        return problem;
    }
}
