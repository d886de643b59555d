package quire.importer.bibtex;

import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports BibTeX and biblatex files (format id {@code bibtex}), as JabRef, Zotero (with or without Better
 * BibTeX), Mendeley, Google Scholar, dblp, Scopus and arXiv write them, and as people edit them by hand.
 *
 * <p>LaTeX is decoded to Unicode; {@code @string} macros, {@code #} concatenation and {@code crossref}/{@code xdata}
 * inheritance are resolved. The citation key is kept in the field {@code citationKey}, the entry type in
 * {@code entryType}, a title's brace-protected words in {@code protectedWords}; fields the model has no place for
 * are kept under their lower-case BibTeX names. A broken entry is reported with its line and column and skipped;
 * reading resumes at the next line that starts with {@code @}.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + BibtexParser.FORMAT,
    Importer.EXTENSIONS + "=bib", Importer.EXTENSIONS + "=bibtex"})
public final class BibtexImporter implements Importer {

    /** How far into the head to look for the first entry. */
    private static final int HEAD_LIMIT = 8192;

    /** The first pass finds crossref and xdata parents, the second reads the entries. */
    @Override
    public int passes() {
        return 2;
    }

    @Override
    public String format() {
        return BibtexParser.FORMAT;
    }

    @Override
    public String label() {
        return "BibTeX / biblatex (JabRef, Zotero, Mendeley, Google Scholar, dblp, ...)";
    }

    @Override
    public List<String> extensions() {
        return List.of("bib", "bibtex");
    }

    /**
     * True when a line of the head starts (after blanks) with an entry: {@code @type{key,} or {@code @type(key,},
     * or an {@code @string}, {@code @preamble} or {@code @comment} with its brace. Comments and free text may come
     * first, as in JabRef's header; a head that starts like XML or JSON is never BibTeX.
     */
    @Override
    public boolean recognises(String fileName, String head) {
        try {
            String text = head.length() > HEAD_LIMIT ? head.substring(0, HEAD_LIMIT) : head;
            String start = text.stripLeading();
            if (start.startsWith("\uFEFF")) {
                start = start.substring(1).stripLeading();
            }
            if (start.startsWith("<") || start.startsWith("[") || start.startsWith("{")) {
                return false;
            }
            int lineStart = 0;
            while (lineStart < text.length()) {
                int end = text.indexOf('\n', lineStart);
                if (end < 0) {
                    end = text.length();
                }
                if (entryLine(text, lineStart, end)) {
                    return true;
                }
                lineStart = end + 1;
            }
            return false;
        } catch (RuntimeException e) {
            return false; // detection must never fail the import service
        }
    }

    /** Whether {@code text[from, to)} is the first line of an entry. */
    private static boolean entryLine(String text, int from, int to) {
        int k = from;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\uFEFF')) {
            k++;
        }
        if (k >= to || text.charAt(k) != '@') {
            return false;
        }
        k++;
        int typeStart = k;
        while (k < to && Character.isLetter(text.charAt(k))) {
            k++;
        }
        String type = text.substring(typeStart, k).toLowerCase(java.util.Locale.ROOT);
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        if (type.isEmpty() || k >= to || text.charAt(k) != '{' && text.charAt(k) != '(') {
            return false;
        }
        if (type.equals("string") || type.equals("preamble") || type.equals("comment")) {
            return true;
        }
        k++;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        int keyStart = k;
        while (k < to && text.charAt(k) > ' ' && ",{}()\"=#".indexOf(text.charAt(k)) < 0) {
            k++;
        }
        if (k == keyStart) {
            return false;
        }
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
            k++;
        }
        // the key is followed by its comma, or the head (or the line) ends before we see it
        return k >= to || text.charAt(k) == ',';
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        BibtexParser.parse(source, sink);
    }
}
