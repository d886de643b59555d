package quire.example.extraction;

import java.util.List;

/** An extraction form that cannot be used: every problem found, each as {@code file:line:column: what}. */
public final class FormException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public FormException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the extraction form:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
