package quire.api.search;

/** A query that cannot be parsed, with the position (from 0) where it went wrong. */
public class QuerySyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Where in the query the problem is, from 0; -1 when unknown. */
    public int position() {
        return position;
    }
}
