package quire.ui;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How a failure is told to the user: its own message on one line, or its kind when it has none. */
final class Problems {

    private Problems() {
    }

    static String message(Throwable e) {
        Throwable shown = e;
        while ((shown instanceof CompletionException || shown instanceof ExecutionException
                || shown instanceof UncheckedIOException || shown instanceof InvocationTargetException)
                && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return shown.getClass().getSimpleName();
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
