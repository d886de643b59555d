package quire.importer.csljson;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import quire.api.importing.ImportSink;
import quire.api.importing.ImportSource;
import quire.api.importing.Importer;

/**
 * Imports CSL-JSON (format id {@code csl-json}), the citation data of citeproc as Zotero, Better BibTeX, Mendeley
 * and pandoc export it. Variables without a slot in {@link quire.api.model.Reference} are kept in its fields under
 * their names in lower camel case; see {@link CslItem}. Besides those, the fields {@code cslType}, {@code cslId},
 * {@code citationKey}, {@code venueAbbreviation}, and for the issued date {@code issuedEnd} (a range's end),
 * {@code season}, {@code issuedCirca} and {@code issuedLiteral} (text that could not be read as a date). Zotero's
 * library catalog ({@code source}), when it names a bibliographic database, becomes the database of the record's
 * provenance.
 */
@Component(service = Importer.class,
        property = {Importer.FORMAT + "=" + CslJsonParser.FORMAT, Importer.EXTENSIONS + "=json"})
public final class CslJsonImporter implements Importer {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]{1,40})\"");
    private static final Pattern ITEM_KEY = Pattern.compile("\"(?:title|author|issued|container-title)\"\\s*:");
    /** Keys only CSL has, for a head that ends before the first item's "type" (Better BibTeX writes it last). */
    private static final Pattern CSL_ONLY = Pattern.compile("\"date-parts\"\\s*:|\"container-title\"\\s*:"
            + "|\"author\"\\s*:\\s*\\[\\s*\\{\\s*\"(?:family|given|literal|non-dropping-particle)\"\\s*:");
    /** Crossref's REST API answers with CSL-like works that are not CSL ("type": "journal-article", titles as lists). */
    private static final Pattern CROSSREF = Pattern.compile("\"message-type\"\\s*:");

    @Override
    public String format() {
        return CslJsonParser.FORMAT;
    }

    @Override
    public String label() {
        return "CSL-JSON (Zotero, Better BibTeX, Mendeley, pandoc)";
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    /**
     * A JSON array or object with an item of a CSL type ({@code "type": "article-journal"}) and a title, author,
     * date or container; or, when the head ends before any {@code "type"}, with keys only CSL has. Other JSON that
     * has a {@code "type"} (JSON Schema, package.json, GeoJSON, Crossref) names no CSL type and is not claimed.
     */
    @Override
    public boolean recognises(String fileName, String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length() || (text.charAt(first) != '[' && text.charAt(first) != '{')
                || CROSSREF.matcher(text).find()) {
            return false;
        }
        Matcher type = TYPE.matcher(text);
        boolean anyType = false;
        while (type.find()) {
            anyType = true;
            if (CslType.isKnown(type.group(1))) {
                return ITEM_KEY.matcher(text).find();
            }
        }
        return !anyType && !text.contains("\"type\"") && CSL_ONLY.matcher(text).find();
    }

    @Override
    public void read(ImportSource source, ImportSink sink) throws IOException {
        // The reader has found the encoding (a BOM, UTF-8, or windows-1252 from older tools) and counts progress;
        // Jackson then reports columns in characters.
        try (BufferedReader in = source.openReader()) {
            new CslJsonParser(source.name()).parse(in, sink);
        }
    }
}
