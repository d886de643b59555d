package quire.importer.ris;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports RIS (format id {@code ris}), the tagged format that EndNote, Zotero, Mendeley, Scopus, Web of Science,
 * Embase, PubMed and IEEE Xplore export. The database a record came from is taken from {@code DB} or {@code DP},
 * else from a Scopus record link or a Web of Science accession number, for PRISMA's count per database.
 *
 * <p>Tags with a place in the model fill it ({@code TI}, {@code AU}, {@code PY}, {@code DO}...); the others are
 * kept in the reference's fields. MEDLINE files (.nbib), whose tags look alike, are left to their own importer.
 */
@Component(service = Importer.class, property = {Importer.FORMAT + "=" + RisParser.FORMAT,
        Importer.EXTENSIONS + "=ris", Importer.EXTENSIONS + "=txt"})
public final class RisImporter implements Importer {

    // tags of 3 or 4 letters that only MEDLINE writes ("PMID- ", "FAU - "); RIS tags have two characters
    private static final Pattern MEDLINE = Pattern.compile(
            "(?:PMID|FAU|STAT|OWN|DCOM|LID|PHST|JID|EDAT|MHDA|CRDT|PST|AUID|IRAD|FIR|DEP|OTO|PMC|CIN|SFM) ?- .*");
    private static final Pattern TYPE_LINE = Pattern.compile("\\s{0,3}TY {1,2}- ?\\S.*");
    private static final int LINES_BEFORE_TY = 10;

    @Override
    public String format() {
        return RisParser.FORMAT;
    }

    @Override
    public String label() {
        return "RIS (EndNote, Zotero, Mendeley, Scopus, Web of Science, Embase, PubMed, IEEE)";
    }

    @Override
    public List<String> extensions() {
        return List.of("ris", "txt");
    }

    /**
     * A {@code TY} line among the first non-blank lines (a tool may write a line or two before it), or a file
     * that starts with tagged lines and has an {@code ER}: a record without its type is still RIS.
     */
    @Override
    public boolean recognises(String fileName, String head) {
        List<String> lines = head.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || lines.stream().anyMatch(l -> MEDLINE.matcher(l).matches())) {
            return false;
        }
        for (int i = 0; i < Math.min(LINES_BEFORE_TY, lines.size()); i++) {
            if (TYPE_LINE.matcher(lines.get(i)).matches()) {
                return true;
            }
        }
        long tagged = lines.stream().filter(l -> RisParser.TAGGED.matcher(l).matches()).count();
        boolean ends = lines.stream().anyMatch(l -> l.strip().startsWith("ER") && RisParser.TAGGED.matcher(l).matches()
                || l.strip().equals("ER"));
        return RisParser.TAGGED.matcher(lines.getFirst()).matches() && ends && tagged >= 3;
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // the source has found the encoding, skips a BOM and counts progress
        try (BufferedReader in = source.openReader()) {
            new RisParser(source.name()).parse(in, sink);
        }
    }
}
