package quire.api.review;

/** What a reviewer decided about a record in a stage. */
public enum Verdict {
    INCLUDE,
    EXCLUDE,
    MAYBE,
    /** No decision: a reviewer's earlier decision withdrawn (undo is a new entry in the log, never a deletion). */
    NONE;

    /** Whether the record goes on to the next stage, counting maybe as include, as Covidence does. */
    public boolean passes() {
        return this == INCLUDE || this == MAYBE;
    }
}
