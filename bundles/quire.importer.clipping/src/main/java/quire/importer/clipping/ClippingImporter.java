package quire.importer.clipping;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports a clipped web page of a newsletter issue (format id {@code clipping}), such as an issue of the ML Safety
 * Newsletter saved as plain text: the issue as a {@link quire.api.model.ReferenceType#NEWSLETTER NEWSLETTER}, each
 * summarised item as a {@link quire.api.model.ReferenceType#NOTE NOTE} that is {@code partOf} the issue, and the
 * arXiv announcements and news links that the page shows beside the article as
 * {@link quire.api.model.ReferenceType#PREPRINT PREPRINT} and {@link quire.api.model.ReferenceType#WEBPAGE
 * WEBPAGE} records. Sign-in prompts, share buttons, comment boxes and other page chrome are dropped.
 *
 * <p>Paper listings are {@code .txt} files too, so the format is told by content: a newsletter heading
 * ({@code ... #7}, {@code ... Issue 7}) on the first line of text, and link markers ({@code [Link]}) or an
 * introduction ("Welcome to the 7th issue", "In this edition") below it.
 */
@Component(service = Importer.class,
        property = {Importer.FORMAT + "=" + ClippingParser.FORMAT, Importer.EXTENSIONS + "=txt"})
public final class ClippingImporter implements Importer {

    /** How many lines of the head to look at: the heading, then the introduction or the first items. */
    private static final int HEAD_LINES = 400;

    private static final Pattern MARKER_LINE = Pattern.compile(
            "^(?:[-•*–]\\s*)?\\[(?:Link|Paper|Video|Code|Blog|Slides|Website|Thread|Tweet|Demo|Data|Dataset|PDF)"
                    + "(?: \\d+)?\\].*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRO = Pattern.compile(
            ".*\\b(?:welcome to the \\d+(?:st|nd|rd|th) issue|in this (?:edition|issue)|this (?:edition|issue) "
                    + "(?:covers|of))\\b.*", Pattern.CASE_INSENSITIVE);

    @Override
    public String format() {
        return ClippingParser.FORMAT;
    }

    @Override
    public String label() {
        return "Web clipping of a newsletter issue";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public boolean recognises(String fileName, String head) {
        try {
            List<String> lines = head.replace("\uFEFF", "").lines().limit(HEAD_LINES).map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            int first = 0;
            while (first < lines.size() && PageChrome.classify(lines.get(first)) != PageChrome.Kind.NONE) {
                first++;
            }
            if (first >= lines.size() || IssueHeading.parse(lines.get(first)).isEmpty()) {
                return false;
            }
            // a heading alone could open any text; the newsletter's own structure must follow it
            return lines.stream().skip(first + 1L)
                    .anyMatch(l -> MARKER_LINE.matcher(l).matches() || INTRO.matcher(l).matches());
        } catch (RuntimeException e) {
            return false; // detection must never fail an import of another format
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // the source has found the encoding, skips a BOM and counts progress
        try (BufferedReader in = source.openReader()) {
            new ClippingParser(source.name(), sink).parse(in);
        }
    }
}
