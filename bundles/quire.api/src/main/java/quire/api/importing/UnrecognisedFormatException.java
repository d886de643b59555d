package quire.api.importing;

import java.io.IOException;

/** No installed importer recognises a file (or the format asked for is not installed). */
public class UnrecognisedFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnrecognisedFormatException(String message) {
        super(message);
    }
}
