package quire.api.export;

/**
 * An export that cannot be done as asked: no exporter for the format is installed, the selection needs the search
 * service and it is not installed, or the query does not parse (the cause is then the
 * {@link quire.api.search.QuerySyntaxException}, with the position). Nothing was written and no key was stored.
 */
public class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
