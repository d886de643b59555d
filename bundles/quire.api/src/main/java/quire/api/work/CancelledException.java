package quire.api.work;

/** Thrown by work that stopped because its {@link Progress} was cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
