package quire.api.library;

import java.io.IOException;

/** The workspace is open in another Quire process; two writers would corrupt it, so the second is refused. */
public class WorkspaceLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WorkspaceLockedException(String message) {
        super(message);
    }
}
