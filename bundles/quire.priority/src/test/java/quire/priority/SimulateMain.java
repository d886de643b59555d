package quire.priority;

import java.util.List;
import quire.api.cli.CommandIO;

/**
 * Runs {@code review-simulate} outside the framework (for figures from a build tree), with our two models:
 * {@code ./mvnw -q -o -pl bundles/quire.priority test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=quire.priority.SimulateMain -Dexec.args="DATASET.csv... --model svm,nb"}.
 */
public final class SimulateMain {
    public static void main(String[] args) throws Exception {
        SimulateCommand command = new SimulateCommand(List.of(new LinearSvmModel(), new NaiveBayesModel()));
        System.exit(command.run(List.of(args), new CommandIO(System.out, System.err, System.console() != null)));
    }
}
