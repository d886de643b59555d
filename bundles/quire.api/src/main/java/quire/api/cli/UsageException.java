package quire.api.cli;

/** Bad command-line arguments: the message is shown on one line and the exit code is {@link Command#USAGE}. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
